/** Switches for this site and for everywhere, the options link, and the export buttons. */
import browser from 'webextension-polyfill';
import type { Dataset } from '../core/dataset/schema.ts';
import type { PageReport } from '../shared/report.ts';
import { siteDisabled, type Settings } from '../shared/settings.ts';
import { toMarkdown, toWebAnnotations } from '../ui/export.ts';
import { t } from '../ui/i18n.ts';
import { statusLabel } from '../ui/status.ts';
import { openTimelinePage } from './popup-api.ts';

export function hostnameOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : null;
  } catch {
    return null;
  }
}

interface ControlsProps {
  readonly settings: Settings;
  readonly hostname: string | null;
  readonly onSiteEnabled: (enabled: boolean) => void;
  readonly onPaused: (paused: boolean) => void;
}

export function PageControls({ settings, hostname, onSiteEnabled, onPaused }: ControlsProps) {
  const disabledHere = hostname !== null && siteDisabled(settings, hostname);
  return (
    <section aria-labelledby="controls-title" class="controls">
      <h2 id="controls-title" class="visually-hidden">
        {t('popupControls', 'Controls')}
      </h2>
      {hostname && (
        <label class="switch">
          <input type="checkbox" checked={!disabledHere} onChange={(event) => onSiteEnabled((event.target as HTMLInputElement).checked)} data-testid="site-switch" />
          <span>{t('popupOnThisSite', 'On for $1', hostname)}</span>
        </label>
      )}
      <label class="switch">
        <input type="checkbox" checked={!settings.enabled} onChange={(event) => onPaused((event.target as HTMLInputElement).checked)} data-testid="pause-switch" />
        <span>{t('popupPauseEverywhere', 'Pause everywhere')}</span>
      </label>
      <button type="button" class="link-button" onClick={() => void openTimelinePage()} data-testid="open-timeline">
        {t('popupOpenTimeline', 'Open the timeline')}
      </button>
      <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('popupOptions', 'Options')}
      </button>
    </section>
  );
}

function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ExportButtons({ report, dataset, onDone }: { report: PageReport; dataset: Dataset; onDone: (message: string) => void }) {
  const input = () => ({ pageUrl: report.url, claims: report.claims, dataset, created: new Date().toISOString() });
  const copyMarkdown = async () => {
    try {
      await navigator.clipboard.writeText(toMarkdown(input(), statusLabel));
      onDone(t('exportCopied', 'Copied as Markdown'));
    } catch {
      download('claims.md', toMarkdown(input(), statusLabel), 'text/markdown');
      onDone(t('exportDownloaded', 'Downloaded'));
    }
  };
  return (
    <section aria-labelledby="export-title" class="export">
      <h2 id="export-title">{t('exportTitle', 'Export')}</h2>
      <button type="button" onClick={() => void copyMarkdown()}>
        {t('exportMarkdown', 'Copy as Markdown')}
      </button>
      <button
        type="button"
        onClick={() => {
          download('claims.jsonld', JSON.stringify(toWebAnnotations(input()), null, 2), 'application/ld+json');
          onDone(t('exportDownloaded', 'Downloaded'));
        }}
      >
        {t('exportAnnotations', 'Download Web Annotations')}
      </button>
    </section>
  );
}
