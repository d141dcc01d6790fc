/**
 * The languages the dataset names things in and the engine reads (kept free of zod: the content script imports it).
 * The first ten are the ones every actor is named in; the rest carry the names of the two sides, their capitals,
 * leaders and main institutions (facts, as in Wikidata's labels), so pages in them are read too.
 */
export const LANGUAGES = [
  'en', 'ru', 'fa', 'ar', 'de', 'fr', 'es', 'it', 'pt', 'tr',
  'uk', 'pl', 'cs', 'sk', 'hr', 'sr', 'sl', 'bg', 'hu', 'ro', 'el', 'nl', 'sv', 'zh', 'ja', 'ko', 'hi', 'ur', 'he', 'az', 'id',
] as const;
export type Language = (typeof LANGUAGES)[number];
