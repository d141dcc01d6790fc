/** One letter per block kind, so a page of 50,000 blocks travels as one short string (kept free of zod: the content script imports it). */
export const BLOCK_KIND_CODES = { heading: 'h', paragraph: 'p', 'list-item': 'l', 'table-cell': 't', caption: 'c', quote: 'q', other: 'o' } as const;
