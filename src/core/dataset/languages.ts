/** The languages the dataset names things in and the engine reads (kept free of zod: the content script imports it). */
export const LANGUAGES = ['en', 'ru', 'fa', 'ar', 'de', 'fr', 'es', 'it', 'pt', 'tr'] as const;
export type Language = (typeof LANGUAGES)[number];
