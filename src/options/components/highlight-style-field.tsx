/** How claims are painted on the page: three radios, each with a sample of the style. */
import type { Settings } from '../../shared/settings.ts';
import { t } from '../../ui/i18n.ts';
import { settingLabel } from '../setting-labels.ts';

type HighlightStyle = Settings['highlightStyle'];

const STYLES: readonly { value: HighlightStyle; label: () => string }[] = [
  { value: 'underline', label: () => t('styleUnderline', 'Underline') },
  { value: 'underline-and-tint', label: () => t('styleUnderlineAndTint', 'Underline and tint') },
  { value: 'tint', label: () => t('styleTint', 'Tint') },
];

interface HighlightStyleFieldProps {
  readonly value: HighlightStyle;
  readonly disabled: boolean;
  readonly onChange: (value: HighlightStyle) => void;
}

export function HighlightStyleField({ value, disabled, onChange }: HighlightStyleFieldProps) {
  const sample = t('styleSample', 'a sourced claim');
  return (
    <fieldset class="field field-choices" disabled={disabled}>
      <legend>{settingLabel.highlightStyle()}</legend>
      <div class="choices">
        {STYLES.map((style) => (
          <div class="choice" key={style.value}>
            <input
              type="radio"
              id={`style-${style.value}`}
              name="highlightStyle"
              value={style.value}
              checked={value === style.value}
              onChange={(event) => event.currentTarget.checked && onChange(style.value)}
            />
            <label for={`style-${style.value}`}>
              <span class="choice-name">{style.label()}</span>
              <span class={`sample sample-${style.value}`} aria-hidden="true">
                {sample}
              </span>
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
