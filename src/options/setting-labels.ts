/** The visible name of each setting: the field labels, and the fell-back notice. */
import type { Settings } from '../shared/settings.ts';
import { t } from '../ui/i18n.ts';

type SettingKey = Exclude<keyof Settings, 'version'>;

export const settingLabel: Record<SettingKey, () => string> = {
  enabled: () => t('fieldPaused', 'Pause everywhere'),
  disabledSites: () => t('fieldDisabledSites', 'Sites where the lens is off'),
  highlightStyle: () => t('fieldHighlightStyle', 'How claims are marked'),
  actorHighlights: () => t('fieldActorHighlights', 'Also highlight people and organisations'),
  minConfidence: () => t('fieldMinConfidence', 'Minimum match'),
  badge: () => t('fieldBadge', 'Show the number of claims on the toolbar button'),
  iframes: () => t('fieldIframes', 'Read text inside embedded frames (iframes)'),
  shadowDom: () => t('fieldShadowDom', 'Read text inside web components (shadow DOM)'),
};

/**
 * A name for each entry of `fellBack` (see readSettings): a known setting, `settings` for
 * the whole object, or `<name> (unknown)` for a field this version does not know.
 */
export function fellBackLabel(entry: string): string {
  if (entry === 'settings') return t('settingAll', 'All settings');
  const unknown = /^(.*) \(unknown\)$/.exec(entry);
  if (unknown) return t('settingUnknown', 'A setting this version does not know ($1)', unknown[1] ?? '');
  return entry in settingLabel ? settingLabel[entry as SettingKey]() : entry;
}
