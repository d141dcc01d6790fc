/** Adds a site to the list. Invalid input is explained beside the field and never saved. */
import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../ui/i18n.ts';
import { parseSiteInput, type SiteInputResult } from '../site-input.ts';

type SiteError = Extract<SiteInputResult, { ok: false }>;

function errorText({ error, pattern }: SiteError): string {
  switch (error) {
    case 'empty':
      return t('siteErrorEmpty', 'Type a site first, such as example.com.');
    case 'invalid':
      return t('siteErrorInvalid', '“$1” is not a host name. Use a form such as example.com or *.example.com.', pattern);
    case 'duplicate':
      return t('siteErrorDuplicate', '$1 is already in the list.', pattern);
    case 'full':
      return t('siteErrorFull', 'The list is full. Remove a site before adding another.');
  }
}

interface AddSiteFormProps {
  readonly sites: readonly string[];
  readonly disabled: boolean;
  readonly inputRef: Ref<HTMLInputElement>;
  readonly onAdd: (pattern: string) => void;
}

export function AddSiteForm({ sites, disabled, inputRef, onAdd }: AddSiteFormProps) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<SiteError | null>(null);

  const submit = (event: Event) => {
    event.preventDefault();
    const result = parseSiteInput(value, sites);
    if (!result.ok) {
      setError(result);
      return;
    }
    setError(null);
    setValue('');
    onAdd(result.pattern);
  };

  return (
    <form class="add-site" onSubmit={submit} noValidate>
      <label for="opt-add-site">{t('siteAddLabel', 'Add a site')}</label>
      <p id="opt-add-site-hint" class="hint">
        {t('siteAddHint', 'A host name such as example.com (which includes its subdomains) or *.example.com.')}
      </p>
      <div class="add-site-row">
        <input
          ref={inputRef}
          id="opt-add-site"
          type="text"
          dir="ltr"
          inputMode="url"
          autoComplete="off"
          autoCapitalize="off"
          spellcheck={false}
          placeholder="example.com"
          value={value}
          disabled={disabled}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'opt-add-site-hint opt-add-site-error' : 'opt-add-site-hint'}
          onInput={(event) => {
            setValue(event.currentTarget.value);
            if (error) setError(null);
          }}
        />
        <button type="submit" class="button" disabled={disabled}>
          {t('siteAddButton', 'Add')}
        </button>
      </div>
      <p id="opt-add-site-error" class="error" role="status" data-testid="site-error">
        {error ? errorText(error) : ''}
      </p>
    </form>
  );
}
