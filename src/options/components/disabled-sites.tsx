/** "Sites where the lens is off": the list, and the field that adds to it. */
import { useCallback, useRef } from 'preact/hooks';
import { settingLabel } from '../setting-labels.ts';
import { AddSiteForm } from './add-site-form.tsx';
import { SiteList } from './site-list.tsx';

interface DisabledSitesProps {
  readonly sites: readonly string[];
  readonly disabled: boolean;
  readonly onChange: (sites: string[]) => void;
}

export function DisabledSites({ sites, disabled, onChange }: DisabledSitesProps) {
  const input = useRef<HTMLInputElement>(null);
  const focusInput = useCallback(() => input.current?.focus(), []);
  return (
    <div class="field field-sites">
      <h3 id="disabled-sites-label" class="field-heading">
        {settingLabel.disabledSites()}
      </h3>
      <SiteList
        sites={sites}
        labelId="disabled-sites-label"
        disabled={disabled}
        onRemove={(site) => onChange(sites.filter((other) => other !== site))}
        focusWhenEmpty={focusInput}
      />
      <AddSiteForm sites={sites} disabled={disabled} inputRef={input} onAdd={(pattern) => onChange([...sites, pattern])} />
    </div>
  );
}
