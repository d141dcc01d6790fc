/**
 * UI strings through browser.i18n (the _locales folders), with the English text as the
 * fallback when a key is missing, so a forgotten translation shows English, never a blank.
 */
import { gregorianLocale, resolvePageLanguage } from './page-language.ts';

interface I18nApi {
  getMessage(key: string, substitutions?: string | string[]): string;
  getUILanguage(): string;
}

/**
 * browser.i18n (Firefox) or chrome.i18n (Chrome): both synchronous, so no polyfill is needed,
 * and the content script (which shows the card) stays without one.
 */
function i18n(): I18nApi {
  const scope = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  const api = scope.browser?.i18n ?? scope.chrome?.i18n;
  if (!api) throw new Error('no extension i18n API here');
  return api;
}

export function t(key: string, fallback: string, substitutions?: string | string[]): string {
  try {
    const message = i18n().getMessage(key, substitutions);
    if (message) return message;
  } catch {
    // Outside an extension context (tests): use the fallback.
  }
  if (substitutions === undefined) return fallback;
  const values = Array.isArray(substitutions) ? substitutions : [substitutions];
  return fallback.replace(/\$(\d)/g, (_, index: string) => values[Number(index) - 1] ?? '');
}

/**
 * Whether our UI is shown right-to-left: by the language of the strings in use, not the
 * browser's alone (an Arabic browser gets our English strings, laid out left-to-right).
 */
export function isRightToLeft(): boolean {
  return resolvePageLanguage(uiLanguage(), t('localeCode', 'en')).dir === 'rtl';
}

export function uiLanguage(): string {
  try {
    return i18n().getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A dataset date (YYYY, YYYY-MM or YYYY-MM-DD) in the UI language, at its own precision. */
export function formatPartialDate(value: string, language = uiLanguage()): string {
  const [year, month, day] = value.split('-').map(Number);
  const precision = day ? 'day' : month ? 'month' : 'year';
  const key = `${language}|${precision}`;
  let format = formatters.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      precision === 'day' ? { year: 'numeric', month: 'long', day: 'numeric' } : precision === 'month' ? { year: 'numeric', month: 'long' } : { year: 'numeric' };
    // Dataset dates are Gregorian; a month or year in another calendar (Persian's default) would misstate them.
    format = new Intl.DateTimeFormat(gregorianLocale(language), { ...options, timeZone: 'UTC' });
    formatters.set(key, format);
  }
  return format.format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)));
}
