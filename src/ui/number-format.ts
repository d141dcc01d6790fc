/** Numbers in the page language (Persian digits in Persian, and so on). */

const cache = new Map<string, Intl.NumberFormat>();

function formatter(lang: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(lang, options);
    } catch {
      format = new Intl.NumberFormat('en', options);
    }
    cache.set(key, format);
  }
  return format;
}

/** 0.65 → "65%" (or "۶۵٪", "65 %"), rounded to a whole percent. */
export function formatPercent(fraction: number, lang: string): string {
  return formatter(lang, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

export function formatCount(count: number, lang: string): string {
  return formatter(lang, { maximumFractionDigits: 0 }).format(count);
}
