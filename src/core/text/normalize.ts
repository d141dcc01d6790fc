/**
 * Folds text for matching: case, diacritics, Arabic/Persian letter variants, digits,
 * quotes, dashes and invisible characters, so that "Khamene’i", "KHAMENEI" and "Khamenei"
 * or "كيان" and "کیان" compare equal. Every output character remembers the UTF-16 offset
 * of the source character it came from, so matches map back to exact page offsets.
 */

export interface FoldedText {
  /** The text that was folded. */
  readonly source: string;
  /** The folded text. */
  readonly text: string;
  /** `origin[i]` is the source offset of folded character i; `origin[text.length]` is the source length. */
  readonly origin: Uint32Array;
}

/** Characters that carry no letters: dropped so "پهپاد‌ها" (with ZWNJ) equals "پهپادها". */
const INVISIBLE = /[\u00AD\u061C\u0640\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
/**
 * Accents and vowel points, which news text writes inconsistently: the combining diacritics of Latin, Greek and
 * Cyrillic, Hebrew points, Arabic harakat, and the Devanagari nukta (Hindi news writes ज़ and ज in the same names).
 * Not the vowel signs of Indic scripts (in Hindi they are letters: बकरी "goat" and बिक्री "sale" differ only by them)
 * nor Japanese voicing marks.
 */
const FOLDED_MARKS: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f], [0x0483, 0x0489], [0x0591, 0x05c7], [0x0610, 0x061a], [0x064b, 0x065f], [0x0670, 0x0670],
  [0x06d6, 0x06ed], [0x093c, 0x093c], [0x1ab0, 0x1aff], [0x1dc0, 0x1dff], [0x20d0, 0x20ff], [0xfe20, 0xfe2f],
];
const isFoldedMark = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  return FOLDED_MARKS.some(([from, to]) => code >= from && code <= to);
};
const WHITESPACE = /\s/u;

/** Letter variants that news sites mix freely; mapped to one form. */
const LETTER_VARIANTS: Record<string, string> = {
  // Arabic yeh, alef maksura and hamza-on-yeh → Persian yeh; Arabic kaf → Persian keheh
  'ي': 'ی', 'ى': 'ی', 'ئ': 'ی', 'ك': 'ک',
  // alef forms → bare alef; waw with hamza → waw; teh marbuta → heh
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ؤ': 'و', 'ة': 'ه', 'ۀ': 'ه', 'ە': 'ه',
  // Turkish dotless i: folding it to i lets "ILE" and "ile" meet
  'ı': 'i',
  // typographic quotes, apostrophes and dashes
  '‘': "'", '’': "'", '‚': "'", '‛': "'", 'ʼ': "'", 'ʻ': "'", '`': "'", '´': "'", '′': "'",
  '“': '"', '”': '"', '„': '"', '‟': '"', '«': '"', '»': '"', '″': '"',
  '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-', '―': '-', '−': '-', '﹘': '-', '－': '-',
  'ß': 'ss',
};

const foldCache = new Map<number, string>();

/** The folded form of one code point (possibly empty or several characters). */
export function foldCodePoint(codePoint: number): string {
  const cached = foldCache.get(codePoint);
  if (cached !== undefined) return cached;
  const char = String.fromCodePoint(codePoint);
  let folded: string;
  if (INVISIBLE.test(char)) folded = '';
  else if (WHITESPACE.test(char)) folded = ' ';
  else if (codePoint >= 0x06f0 && codePoint <= 0x06f9) folded = String(codePoint - 0x06f0); // Persian digits
  else if (codePoint >= 0x0660 && codePoint <= 0x0669) folded = String(codePoint - 0x0660); // Arabic-Indic digits
  else {
    folded = '';
    for (const part of char.normalize('NFD').toLowerCase()) {
      if (isFoldedMark(part)) continue;
      folded += LETTER_VARIANTS[part] ?? part;
    }
  }
  foldCache.set(codePoint, folded);
  return folded;
}

/**
 * Folds `source` for matching. Runs of whitespace collapse to one space, so a term
 * written with a line break or NBSP inside still matches.
 */
export function foldText(source: string): FoldedText {
  let text = '';
  const origin: number[] = [];
  let lastWasSpace = true; // also trims leading whitespace
  for (let offset = 0; offset < source.length; ) {
    const codePoint = source.codePointAt(offset) ?? 0;
    const width = codePoint > 0xffff ? 2 : 1;
    const folded = foldCodePoint(codePoint);
    if (folded === ' ') {
      if (!lastWasSpace) {
        text += ' ';
        origin.push(offset);
        lastWasSpace = true;
      }
    } else if (folded !== '') {
      text += folded;
      for (let i = 0; i < folded.length; i++) origin.push(offset);
      lastWasSpace = false;
    }
    offset += width;
  }
  origin.push(source.length);
  return { source, text, origin: Uint32Array.from(origin) };
}

/** Folded form of a short string (a term, a name): no offsets needed, trimmed. */
export function foldTerm(term: string): string {
  return foldText(term).text.trim();
}

/** The source span [start, end) behind folded span [foldedStart, foldedEnd). */
export function sourceSpan(folded: FoldedText, foldedStart: number, foldedEnd: number): [number, number] {
  const start = folded.origin[foldedStart] ?? 0;
  if (foldedEnd <= foldedStart) return [start, start];
  // End just after the source character behind the last folded character (two code units for an astral one),
  // so trailing invisible characters are not swallowed into the span.
  const last = folded.origin[foldedEnd - 1] ?? start;
  const code = folded.source.charCodeAt(last);
  const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
  return [start, last + width];
}
