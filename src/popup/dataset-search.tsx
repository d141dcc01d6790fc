/** "Search the dataset": makes the popup useful on any page. */
import { useMemo, useState } from 'preact/hooks';
import type { Dataset } from '../core/dataset/schema.ts';
import { buildSearchIndex, searchDataset } from '../ui/dataset-search.ts';
import { formatPartialDate, t } from '../ui/i18n.ts';

export function DatasetSearch({ dataset }: { dataset: Dataset }) {
  const index = useMemo(() => buildSearchIndex(dataset), [dataset]);
  const [query, setQuery] = useState('');
  const hits = useMemo(() => searchDataset(index, query), [index, query]);
  const kindLabel = { actor: t('searchActor', 'Actor'), event: t('searchEvent', 'Event'), claim: t('searchClaim', 'Claim') };
  return (
    <section aria-labelledby="search-title" class="search">
      <h2 id="search-title">{t('searchTitle', 'Search the dataset')}</h2>
      <label class="visually-hidden" for="search-input">
        {t('searchLabel', 'Search actors, events and claims')}
      </label>
      <input id="search-input" type="search" value={query} placeholder={t('searchPlaceholder', 'e.g. Bushehr, Shahed, treaty')} onInput={(event) => setQuery((event.target as HTMLInputElement).value)} />
      <p class="visually-hidden" aria-live="polite">
        {query ? t('searchCount', '$1 results', String(hits.length)) : ''}
      </p>
      <ul class="results">
        {hits.map((hit) => (
          <li key={`${hit.kind}-${hit.id}`}>
            <span class="kind">{kindLabel[hit.kind]}</span>
            {hit.date && <time dateTime={hit.date}>{formatPartialDate(hit.date)}</time>}
            <p class="title">{hit.title}</p>
            <p class="detail">{hit.detail}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
