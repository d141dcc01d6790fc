/**
 * Which language a page is in: `<html lang>` when it agrees with the text, otherwise the
 * script of the text plus common function words. Enough to choose sentence rules, month
 * names and folding; the matcher itself reads every language at once.
 */
import type { Language } from '../dataset/languages.ts';

const STOP_WORDS: Record<Exclude<Language, 'ru'>, readonly string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'with', 'for', 'was', 'said', 'has'],
  de: ['der', 'die', 'und', 'das', 'nicht', 'mit', 'ist', 'sich', 'auf', 'dem', 'ein', 'auch'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'dans', 'pour', 'que', 'qui', 'sur'],
  es: ['el', 'la', 'los', 'y', 'que', 'del', 'las', 'por', 'una', 'con', 'para', 'según'],
  it: ['il', 'di', 'che', 'la', 'della', 'per', 'con', 'una', 'gli', 'sono', 'anche', 'nel'],
  pt: ['o', 'de', 'que', 'não', 'do', 'da', 'em', 'uma', 'os', 'para', 'com', 'foi'],
  tr: ['ve', 'bir', 'bu', 'ile', 'için', 'olarak', 'da', 'de', 'ise', 'gibi', 'daha', 'olan'],
  fa: ['است', 'که', 'را', 'این', 'با', 'از', 'به', 'می', 'های', 'شده', 'کرد', 'برای'],
  ar: ['في', 'من', 'على', 'أن', 'التي', 'الذي', 'إلى', 'عن', 'هذا', 'مع', 'كان', 'قال'],
};

const LATIN_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'tr'] as const;

/** `en-GB` → `en`; unknown or empty → undefined. */
export function primaryLanguage(tag: string | undefined): string | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary ? primary : undefined;
}

function countScripts(sample: string): { latin: number; cyrillic: number; arabic: number; persianLetters: number } {
  let latin = 0, cyrillic = 0, arabic = 0, persianLetters = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f)) latin++;
    else if (code >= 0x400 && code <= 0x4ff) cyrillic++;
    else if (code >= 0x600 && code <= 0x6ff) {
      arabic++;
      // پ چ ژ گ and Persian yeh/keheh do not occur in Arabic.
      if (code === 0x67e || code === 0x686 || code === 0x698 || code === 0x6af || code === 0x6cc || code === 0x6a9) persianLetters++;
    }
  }
  return { latin, cyrillic, arabic, persianLetters };
}

function stopWordScores(words: readonly string[], languages: readonly (keyof typeof STOP_WORDS)[]): Map<string, number> {
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

/** The text's language from its own evidence, or undefined when there is too little text. */
export function languageOfText(sample: string): string | undefined {
  const text = sample.slice(0, 20_000);
  const { latin, cyrillic, arabic, persianLetters } = countScripts(text);
  const letters = latin + cyrillic + arabic;
  if (letters < 20) return undefined;
  if (cyrillic > letters * 0.4) return 'ru';
  const words = text.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  if (arabic > letters * 0.4) {
    const scores = stopWordScores(words, ['fa', 'ar']);
    const persianEvidence = (scores.get('fa') ?? 0) + persianLetters / 5;
    return persianEvidence >= (scores.get('ar') ?? 0) ? 'fa' : 'ar';
  }
  if (latin > letters * 0.4) return best(stopWordScores(words, LATIN_LANGUAGES)) ?? 'en';
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
