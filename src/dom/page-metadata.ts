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

/**
 * Elements by tag name, not by selector: matching a list of ten attribute selectors against every element of a
 * 100,000-element page took 25 ms in one task, where a walk by tag name is the browser's fast path. With the
 * article known, only the head and the article are searched, not the rest of a large page.
 */
export function publishedDateOf(document: Document, region: Element | null = null): string | undefined {
  const scopes: (Document | Element)[] = region ? [document.head, region].filter((scope): scope is HTMLHeadElement | Element => scope !== null) : [document];
  const byTag = (tag: string) => scopes.flatMap((scope) => Array.from(scope.getElementsByTagName(tag)));
  const metas = byTag('meta');
  for (const selector of META_SELECTORS) {
    const content = metas.find((element) => element.matches(selector))?.getAttribute('content')?.trim();
    if (content && ISO_DATE.test(content)) return content;
  }
  const jsonLd = fromJsonLd(byTag('script').filter((element) => element.matches(JSON_LD)));
  if (jsonLd) return jsonLd;
  const times = byTag('time').filter((element) => element.hasAttribute('datetime'));
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
