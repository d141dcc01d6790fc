/** The lanes' names in the UI language. */
import { t } from '../ui/i18n.ts';
import type { Theme } from './model/themes.ts';

export function themeLabel(theme: Theme): string {
  switch (theme) {
    case 'diplomacy':
      return t('themeDiplomacy', 'Diplomacy and summits');
    case 'military':
      return t('themeMilitary', 'Military and arms');
    case 'nuclear':
      return t('themeNuclear', 'Nuclear');
    case 'economy':
      return t('themeEconomy', 'Energy, trade and transport');
    case 'space':
      return t('themeSpace', 'Space');
    case 'sanctions':
      return t('themeSanctions', 'Sanctions and the UN');
    case 'wars':
      return t('themeWars', 'Wars in Syria, Ukraine and the region');
  }
}

const languageNames = new Map<string, Intl.DisplayNames | null>();

/** `ru` → "Russian" (in the UI language), or the code itself where the browser cannot name it. */
export function languageLabel(code: string, uiLang: string): string {
  if (!languageNames.has(uiLang)) {
    try {
      languageNames.set(uiLang, new Intl.DisplayNames([uiLang], { type: 'language' }));
    } catch {
      languageNames.set(uiLang, null);
    }
  }
  return languageNames.get(uiLang)?.of(code) ?? code;
}
