/** The minimum match for a highlight: a slider from 50% to 95% in steps of 5, saved when it is let go. */
import { useState } from 'preact/hooks';
import { t } from '../../ui/i18n.ts';
import { formatPercent } from '../../ui/number-format.ts';
import { CONFIDENCE_RANGE, snapConfidence } from '../confidence.ts';
import { settingLabel } from '../setting-labels.ts';

interface ConfidenceFieldProps {
  readonly value: number;
  readonly lang: string;
  readonly disabled: boolean;
  readonly onChange: (value: number) => void;
}

export function ConfidenceField({ value, lang, disabled, onChange }: ConfidenceFieldProps) {
  // While the slider is being dragged it shows its value without saving each step.
  const [draft, setDraft] = useState<number | null>(null);
  const shown = draft ?? value;
  const percent = formatPercent(shown, lang);
  return (
    <div class="field field-range">
      <label for="opt-min-confidence">{settingLabel.minConfidence()}</label>
      <div class="range-row">
        <input
          type="range"
          id="opt-min-confidence"
          min={CONFIDENCE_RANGE.min}
          max={CONFIDENCE_RANGE.max}
          step={CONFIDENCE_RANGE.step}
          value={shown}
          disabled={disabled}
          aria-valuetext={percent}
          aria-describedby="opt-min-confidence-hint"
          onInput={(event) => setDraft(snapConfidence(event.currentTarget.valueAsNumber))}
          onChange={(event) => {
            const next = snapConfidence(event.currentTarget.valueAsNumber);
            setDraft(null);
            if (next !== value) onChange(next);
          }}
        />
        <span class="range-value" aria-hidden="true" data-testid="min-confidence-value">
          {percent}
        </span>
      </div>
      <p id="opt-min-confidence-hint" class="hint">
        {t('fieldMinConfidenceHint', 'Only sentences that match a claim at least this closely are highlighted. Lower finds more, with more mistakes.')}
      </p>
    </div>
  );
}
