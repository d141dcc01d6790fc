/**
 * Runs the precheck patterns (precheck-patterns.ts) over a page's own text: each side's ASCII pattern over all of it,
 * and its full pattern only near letters beyond ASCII, compiled the first time a page needs them, with a check on
 * each hit that it starts a word. Pure and DOM-free: the content script decides, through `accept`, whether a hit lies
 * in article text.
 */
export type Side = 'russia' | 'iran';

/** One side's stems as `RegExp` sources over the page's own text. */
export interface SidePatterns {
  /**
   * Every spelling. A stem must start a word; the matcher checks that on the rare hits. Short stems must also end
   * one ("rus" is not "rush"), which the pattern checks with a lookahead after the whole stem.
   */
  readonly all: string;
  /**
   * The same stems read in ASCII letters only, each letter a class of its two cases (`[Rr]`). V8 runs it several
   * times faster than `all`, whose classes of accented and foreign letters defeat its quick checks; on most text it is
   * the only one needed. Not the `i` flag: V8 then closes every class of the pattern over case, the word-end
   * lookahead's thousands of letters included, which took half a millisecond and more in each page to compile.
   */
  readonly ascii: string;
}

export interface PrecheckPatterns {
  readonly russia: SidePatterns;
  readonly iran: SidePatterns;
  /** A character class source of the letters and digits of the scripts names are written in, upper case too. */
  readonly wordChar: string;
  /** A character class source of every character beyond ASCII some stem holds. */
  readonly others: string;
  /** The most characters one stem matches. */
  readonly longest: number;
}

/**
 * Stands for `wordChar` in the patterns, which would otherwise repeat it at every closed stem's end (kilobytes of every
 * page's content script); the matcher puts the class back when it compiles a pattern.
 */
export const WORD_CHAR_TOKEN = '@';

export interface Precheck {
  /**
   * The text as the patterns read it: accents written as separate marks (NFD, rare on the web) are composed, so
   * "Ru\u0301ssia" reads as "Rússia". Lengths may change; the texts' separators stay.
   */
  prepare(text: string): string;
  /**
   * The index in `text` (prepared) of the first name of `side` that starts a word and that `accept` takes (all, by
   * default), or -1. `accept` sees the index of each hit in turn, so a page can reject names in its navigation.
   */
  findName(text: string, side: Side, accept?: (index: number) => boolean): number;
  /**
   * The first index from `from` on where a name of `side` may lie in a text that runs many texts together with
   * nothing between them (an element's `textContent`). After a letter, a name may still start a word where the
   * letter ends another text: a capital after a letter that is not one ("HomeIran") is offered; a name after a
   * capital ("NEWSIRAN") or starting in lower case, or in a script without case, is not. Where a name ends is checked:
   * a short name ("Rus") at the very end of one text, with the next text starting with a letter and no space between,
   * is not found (`findName` on that text alone would find it).
   */
  findAnywhere(text: string, side: Side, from: number): number;
  /** The most characters one name matches (`PrecheckPatterns.longest`). */
  readonly longest: number;
}

/** Combining accents: where a text has one, it is composed before reading. */
export const COMBINING = /[\u0300-\u036f]/;
/** Scripts written without spaces: a name may start anywhere. */
const isUnspaced = (code: number) => code >= 0x3040 && code <= 0x9fff;

interface Compiled {
  /** Compiled the first time a text has letters beyond ASCII: a page in English often has none. */
  all(): RegExp;
  readonly ascii: RegExp;
}

/**
 * Where in a text a name written with a letter beyond ASCII may start: spans of starts [from, to] around each run
 * of such letters, merged; one span over all of it where such letters are dense (a page in Russian or Persian).
 */
function spansAroundOthers(text: string, others: RegExp, longest: number): number[] {
  const spans: number[] = [];
  let near = 0;
  others.lastIndex = 0;
  for (let run = others.exec(text); run; run = others.exec(text)) {
    const from = run.index - longest + 1; // may be below 0: a search from there starts at 0
    const to = run.index + run[0].length - 1;
    // Spans closer than a name's length are read as one: each read costs a call.
    if (from <= (spans.at(-1) ?? -Infinity) + longest) spans[spans.length - 1] = to;
    else spans.push(from, to);
    near += run[0].length + longest;
    if (near > text.length / 2) return [0, text.length];
  }
  return spans;
}

export function createPrecheck(patterns: PrecheckPatterns): Precheck {
  const wordChar = new RegExp(patterns.wordChar);
  const others = new RegExp(`${patterns.others}+`, 'g');
  const longest = patterns.longest;
  // Compiled on first use: a page that never gets this far builds nothing, and most pages never ask for Russia.
  const compiled = new Map<Side, Compiled>();
  const regexesOf = (side: Side) => {
    let regexes = compiled.get(side);
    if (!regexes) {
      const compile = (source: string) => new RegExp(source.replaceAll(WORD_CHAR_TOKEN, patterns.wordChar), 'g');
      let all: RegExp | null = null;
      compiled.set(side, (regexes = { all: () => (all ??= compile(patterns[side].all)), ascii: compile(patterns[side].ascii) }));
    }
    return regexes;
  };
  // Both sides are looked for in the same text: its spans are found once.
  let spansFor: { text: string; spans: number[] } | null = null;
  const spansOf = (text: string) => (spansFor?.text === text ? spansFor : (spansFor = { text, spans: spansAroundOthers(text, others, longest) })).spans;
  const startsWord = (text: string, index: number) => index === 0 || isUnspaced(text.charCodeAt(index)) || !wordChar.test(text[index - 1]!);
  /**
   * In texts run together, a name may follow another text's last letter with nothing between ("HomeIran"): it then
   * starts with a capital after a letter that is not one. Anywhere else after a letter ("Cyprus", "UNESCO", a word in
   * a script without case) it lies inside a word.
   */
  const mayStartWord = (text: string, index: number) => {
    if (startsWord(text, index)) return true;
    const [before, first] = [text[index - 1]!, text[index]!];
    return first !== first.toLowerCase() && before === before.toLowerCase();
  };
  /** The first index from `from` on where `regex` matches `text`, or -1. */
  const nextMatch = (regex: RegExp, text: string, from: number) => {
    regex.lastIndex = from;
    return regex.exec(text)?.index ?? -1;
  };
  /** The first index from `from` on where `regexes` match and `accept` takes it, or -1. */
  const search = (text: string, { all, ascii }: Compiled, from: number, accept: (index: number) => boolean) => {
    const spans = spansOf(text);
    // A name is either all ASCII (found by `ascii`) or holds another letter, and then starts within `longest`
    // characters before it: in a span, where `all` reads a slice long enough to hold the name and the character after.
    let span = 0;
    const nextInSpans = (start: number) => {
      for (; span < spans.length; span += 2) {
        if (spans[span + 1]! < start) continue;
        const index = nextMatch(all(), text.slice(0, spans[span + 1]! + longest + 1), Math.max(start, spans[span]!));
        if (index >= 0 && index <= spans[span + 1]!) return index;
      }
      return -1;
    };
    let nextAscii = nextMatch(ascii, text, from);
    let nextOther = nextInSpans(from);
    while (nextAscii >= 0 || nextOther >= 0) {
      const index = nextOther < 0 || (nextAscii >= 0 && nextAscii < nextOther) ? nextAscii : nextOther;
      if (accept(index)) return index;
      if (nextAscii === index) nextAscii = nextMatch(ascii, text, index + 1);
      if (nextOther === index) nextOther = nextInSpans(index + 1);
    }
    return -1;
  };
  return {
    longest,
    prepare: (text) => (COMBINING.test(text) ? text.normalize('NFC') : text),
    findName: (text, side, accept = () => true) => search(text, regexesOf(side), 0, (index) => startsWord(text, index) && accept(index)),
    findAnywhere: (text, side, from) => search(text, regexesOf(side), from, (index) => mayStartWord(text, index)),
  };
}
