/**
 * Which language a page is in: `<html lang>` when it agrees with the text, otherwise the
 * script of the text plus common function words. Enough to choose sentence rules, month
 * names and folding; the matcher itself reads every language at once.
 */

type StopWordLanguage = 'en' | 'de' | 'fr' | 'es' | 'it' | 'pt' | 'tr' | 'fa' | 'ar' | 'hr' | 'pl' | 'cs' | 'sk' | 'hu' | 'ro' | 'nl' | 'sv' | 'id' | 'az';

const STOP_WORDS: Record<StopWordLanguage, readonly string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'with', 'for', 'was', 'said', 'has'],
  de: ['der', 'die', 'und', 'das', 'nicht', 'mit', 'ist', 'sich', 'auf', 'dem', 'ein', 'auch'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'dans', 'pour', 'que', 'qui', 'sur'],
  es: ['el', 'la', 'los', 'y', 'que', 'del', 'las', 'por', 'una', 'con', 'para', 'según'],
  it: ['il', 'di', 'che', 'la', 'della', 'per', 'con', 'una', 'gli', 'sono', 'anche', 'nel'],
  pt: ['o', 'de', 'que', 'não', 'do', 'da', 'em', 'uma', 'os', 'para', 'com', 'foi'],
  tr: ['ve', 'bir', 'bu', 'ile', 'için', 'olarak', 'da', 'de', 'ise', 'gibi', 'daha', 'olan'],
  fa: ['است', 'که', 'را', 'این', 'با', 'از', 'به', 'می', 'های', 'شده', 'کرد', 'برای'],
  ar: ['في', 'من', 'على', 'أن', 'التي', 'الذي', 'إلى', 'عن', 'هذا', 'مع', 'كان', 'قال'],
  // Croatian, Serbian and Bosnian in Latin script read alike for our purposes.
  hr: ['je', 'i', 'u', 'na', 'da', 'se', 'su', 'za', 'od', 'koji', 'što', 'kao', 'ali', 'nije'],
  pl: ['i', 'w', 'na', 'z', 'się', 'że', 'do', 'nie', 'jest', 'przez', 'jak', 'oraz', 'które', 'został'],
  cs: ['a', 'se', 'na', 'že', 'je', 'v', 'do', 'pro', 'jako', 'který', 'které', 'také', 'jsou', 'byl'],
  sk: ['a', 'sa', 'na', 'že', 'je', 'v', 'do', 'pre', 'ako', 'ktorý', 'ktoré', 'tiež', 'sú', 'bol'],
  hu: ['a', 'az', 'és', 'hogy', 'egy', 'nem', 'is', 'van', 'meg', 'már', 'között', 'szerint', 'volt', 'pedig'],
  ro: ['și', 'în', 'de', 'la', 'cu', 'că', 'care', 'pe', 'din', 'un', 'o', 'să', 'fost', 'pentru'],
  nl: ['de', 'het', 'een', 'en', 'van', 'in', 'is', 'dat', 'op', 'te', 'zijn', 'met', 'voor', 'niet'],
  sv: ['och', 'att', 'det', 'som', 'en', 'på', 'är', 'av', 'för', 'med', 'till', 'den', 'har', 'inte'],
  id: ['yang', 'dan', 'di', 'itu', 'dengan', 'untuk', 'dari', 'ini', 'pada', 'dalam', 'tidak', 'akan', 'telah', 'oleh'],
  az: ['və', 'bir', 'bu', 'ilə', 'üçün', 'də', 'da', 'ki', 'olan', 'edib', 'olaraq', 'isə', 'görə', 'sonra'],
};

const LATIN_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'tr', 'hr', 'pl', 'cs', 'sk', 'hu', 'ro', 'nl', 'sv', 'id', 'az'] as const;

/** `en-GB` → `en`; unknown or empty → undefined. */
export function primaryLanguage(tag: string | undefined): string | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary ? primary : undefined;
}

interface ScriptCounts {
  latin: number;
  cyrillic: number;
  arabic: number;
  persianLetters: number;
  urduLetters: number;
  ukrainianLetters: number;
  serbianLetters: number;
  bulgarianLetters: number;
  greek: number;
  hebrew: number;
  devanagari: number;
  hangul: number;
  kana: number;
  han: number;
}

function countScripts(sample: string): ScriptCounts {
  const counts: ScriptCounts = { latin: 0, cyrillic: 0, arabic: 0, persianLetters: 0, urduLetters: 0, ukrainianLetters: 0, serbianLetters: 0, bulgarianLetters: 0, greek: 0, hebrew: 0, devanagari: 0, hangul: 0, kana: 0, han: 0 };
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f)) counts.latin++;
    else if (code >= 0x400 && code <= 0x4ff) {
      counts.cyrillic++;
      // і ї є ґ are Ukrainian; ј љ њ ћ ђ џ Serbian; ъ is common in Bulgarian and rare in Russian.
      if (code === 0x456 || code === 0x457 || code === 0x454 || code === 0x491) counts.ukrainianLetters++;
      else if (code === 0x458 || code === 0x459 || code === 0x45a || code === 0x45b || code === 0x452 || code === 0x45f) counts.serbianLetters++;
      else if (code === 0x44a) counts.bulgarianLetters++;
    } else if (code >= 0x600 && code <= 0x6ff) {
      counts.arabic++;
      // پ چ ژ گ and Persian yeh/keheh do not occur in Arabic; ٹ ڈ ڑ ں ے ہ are Urdu's own.
      if (code === 0x67e || code === 0x686 || code === 0x698 || code === 0x6af || code === 0x6cc || code === 0x6a9) counts.persianLetters++;
      if (code === 0x679 || code === 0x688 || code === 0x691 || code === 0x6ba || code === 0x6d2 || code === 0x6c1) counts.urduLetters++;
    } else if (code >= 0x370 && code <= 0x3ff) counts.greek++;
    else if (code >= 0x590 && code <= 0x5ff) counts.hebrew++;
    else if (code >= 0x900 && code <= 0x97f) counts.devanagari++;
    else if (code >= 0xac00 && code <= 0xd7af) counts.hangul++;
    else if (code >= 0x3040 && code <= 0x30ff) counts.kana++;
    else if (code >= 0x4e00 && code <= 0x9fff) counts.han++;
  }
  return counts;
}

function stopWordScores(words: readonly string[], languages: readonly StopWordLanguage[]): Map<string, number> {
  const scores = new Map<string, number>(languages.map((language) => [language, 0]));
  const sets = languages.map((language) => [language, new Set(STOP_WORDS[language])] as const);
  for (const word of words) for (const [language, set] of sets) if (set.has(word)) scores.set(language, (scores.get(language) ?? 0) + 1);
  return scores;
}

function best(scores: Map<string, number>): string | undefined {
  let winner: string | undefined;
  let top = 0;
  for (const [language, score] of scores) if (score > top) [winner, top] = [language, score];
  return winner;
}

/** The text's language from its own evidence (script, then function words), or undefined when there is too little text. */
export function languageOfText(sample: string): string | undefined {
  const text = sample.slice(0, 20_000);
  const counts = countScripts(text);
  const { latin, cyrillic, arabic } = counts;
  const letters = latin + cyrillic + arabic + counts.greek + counts.hebrew + counts.devanagari + counts.hangul + counts.kana + counts.han;
  if (letters < 20) return undefined;
  const share = (count: number) => count > letters * 0.4;
  if (share(cyrillic)) {
    if (counts.ukrainianLetters > cyrillic * 0.01) return 'uk';
    if (counts.serbianLetters > cyrillic * 0.01) return 'sr';
    return counts.bulgarianLetters > cyrillic * 0.015 ? 'bg' : 'ru';
  }
  if (share(counts.greek)) return 'el';
  if (share(counts.hebrew)) return 'he';
  if (share(counts.devanagari)) return 'hi';
  if (share(counts.hangul)) return 'ko';
  if (counts.kana > letters * 0.1) return 'ja';
  if (share(counts.han + counts.kana)) return 'zh';
  const words = text.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  if (share(arabic)) {
    if (counts.urduLetters > arabic * 0.02) return 'ur';
    const scores = stopWordScores(words, ['fa', 'ar']);
    const persianEvidence = (scores.get('fa') ?? 0) + counts.persianLetters / 5;
    return persianEvidence >= (scores.get('ar') ?? 0) ? 'fa' : 'ar';
  }
  if (share(latin)) return best(stopWordScores(words, LATIN_LANGUAGES)) ?? 'en';
  return undefined;
}

/**
 * The page's language: the declared one when the text does not contradict it (pages often
 * keep a template's `lang="en"` over text in another language), else the text's own.
 */
export function detectLanguage(declaredTag: string | undefined, sample: string): string {
  const declared = primaryLanguage(declaredTag);
  const fromText = languageOfText(sample);
  if (declared && (!fromText || fromText === declared)) return declared;
  return fromText ?? declared ?? 'und';
}
