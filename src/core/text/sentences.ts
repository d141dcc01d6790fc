/**
 * Sentence boundaries from Intl.Segmenter (no bundle cost), corrected where ICU's default
 * rules break after abbreviations and initials ("U.S. National Security Adviser", "Mr. Putin",
 * "J. Sullivan", German ordinal dates "19. Juli", Russian "в 2022 г. Путин").
 */

export type Span = readonly [start: number, end: number];

const ABBREVIATIONS: Record<string, readonly string[]> = {
  en: ['mr', 'mrs', 'ms', 'dr', 'st', 'u.s', 'u.k', 'u.n', 'e.u', 'gen', 'lt', 'col', 'sgt', 'sen', 'rep', 'gov', 'jr', 'sr', 'no', 'vs', 'etc', 'e.g', 'i.e', 'prof', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'inc', 'corp', 'co', 'ltd', 'approx', 'adm', 'capt', 'maj'],
  ru: ['г', 'гг', 'т.е', 'т.д', 'т.п', 'им', 'ул', 'млн', 'млрд', 'тыс', 'руб', 'ст', 'см', 'др', 'пр', 'в т.ч', 'т.к', 'проф', 'ген'],
  de: ['dr', 'z.b', 'u.a', 'nr', 'bzw', 'ca', 'bzw', 'mio', 'mrd', 'prof', 'st', 'usw', 'vgl', 'sog', 'u.s'],
  fr: ['m', 'mme', 'mm', 'dr', 'st', 'etc', 'cf', 'env', 'av', 'mds', 'mrd'],
  es: ['sr', 'sra', 'dr', 'ee.uu', 'etc', 'pág', 'núm', 'gral'],
  it: ['sig', 'sig.ra', 'dott', 'prof', 'ecc', 'on', 'sen', 'gen', 'mld', 'mln'],
  pt: ['sr', 'sra', 'dr', 'etc', 'gen', 'prof'],
  tr: ['dr', 'prof', 'vb', 'vs', 'yy', 'sn'],
};

/** Punctuation that opens what follows it. */
const OPENING = /[“«„‘‚([¿¡]/u;

const segmenters = new Map<string, Intl.Segmenter | null>();

function segmenterFor(language: string): Intl.Segmenter | null {
  let segmenter = segmenters.get(language);
  if (segmenter === undefined) {
    try {
      segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(language === 'und' ? 'en' : language, { granularity: 'sentence' }) : null;
    } catch {
      segmenter = null;
    }
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

/** True when the segment ends with something that does not end a sentence. */
function endsWithoutSentenceEnd(segment: string, abbreviations: ReadonlySet<string>): boolean {
  const trimmed = segment.trimEnd();
  if (!trimmed.endsWith('.')) return false;
  const lastWord = /(\S+)\.$/u.exec(trimmed)?.[1]?.toLowerCase() ?? '';
  if (abbreviations.has(lastWord)) return true;
  if (/^\p{Lu}$/u.test(trimmed.slice(-2, -1)) && /(^|\s)\p{Lu}\.$/u.test(trimmed)) return true; // an initial: "J."
  return /(^|\s)\d{1,2}\.$/u.test(trimmed); // an ordinal day: "19." (German, Turkish)
}

function fallbackSpans(text: string): Span[] {
  const spans: Span[] = [];
  const pattern = /[^.!?؟。]*(?:[.!?؟。]+["'”’»)]*\s*|$)/gu;
  for (const match of text.matchAll(pattern)) {
    if (match[0]) spans.push([match.index, match.index + match[0].length]);
    if (match.index + match[0].length >= text.length) break;
  }
  return spans;
}

/** Sentence spans of `text`, trailing whitespace excluded, empty ones dropped. */
export function sentenceSpans(text: string, language: string): Span[] {
  const segmenter = segmenterFor(language);
  const raw: Span[] = segmenter
    ? Array.from(segmenter.segment(text), (part) => [part.index, part.index + part.segment.length] as const)
    : fallbackSpans(text);
  const abbreviations = new Set([...(ABBREVIATIONS[language] ?? []), ...(ABBREVIATIONS.en ?? [])]);
  const merged: [number, number][] = [];
  let pendingMerge = false;
  for (const [start, end] of raw) {
    const last = merged[merged.length - 1];
    if (pendingMerge && last) last[1] = end;
    else merged.push([start, end]);
    pendingMerge = endsWithoutSentenceEnd(text.slice(start, end), abbreviations);
  }
  // ICU leaves an opening quote with the sentence before when no space follows the full stop ("eventually.“War is"):
  // it opens the next one.
  for (let index = 0; index + 1 < merged.length; index++) {
    const span = merged[index]!;
    while (span[1] > span[0] + 1 && OPENING.test(text.charAt(span[1] - 1))) span[1]--;
    merged[index + 1]![0] = Math.min(merged[index + 1]![0], span[1]);
  }
  const spans: Span[] = [];
  for (const [start, end] of merged) {
    let trimmedEnd = end;
    while (trimmedEnd > start && /\s/u.test(text.charAt(trimmedEnd - 1))) trimmedEnd--;
    let trimmedStart = start;
    while (trimmedStart < trimmedEnd && /\s/u.test(text.charAt(trimmedStart))) trimmedStart++;
    if (trimmedEnd > trimmedStart) spans.push([trimmedStart, trimmedEnd]);
  }
  return spans;
}
