/** Every source in the dataset, grouped by outlet, behind a disclosure to keep the page short. */
import type { Coverage } from '../../core/dataset/schema.ts';
import { formatPartialDate, t } from '../../ui/i18n.ts';
import { formatCount } from '../../ui/number-format.ts';
import { SourceTitle } from '../../ui/source-title.tsx';
import { sourcesByOutlet } from '../sources-by-outlet.ts';

function SourceItem({ item, lang }: { item: Coverage; lang: string }) {
  return (
    <li>
      <SourceTitle source={item} lang={item.language} dir="auto" />{' '}
      <time class="date" dateTime={item.date}>
        {formatPartialDate(item.date, lang)}
      </time>
    </li>
  );
}

export function SourceList({ coverage, lang }: { coverage: readonly Coverage[]; lang: string }) {
  const groups = sourcesByOutlet(coverage, lang);
  return (
    <details class="sources" data-testid="sources">
      <summary>{t('aboutSourcesByOutlet', 'All sources, by outlet')}</summary>
      <ul class="outlets">
        {groups.map((group) => (
          <li key={group.outlet} class="outlet">
            <p class="outlet-heading">
              <span class="outlet-name" dir="auto">
                {group.outlet}
              </span>{' '}
              <span class="count">({formatCount(group.items.length, lang)})</span>
            </p>
            <ul class="outlet-items">
              {group.items.map((item) => (
                <SourceItem key={item.id} item={item} lang={lang} />
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </details>
  );
}
