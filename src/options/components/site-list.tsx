/** The sites where the lens is off, each with a remove button. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../ui/i18n.ts';

interface SiteListProps {
  readonly sites: readonly string[];
  readonly labelId: string;
  readonly disabled: boolean;
  readonly onRemove: (site: string) => void;
  /** Where focus goes when the last site is removed. */
  readonly focusWhenEmpty: () => void;
}

export function SiteList({ sites, labelId, disabled, onRemove, focusWhenEmpty }: SiteListProps) {
  const list = useRef<HTMLUListElement>(null);
  // After a removal, focus the button now in the removed one's place (or the one before it),
  // so a keyboard user is not dropped at the top of the page.
  const [focusIndex, setFocusIndex] = useState<number | null>(null);

  useEffect(() => {
    // A disabled button takes no focus: while the list is locked (settings reloading after the save), wait for it.
    if (focusIndex === null || disabled) return;
    setFocusIndex(null);
    const buttons = list.current?.querySelectorAll('button');
    const target = buttons?.[Math.min(focusIndex, buttons.length - 1)];
    if (target) target.focus();
    else focusWhenEmpty();
  }, [focusIndex, sites, focusWhenEmpty, disabled]);

  if (sites.length === 0) {
    // While the settings load, keep the line's space but do not claim the list is empty.
    return (
      <p class={disabled ? 'empty pending' : 'empty'} aria-hidden={disabled ? 'true' : undefined} data-testid="sites-empty">
        {t('sitesEmpty', 'None: the lens runs on every site.')}
      </p>
    );
  }
  return (
    <ul class="site-list" ref={list} aria-labelledby={labelId} data-testid="site-list">
      {sites.map((site, index) => (
        <li key={site}>
          <span class="site" dir="ltr">
            {site}
          </span>
          <button
            type="button"
            class="button-quiet"
            disabled={disabled}
            aria-label={t('siteRemoveLabel', 'Remove $1', site)}
            onClick={() => {
              setFocusIndex(index);
              onRemove(site);
            }}
          >
            {t('siteRemove', 'Remove')}
          </button>
        </li>
      ))}
    </ul>
  );
}
