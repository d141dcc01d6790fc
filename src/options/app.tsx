/** The options page: settings in four short groups, then what the dataset is. */
import { t } from '../ui/i18n.ts';
import { AboutDataset } from './components/about-dataset.tsx';
import { ConfidenceField } from './components/confidence-field.tsx';
import { DisabledSites } from './components/disabled-sites.tsx';
import { FellBackNotice } from './components/fell-back-notice.tsx';
import { HighlightStyleField } from './components/highlight-style-field.tsx';
import { SaveStatusMessage } from './components/save-status.tsx';
import { SyncErrorNotice } from './components/sync-error-notice.tsx';
import { ToggleField } from './components/toggle-field.tsx';
import { settingLabel } from './setting-labels.ts';
import { useSettings } from './use-settings.ts';
import { useSyncError } from './use-sync-error.ts';

export function OptionsApp({ lang }: { lang: string }) {
  const { state, saveStatus, update } = useSettings();
  const syncError = useSyncError();
  const { settings } = state;
  const locked = state.phase !== 'ready';
  return (
    <div class="page" data-state={state.phase} aria-busy={state.phase === 'loading' ? 'true' : undefined}>
      <header class="page-header">
        <h1>{t('optionsHeading', 'Russia–Iran Lens settings')}</h1>
        <p class="lead">{t('optionsIntro', 'Changes are saved as soon as you make them.')}</p>
      </header>

      {state.loadError && (
        <div class="notice" role="alert" data-testid="load-error">
          <p>{t('optionsLoadFailed', 'Your settings could not be loaded, so they cannot be changed right now: $1', state.loadError)}</p>
        </div>
      )}
      <FellBackNotice fields={state.fellBack} />
      <SyncErrorNotice error={syncError} />

      <section class="card" aria-labelledby="highlighting-heading">
        <h2 id="highlighting-heading">{t('sectionHighlighting', 'Highlighting')}</h2>
        <HighlightStyleField value={settings.highlightStyle} disabled={locked} onChange={(highlightStyle) => update({ highlightStyle })} />
        <ConfidenceField value={settings.minConfidence} lang={lang} disabled={locked} onChange={(minConfidence) => update({ minConfidence })} />
        <ToggleField
          id="opt-actor-highlights"
          label={settingLabel.actorHighlights()}
          hint={t('fieldActorHighlightsHint', 'Marks the names of people and organisations from the dataset as well as claims.')}
          checked={settings.actorHighlights}
          disabled={locked}
          onChange={(actorHighlights) => update({ actorHighlights })}
        />
      </section>

      <section class="card" aria-labelledby="sites-heading">
        <h2 id="sites-heading">{t('sectionSites', 'Where the lens runs')}</h2>
        <ToggleField
          id="opt-paused"
          label={settingLabel.enabled()}
          hint={t('fieldPausedHint', 'While this is on, nothing is highlighted on any site.')}
          checked={!settings.enabled}
          disabled={locked}
          onChange={(paused) => update({ enabled: !paused })}
        />
        <DisabledSites sites={settings.disabledSites} disabled={locked} onChange={(disabledSites) => update({ disabledSites })} />
      </section>

      <section class="card" aria-labelledby="toolbar-heading">
        <h2 id="toolbar-heading">{t('sectionToolbar', 'Toolbar button')}</h2>
        <ToggleField
          id="opt-badge"
          label={settingLabel.badge()}
          hint={t('fieldBadgeHint', 'A small count on the extension’s button for the page in the current tab.')}
          checked={settings.badge}
          disabled={locked}
          onChange={(badge) => update({ badge })}
        />
      </section>

      <section class="card" aria-labelledby="experimental-heading">
        <h2 id="experimental-heading">{t('sectionExperimental', 'Experimental')}</h2>
        <p class="section-hint">{t('sectionExperimentalHint', 'These may slow some pages down or miss some text. Both are off by default.')}</p>
        <ToggleField
          id="opt-iframes"
          label={settingLabel.iframes()}
          tag={t('tagExperimental', 'Experimental')}
          checked={settings.iframes}
          disabled={locked}
          onChange={(iframes) => update({ iframes })}
        />
        <ToggleField
          id="opt-shadow-dom"
          label={settingLabel.shadowDom()}
          tag={t('tagExperimental', 'Experimental')}
          checked={settings.shadowDom}
          disabled={locked}
          onChange={(shadowDom) => update({ shadowDom })}
        />
      </section>

      <AboutDataset lang={lang} />
      <SaveStatusMessage status={saveStatus} />
    </div>
  );
}
