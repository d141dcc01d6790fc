/**
 * How much one message between a content script and the background may carry. Kept apart from
 * messages.ts (and its zod schemas) so that the content script can import them for nothing.
 */

/** Texts per `lens-texts` message; the content script also keeps each message under ~256 K characters. */
export const MAX_TEXTS_PER_MESSAGE = 2_000;

/**
 * Blocks a `lens-annotate` message names; a longer page's order goes ahead in `lens-order` parts
 * of this size. Chromium turns a message into its own values one array element at a time: 33,334
 * hashes in one message held the page's main thread 16-35 ms on session 19's machine, 5-11 ms on
 * session 20's; in parts of this size, 1-4 ms at a stretch.
 */
export const MAX_ORDER_PER_MESSAGE = 2_000;
