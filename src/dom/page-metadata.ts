/**
 * What a page says about itself: its title, declared language and publication date
 * (`article:published_time`, JSON-LD `datePublished`, `<time datetime>`), read the same way
 * in the browser and in the CLI.
 */

export interface PageMetadata {
  readonly title: string;
  readonly declaredLanguage?: string;
  readonly publishedDate?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

const META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="pubdate"]',
  'meta[name="publish-date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
];

function fromJsonLd(scripts: readonly Element[]): string | undefined {
  for (const script of scripts.slice(0, 10)) {
    const text = script.textContent ?? '';
    if (text.length > 200_000) continue;
    try {
      const found = findDatePublished(JSON.parse(text) as unknown, 0);
      if (found) return found;
    } catch {
      // Malformed JSON-LD is common; it just tells us nothing.
    }
  }
  return undefined;
}

function findDatePublished(value: unknown, depth: number): string | undefined {
  if (depth > 6 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 50)) {
      const found = findDatePublished(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.datePublished === 'string' && ISO_DATE.test(record.datePublished)) return record.datePublished;
  return findDatePublished(record['@graph'], depth + 1);
}

const JSON_LD = 'script[type="application/ld+json"]';
const TIME = 'time[datetime]';

/**
 * One query for every kind of date a page may declare, then the kinds in order of trust: each query walks the whole
 * document when nothing matches, and a large page has none of most.
 */
export function publishedDateOf(document: Document, region: Element | null = null): string | undefined {
  const selector = [...META_SELECTORS, JSON_LD, TIME].join(', ');
  // With the article known, its head and the article itself: not the rest of a large page.
  const scopes: ParentNode[] = region ? [document.head, region].filter((scope): scope is HTMLHeadElement | Element => scope !== null) : [document];
  const found = scopes.flatMap((scope) => Array.from(scope.querySelectorAll(selector)));
  for (const selector of META_SELECTORS) {
    const content = found.find((element) => element.matches(selector))?.getAttribute('content')?.trim();
    if (content && ISO_DATE.test(content)) return content;
  }
  const jsonLd = fromJsonLd(found.filter((element) => element.matches(JSON_LD)));
  if (jsonLd) return jsonLd;
  const times = found.filter((element) => element.matches(TIME));
  const time = (times.find((element) => element.closest('article')) ?? times[0])?.getAttribute('datetime')?.trim();
  return time && ISO_DATE.test(time) ? time : undefined;
}

/** `region`: the article the page is read in (see content/precheck.ts), or the whole document. */
export function pageMetadata(document: Document, region: Element | null = null): PageMetadata {
  const heading = (region ?? document).querySelector('h1')?.textContent?.trim() ?? '';
  const title = (document.title || heading).trim().slice(0, 500);
  const declared = document.documentElement?.getAttribute('lang')?.trim();
  const published = publishedDateOf(document, region);
  return { title, ...(declared ? { declaredLanguage: declared } : {}), ...(published ? { publishedDate: published } : {}) };
}
