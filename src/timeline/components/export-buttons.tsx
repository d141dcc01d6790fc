/** Download the events in view (after filters) as CSV or JSON-LD. Nothing leaves the browser: a blob URL and a download. */
import type { Actor } from '../../core/dataset/schema.ts';
import { t } from '../../ui/i18n.ts';
import { toCsv, toJsonLd } from '../model/export.ts';
import type { TimelineEntry } from '../model/timeline.ts';

function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ExportButtons({ entries, actors }: { entries: readonly TimelineEntry[]; actors: ReadonlyMap<string, Actor> }) {
  return (
    <div class="export" role="group" aria-label={t('timelineExport', 'Export the events shown')}>
      <button type="button" disabled={entries.length === 0} onClick={() => download('russia-iran-timeline.csv', toCsv(entries, actors), 'text/csv')} data-testid="export-csv">
        {t('timelineExportCsv', 'Download CSV')}
      </button>
      <button
        type="button"
        disabled={entries.length === 0}
        onClick={() => download('russia-iran-timeline.jsonld', JSON.stringify(toJsonLd(entries, actors, new Date().toISOString()), null, 2), 'application/ld+json')}
        data-testid="export-jsonld"
      >
        {t('timelineExportJsonLd', 'Download JSON-LD')}
      </button>
    </div>
  );
}
