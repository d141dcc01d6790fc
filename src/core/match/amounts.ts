/**
 * Amounts of money and counts in folded text, in the languages we read: "$40 billion",
 * "40bn dollars", "40 млрд долларов", "40 milliards de dollars", "۴۰ میلیارد دلار" (digits are
 * folded to ASCII first), "€1.3bn", "1,3 Mrd. Euro", "400 missiles".
 */

export interface Amount {
  readonly value: number;
  /** ISO-like currency code, or '' for a plain count. */
  readonly unit: string;
  /** Folded offsets. */
  readonly start: number;
  readonly end: number;
}

// Written in folded form (see text/normalize.ts): Arabic yeh is already Persian yeh, and so on.
// German "Billion" (10^12) is left out on purpose: folded, it cannot be told from English "billion".
const SCALES: [RegExp, number][] = [
  [/^(trillion|trillions|трлн\.?|триллион\p{L}*|تریلیون)$/u, 1e12],
  [/^(billion|billions|bn|b|млрд\.?|миллиард\p{L}*|میلیارد|ملیار\p{L}*|milliarde\p{L}*|mrd\.?|milliard\p{L}*|miliardi|miliardo|bilh(ao|oes)|milyar)$/u, 1e9],
  [/^(million|millions|mn|m|mln|млн\.?|миллион\p{L}*|میلیون|ملیون\p{L}*|millionen|mio\.?|millones|millon|milioni|milione|milh(ao|oes)|milyon)$/u, 1e6],
  [/^(thousand|thousands|тыс\.?|тысяч\p{L}*|هزار|الف|الاف|tausend|mille|mila|bin)$/u, 1e3],
];

const CURRENCIES: [RegExp, string][] = [
  [/^(\$|us\$|usd|dollars?|долл\p{L}*|дол\.|دلار|دولار\p{L}*|dollar|dolares|dollari|dolar|dolari)$/u, 'USD'],
  [/^(€|eur|euros?|евро|یورو)$/u, 'EUR'],
  [/^(rubles?|roubles?|руб\p{L}*|руб\.|rubel\p{L}*|rublos?|rubli|روبل|ruble)$/u, 'RUB'],
  [/^(rials?|риал\p{L}*|ریال|rial)$/u, 'IRR'],
];

// A number (with thousands separators or a decimal part), then optional scale and currency words.
// The `d` flag gives each group's indices, so the span ends exactly at the last word used.
const AMOUNT = /(\$|us\$|€)?\s?(\d{1,3}(?:[.,\u202f ]\d{3})+(?![.,]?\d)|\d+(?:[.,]\d+)?)(?:\s?([^\s\d.,;:!?)"'-]+\.?))?(?:\s(?:de\s|of\s|di\s|dei\s)?([^\s\d.,;:!?)"'-]+))?/dgu;

function parseNumber(raw: string): number {
  const digits = raw.replace(/[\u202f ]/g, '');
  if (/^\d{1,3}([.,]\d{3})+$/.test(digits)) return Number(digits.replace(/[.,]/g, ''));
  return Number(digits.replace(',', '.'));
}

function scaleOf(word: string | undefined): number | null {
  if (!word) return null;
  for (const [pattern, scale] of SCALES) if (pattern.test(word)) return scale;
  return null;
}

function currencyOf(word: string | undefined): string | null {
  if (!word) return null;
  for (const [pattern, code] of CURRENCIES) if (pattern.test(word)) return code;
  return null;
}

export function findAmounts(folded: string): Amount[] {
  const amounts: Amount[] = [];
  for (const match of folded.matchAll(AMOUNT)) {
    const [, symbol, number, word1, word2] = match;
    const indices = match.indices!;
    const start = indices[symbol ? 1 : 2]![0];
    let end = indices[2]![1];
    let value = parseNumber(number!);
    if (!Number.isFinite(value)) continue;
    let unit = currencyOf(symbol) ?? '';
    const scale = scaleOf(word1);
    if (scale) {
      value *= scale;
      end = indices[3]![1];
      const currency = currencyOf(word2);
      if (currency) {
        unit ||= currency;
        end = indices[4]![1];
      }
    } else {
      const currency = currencyOf(word1);
      if (currency) {
        unit ||= currency;
        end = indices[3]![1];
      }
    }
    amounts.push({ value, unit, start, end });
  }
  return amounts;
}

/** `n:40000000000:USD` → does `amount` state that number (within 1%) in that unit? */
export function amountMatches(amount: Amount, value: number, unit: string): boolean {
  if (unit && amount.unit && amount.unit !== unit) return false;
  if (unit && !amount.unit && amount.value < 1000) return false; // "40" alone is not "$40 billion"
  return Math.abs(amount.value - value) <= value * 0.01;
}
