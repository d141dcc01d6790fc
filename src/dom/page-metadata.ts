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

function fromJsonLd(document: Document): string | undefined {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]')).slice(0, 10)) {
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

export function publishedDateOf(document: Document): string | undefined {
  for (const selector of META_SELECTORS) {
    const content = document.querySelector(selector)?.getAttribute('content')?.trim();
    if (content && ISO_DATE.test(content)) return content;
  }
  const jsonLd = fromJsonLd(document);
  if (jsonLd) return jsonLd;
  const time = document.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime')?.trim();
  return time && ISO_DATE.test(time) ? time : undefined;
}

export function pageMetadata(document: Document): PageMetadata {
  const heading = document.querySelector('h1')?.textContent?.trim() ?? '';
  const title = (document.title || heading).trim().slice(0, 500);
  const declared = document.documentElement?.getAttribute('lang')?.trim();
  const published = publishedDateOf(document);
  return { title, ...(declared ? { declaredLanguage: declared } : {}), ...(published ? { publishedDate: published } : {}) };
}
