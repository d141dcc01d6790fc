/** What the lens knows and where it comes from, and the privacy promise in plain words. */
import dataset from 'virtual:lens-dataset';
import browser from 'webextension-polyfill';
import { datasetStats } from '../../core/dataset/stats.ts';
import { formatPartialDate, t } from '../../ui/i18n.ts';
import { formatCount } from '../../ui/number-format.ts';
import { SourceList } from './source-list.tsx';

const stats = datasetStats(dataset);

export function AboutDataset({ lang }: { lang: string }) {
  const count = (value: number) => formatCount(value, lang);
  const date = (value: string) => formatPartialDate(value, lang);
  const counts: readonly [string, string, number][] = [
    ['claims', t('aboutClaims', 'Claims'), stats.counts.claims],
    ['events', t('aboutEvents', 'Events'), stats.counts.events],
    ['sources', t('aboutSources', 'Sources'), stats.counts.coverage],
    ['outlets', t('aboutOutlets', 'Outlets'), stats.outlets.length],
    ['actors', t('aboutActors', 'People, organisations and states'), stats.counts.actors],
  ];
  return (
    <section class="card" aria-labelledby="about-heading">
      <h2 id="about-heading">{t('sectionAbout', 'About the dataset')}</h2>
      <p>{t('aboutIntro', 'Every highlight and card comes from a sourced dataset that is part of the extension.')}</p>
      <dl class="stats">
        {counts.map(([key, label, value]) => (
          <div key={key} class="stat">
            <dt>{label}</dt>
            <dd data-testid={`dataset-${key}`}>{count(value)}</dd>
          </div>
        ))}
      </dl>
      <dl class="facts">
        {stats.dateRange && (
          <div>
            <dt>{t('aboutPeriod', 'Period covered')}</dt>
            <dd data-testid="dataset-period">{t('aboutDateRange', '$1 to $2', [date(stats.dateRange.from), date(stats.dateRange.to)])}</dd>
          </div>
        )}
        {stats.asOf && (
          <div>
            <dt>{t('aboutAsOf', 'Current to')}</dt>
            <dd data-testid="dataset-as-of">{date(stats.asOf)}</dd>
          </div>
        )}
        <div>
          <dt>{t('aboutVersion', 'Version')}</dt>
          <dd data-testid="dataset-version" dir="ltr">
            {dataset.version}
          </dd>
        </div>
      </dl>
      <p class="timeline-link">
        <a href={browser.runtime.getURL('timeline.html')} data-testid="open-timeline">
          {t('aboutOpenTimeline', 'Open the timeline of every event')}
        </a>
      </p>
      <SourceList coverage={dataset.coverage} lang={lang} />
      <h3>{t('privacyHeading', 'Privacy')}</h3>
      <ul class="privacy" data-testid="privacy">
        <li>{t('privacyOffline', 'Works offline: everything it needs is inside the extension.')}</li>
        <li>{t('privacyNoRequests', 'Makes no network requests, ever.')}</li>
        <li>{t('privacyCollectsNothing', 'Collects nothing: no analytics, no account, and nothing about the pages you read leaves your browser.')}</li>
      </ul>
    </section>
  );
}
