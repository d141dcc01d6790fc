/** Every source in the dataset, grouped by outlet, behind a disclosure to keep the page short. */
import type { Coverage } from '../../core/dataset/schema.ts';
import { formatPartialDate, t } from '../../ui/i18n.ts';
import { formatCount } from '../../ui/number-format.ts';
import { gregorianLocale } from '../../ui/page-language.ts';
import { sourcesByOutlet } from '../sources-by-outlet.ts';

function SourceItem({ item, dateLocale }: { item: Coverage; dateLocale: string }) {
  return (
    <li>
      {item.url ? (
        <a href={item.url} target="_blank" rel="noopener noreferrer" lang={item.language} dir="auto">
          {item.title}
        </a>
      ) : (
        <span lang={item.language} dir="auto">
          {item.title}
        </span>
      )}{' '}
      <time class="date" dateTime={item.date}>
        {formatPartialDate(item.date, dateLocale)}
      </time>
    </li>
  );
}

export function SourceList({ coverage, lang }: { coverage: readonly Coverage[]; lang: string }) {
  const groups = sourcesByOutlet(coverage, lang);
  const dateLocale = gregorianLocale(lang);
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
                <SourceItem key={item.id} item={item} dateLocale={dateLocale} />
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </details>
  );
}
