/**
 * Which language and direction an extension page is in. The strings come from the _locales
 * folder the browser picked, which is the UI language only when we ship that language: a
 * browser in Arabic shows our English strings, and its page must then be English and
 * left-to-right, not English laid out right-to-left.
 */

import { primaryLanguage as primarySubtag } from '../core/text/language.ts';

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi', 'dv']);

export type TextDirection = 'ltr' | 'rtl';

/** The primary language subtag, lowercased: `fa-IR` → `fa` (empty for an empty tag). */
export function primaryLanguage(tag: string): string {
  return primarySubtag(tag) ?? '';
}

export function textDirection(tag: string): TextDirection {
  return RTL_LANGUAGES.has(primaryLanguage(tag)) ? 'rtl' : 'ltr';
}

/**
 * `uiLanguage` is browser.i18n.getUILanguage(); `stringsLanguage` is the language of the
 * messages file in use. The UI language wins when it is the same language (it carries the
 * region, e.g. `ru-RU`), otherwise the page is in the language its strings are in.
 */
export function resolvePageLanguage(uiLanguage: string, stringsLanguage: string): { lang: string; dir: TextDirection } {
  const lang = uiLanguage && primaryLanguage(uiLanguage) === primaryLanguage(stringsLanguage) ? uiLanguage.replace(/_/g, '-') : stringsLanguage;
  return { lang, dir: textDirection(lang) };
}

/**
 * The locale for dataset dates: the page language, always with the Gregorian calendar. The
 * dataset's dates are Gregorian and often only a month or a year, which another calendar
 * cannot show truthfully (July 2024 spans two Persian months).
 */
export function gregorianLocale(lang: string): string {
  try {
    return new Intl.Locale(lang, { calendar: 'gregory' }).toString();
  } catch {
    return 'en-u-ca-gregory';
  }
}
