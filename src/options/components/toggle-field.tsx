/** One on/off setting: a native checkbox with its visible label and an optional hint. */

interface ToggleFieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  /** A small tag after the label, e.g. "Experimental". */
  readonly tag?: string;
  readonly checked: boolean;
  readonly disabled: boolean;
  readonly onChange: (checked: boolean) => void;
}

export function ToggleField({ id, label, hint, tag, checked, disabled, onChange }: ToggleFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div class="field field-toggle">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        disabled={disabled}
        aria-describedby={hintId}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <div class="field-text">
        <label for={id}>
          {label}
          {tag && <span class="tag">{tag}</span>}
        </label>
        {hint && (
          <p id={hintId} class="hint">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}
