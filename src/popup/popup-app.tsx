/** The popup: what this page says about Russia–Iran relations, or a search when it says nothing. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Dataset } from '../core/dataset/schema.ts';
import type { PageReport } from '../shared/report.ts';
import type { Settings } from '../shared/settings.ts';
import { datasetAsOf } from '../core/dataset/stats.ts';
import { indexDataset } from '../shared/claim-details.ts';
import { formatPartialDate, t } from '../ui/i18n.ts';
import { DatasetSearch } from './dataset-search.tsx';
import { ExportButtons, hostnameOf, PageControls } from './page-controls.tsx';
import { loadReport, loadSettings, onShownDataChanged, runCommand, saveSettings, setSiteEnabled, showClaimOnPage } from './popup-api.ts';
import { ActorList, ClaimList, RelatedCoverage, Relevance, Timeline } from './sections.tsx';

type Loaded = { report: PageReport | null; settings: Settings };

export function PopupApp({ tabId, dataset }: { tabId: number | null; dataset: Dataset }) {
  const index = useMemo(() => indexDataset(dataset), [dataset]);
  const asOf = useMemo(() => datasetAsOf(dataset), [dataset]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [saveError, setSaveError] = useState<string | null>(null);

  const refresh = async () => {
    try {
      const [report, { settings }] = await Promise.all([tabId === null ? Promise.resolve(null) : loadReport(tabId), loadSettings()]);
      setLoaded({ report, settings });
    } catch (failure) {
      setError(String(failure));
    }
  };
  useEffect(() => {
    void refresh();
    // An open popup follows the page: a re-read, a navigation, a switch flipped in the options page.
    return onShownDataChanged(tabId, () => void refresh());
  }, [tabId]);

  if (error) return <p role="alert" class="status">{error}</p>;
  // Same outline while loading as when loaded, so nothing jumps.
  if (!loaded) return <p class="status">{t('popupLoading', 'Reading this page…')}</p>;

  const { report, settings } = loaded;
  const hostname = report ? hostnameOf(report.url) : null;
  // A change that could not be saved is said, never swallowed.
  const showSaveFailure = (failure: unknown) => setSaveError(t('popupSaveFailed', 'Not saved: $1', failure instanceof Error ? failure.message : String(failure)));
  const onShow = async (claimId: string, start: number) => {
    if (tabId === null) return;
    const shown = await showClaimOnPage(tabId, claimId, start);
    setStatus(shown ? t('popupShown', 'Shown on the page') : t('popupNotShown', 'That claim is no longer on the page'));
  };
  const controls = (
    <PageControls
      settings={settings}
      hostname={hostname}
      onSiteEnabled={(enabled) => hostname && void setSiteEnabled(hostname, enabled).then(refresh, showSaveFailure)}
      onPaused={(paused) => void saveSettings({ enabled: !paused }).then(refresh, showSaveFailure)}
    />
  );

  return (
    <>
      <header class="brand">
        <span>{t('extensionName', 'Russia–Iran Lens')}</span>
      </header>
      {saveError && (
        <p role="alert" class="status" data-testid="save-error">
          {saveError}
        </p>
      )}
      {!report && <p class="status" data-testid="no-report">{t('popupNoReport', 'This page has not been read (it may not be a web page).')}</p>}
      {report && (
        <div data-testid="report" data-relevant={String(report.relevant)}>
          <Relevance report={report} />
          {report.relevant && report.claims.length > 0 && (
            <>
              <nav class="claim-nav" aria-label={t('popupClaimNavigation', 'Move between claims on the page')}>
                <button type="button" onClick={() => tabId !== null && void runCommand(tabId, 'previous-claim')}>
                  <span class="arrow" aria-hidden="true">←</span> {t('popupPrevious', 'Previous')}
                </button>
                <button type="button" onClick={() => tabId !== null && void runCommand(tabId, 'next-claim')}>
                  {t('popupNext', 'Next')} <span class="arrow" aria-hidden="true">→</span>
                </button>
              </nav>
              <ClaimList report={report} index={index} onShow={(claimId, start) => void onShow(claimId, start)} />
            </>
          )}
          {report.relevant && <ActorList report={report} index={index} />}
          {report.relevant && <Timeline report={report} index={index} />}
          {report.relevant && <RelatedCoverage report={report} index={index} />}
          {report.relevant && report.claims.length > 0 && <ExportButtons report={report} dataset={dataset} onDone={setStatus} />}
        </div>
      )}
      {(!report || !report.relevant) && <DatasetSearch dataset={dataset} />}
      {controls}
      {asOf && (
        <footer class="as-of" data-testid="dataset-as-of">
          {t('datasetAsOf', 'Dataset current to $1', formatPartialDate(asOf))}
        </footer>
      )}
      <p class="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
    </>
  );
}
