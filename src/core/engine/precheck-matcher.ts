/**
 * Runs the precheck patterns (precheck-patterns.ts) over a page's own text: one pass of a side's trigger (its ASCII
 * pattern, or a run of characters beyond ASCII) over all of it, its Latin accents folded, and its full pattern only
 * near the runs left, compiled the first time a page needs it, with a check on each hit that it starts a word. Pure
 * and DOM-free: the content script decides, through `accept`, whether a hit lies in article text.
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
  /**
   * The stems written in scripts beyond Latin (Cyrillic, Greek, Arabic, Chinese…), with their letters only. A run of
   * such letters holds whole names or none, and this pattern, a part of `all`, reads it: a page listing its languages
   * ("Русский", "العربية") no longer compiles the full pattern, whose Latin classes took milliseconds to compile.
   */
  readonly beyondLatin: string;
  /**
   * Where in a run of letters beyond Latin (`beyondLatin`'s) a name may start: at its start, or after an accent written
   * as a separate mark, a letter some stem starts with; after another letter, such a capital, or such a letter of a
   * script without spaces. Most runs (a list of languages names each in its own script) match nowhere, and are passed
   * by after one native test.
   */
  readonly beyondLatinFirst: string;
  /**
   * The stems holding a letter read as written ("Irã", where "ira" is a common word), with every spelling. Folded,
   * such a letter no longer tells them apart, so the matcher reads the text around it with this pattern, as it is.
   */
  readonly asWritten: string;
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
  /**
   * For each Latin letter beyond ASCII (`LATIN_FROM` on, one character each): the ASCII letter it folds to, a space
   * for a character that is no letter or a letter folding to what no stem holds (æ), or `LATIN_KEPT` for a letter
   * that stays as it is, one that folds otherwise to what some stem holds (ß). Folded so, a Latin name the full
   * pattern finds is one the trigger finds, or one holding a letter of `asWrittenLetters`.
   */
  readonly latinFolds: string;
  /** The letters some stem reads as written (both cases), which `latinFolds` folds like any other. */
  readonly asWrittenLetters: string;
}

/** The Latin letters beyond ASCII that `PrecheckPatterns.latinFolds` folds: Latin-1, Extended-A and -B. */
export const LATIN_FROM = 0xc0;
export const LATIN_END = 0x250;
/** In `latinFolds`: the letter is not folded. */
export const LATIN_KEPT = '.';

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
  findName(text: string, side: Side, accept?: Accept): number;
  /**
   * The first index from `from` on where a name of `side` may lie in a text that runs many texts together with
   * nothing between them (an element's `textContent`). After a letter, a name may still start a word where the
   * letter ends another text: a capital after a letter that is not one ("HomeIran") is offered; a name after a
   * capital ("NEWSIRAN") or starting in lower case, or in a script without case, is not. Where a name ends is checked:
   * a short name ("Rus") at the very end of one text, with the next text starting with a letter and no space between,
   * is not found (`findName` on that text alone would find it). An accent written as a separate mark (`COMBINING`
   * tests the character at the index) is offered too, where it comes first: no name is read through one, so the text
   * holding it is to be read whole, prepared.
   */
  findAnywhere(text: string, side: Side, from: number): number;
  /**
   * The first index `findAnywhere` gives from `from` on, with the name as the text spells it there (null where an
   * accent written as a separate mark comes first: no name is read through one); null where there is none.
   */
  spellingFrom(text: string | FoldedText, side: Side, from: number): Spelling | null;
  /**
   * The text as the searches read it (its Latin letters folded), for a text searched again in later tasks: a text
   * given as a string is folded again in each task that searches it.
   */
  fold(text: string): FoldedText;
  /** The most characters one name matches (`PrecheckPatterns.longest`). */
  readonly longest: number;
}

/**
 * A text and what the trigger reads of it (`foldLatin`), made once by `Precheck.fold`: the first look's text as shown,
 * which the full pre-check searches again in a later task. The holder decides how long both live.
 */
export interface FoldedText {
  readonly text: string;
  /** The text folded from its start to `end` at least (or to its own end). */
  foldedTo(end: number): string;
}

/** A name as a text spells it, and where. */
export interface Spelling {
  readonly index: number;
  readonly text: string | null;
}

/** Takes or rejects a hit: its index in the text, and the length of what matched there. */
export type Accept = (index: number, length: number) => boolean;

/** Combining accents: where a text has one, it is composed before reading. */
export const COMBINING = /[\u0300-\u036f]/;
const [MARKS_FROM, MARKS_TO] = [0x300, 0x36f];
const isMark = (code: number) => code >= MARKS_FROM && code <= MARKS_TO;
/** The Latin letters beyond ASCII (`LATIN_FROM` to `LATIN_END`): what `foldLatin` folds. */
const LATIN_LETTERS = /[\u00c0-\u024f]/g;
/**
 * The Latin letters beyond ASCII that `PrecheckPatterns.latinFolds` folds (`LATIN_FROM` to `LATIN_END`), and the
 * accents written as separate marks, which `mayBeNamedAcross` folds to a space: no stem holds one (precheck-patterns.ts
 * fails the build where one would), so no name reads through a mark that composing leaves (on a letter with no
 * accented form of its own, "ṳ̄").
 */
const FOLDED = new RegExp(`${LATIN_LETTERS.source}|${COMBINING.source}`, 'g');

/**
 * What `foldLatin` makes of a character `latinFolds` folds to a space: a word character, as it was, that no stem holds
 * (precheck-patterns.ts fails the build where one would).
 */
export const NO_STEM_LETTER = '0';

/**
 * The text with each Latin letter beyond ASCII folded to the ASCII letter `latinFolds` folds it to ("Māori" reads
 * "Maori"), one character for one; to `NO_STEM_LETTER` where that is a space (æ, ×), so that a word still ends where
 * it ended (`wordChar` reads them all); and as it is where some stem reads it as written (ã), or it folds to several
 * letters (ß): the trigger stops there, and the text around is read as it is. ASCII text is given back as it is
 * (`replace` returns its subject where nothing matches).
 */
function foldLatin(text: string, { latinFolds, asWrittenLetters }: PrecheckPatterns): string {
  return text.replace(LATIN_LETTERS, (letter) => {
    const fold = latinFolds[letter.charCodeAt(0) - LATIN_FROM]!;
    if (fold === LATIN_KEPT || asWrittenLetters.includes(letter)) return letter;
    return fold === ' ' ? NO_STEM_LETTER : fold;
  });
}

/** The characters folded first: a page about the two states names each early, and its search stops there. */
export const FOLDED_FIRST = 16_384;

/**
 * A text folded in two steps, its first `FOLDED_FIRST` characters and, where a search reads on, the rest: folding
 * the whole shown text of relevant-large (137,000 characters, both states named in its first thousand) took 1-1.8 ms
 * of its first look in Chromium's profiles.
 */
class FoldInSteps implements FoldedText {
  private folded = '';

  constructor(
    readonly text: string,
    private readonly patterns: PrecheckPatterns,
  ) {}

  foldedTo(end: number): string {
    if (this.folded.length < Math.min(end, this.text.length)) {
      const to = end <= FOLDED_FIRST ? FOLDED_FIRST : this.text.length;
      this.folded += foldLatin(this.text.slice(this.folded.length, to), this.patterns);
    }
    return this.folded;
  }
}

/** Is every character of this run beyond the Latin blocks (a word in Cyrillic, Arabic, Chinese…)? */
function isBeyondLatin(run: string): boolean {
  for (let at = 0; at < run.length; at++) if (run.charCodeAt(at) < LATIN_END) return false;
  return true;
}

/** Scripts written without spaces (Japanese kana, Chinese): a name may start anywhere. */
export const UNSPACED_FROM = 0x3040;
export const UNSPACED_TO = 0x9fff;
const isUnspaced = (code: number) => code >= UNSPACED_FROM && code <= UNSPACED_TO;

interface Compiled {
  /**
   * The side's ASCII pattern, or a run of characters beyond ASCII (letters some stem holds, accents written as
   * separate marks): one pass over a text finds everywhere a name may lie. Most text is ASCII: V8 runs this faster
   * than three passes (ASCII names, other letters, marks; 0.45 against 0.6–1.1 ms over yahoo-2's text in Node), and
   * several times faster than the full pattern.
   */
  readonly trigger: RegExp;
  /** Compiled the first time a text may hold a name with letters beyond ASCII: a page in English often has none. */
  all(): RegExp;
  /** Compiled the first time a text has a run of letters beyond Latin (`SidePatterns.beyondLatin`). */
  beyondLatin(): RegExp;
  /** May a name spelt in letters beyond Latin start in this run of them (`SidePatterns.beyondLatinFirst`)? */
  mayNameBeyondLatin(run: string): boolean;
  /** Compiled the first time a text has a letter some stem reads as written (`SidePatterns.asWritten`). */
  asWritten(): RegExp;
  /** Whether `all` is compiled: once it is, reading a run with it costs less than asking whether it must. */
  hasAll(): boolean;
}

/** Characters in runs beyond ASCII, `longest` counted for each run, past which a text is read as dense with them. */
const DENSE_RUNS = 256;
/**
 * Characters left to read, below which dense text is still read a run at a time: the full pattern costs milliseconds
 * to compile (Russia's, in Chromium), a run a few microseconds. A list of languages at a page's end is dense, short,
 * and holds no name in article text.
 */
const DENSE_REST = 8_192;

/**
 * The matcher, one class rather than closures inside `createPrecheck`: V8 parses a function again each time a function
 * around it is compiled, and the content script compiles each of these on a page's first use. Closures nested two
 * deep were parsed three times (V8's function-events log of guardian-1: 0.25 ms for `createPrecheck` alone).
 */
export function createPrecheck(patterns: PrecheckPatterns): Precheck {
  return new NameMatcher(patterns);
}

class NameMatcher implements Precheck {
  readonly longest: number;
  /** Asked only of the rare hits: most pages never compile it. */
  private wordChar: RegExp | null = null;
  /** `others` is a class (`[…]`, built by precheck-patterns.ts): the marks join it, so one pass finds both. */
  private readonly beyondAscii: string;
  /** Compiled on first use: a page that never gets this far builds nothing, and most pages never ask for Russia. */
  private readonly compiled = new Map<Side, Compiled>();
  /**
   * The text searched last, and its Latin letters folded (`foldLatin`), kept until the task ends: a page's text is
   * searched for each side, and often again from where a name was offered, in one task. Not longer: a page's whole
   * text, twice, would stay in the tab's memory.
   */
  private folding: FoldedText | null = null;

  constructor(private readonly patterns: PrecheckPatterns) {
    this.longest = patterns.longest;
    this.beyondAscii = `[${patterns.others.slice(1, -1)}${COMBINING.source.slice(1, -1)}]+`;
  }

  prepare(text: string): string {
    return COMBINING.test(text) ? text.normalize('NFC') : text;
  }

  findName(text: string, side: Side, accept: Accept = () => true): number {
    return this.search(this.foldedForTask(text), side, 0, (index, length) => this.startsWord(text, index) && accept(index, length), false);
  }

  findAnywhere(text: string, side: Side, from: number): number {
    return this.search(this.foldedForTask(text), side, from, (index) => this.mayStartWord(text, index), true);
  }

  spellingFrom(given: string | FoldedText, side: Side, from: number): Spelling | null {
    const searched = typeof given === 'string' ? this.foldedForTask(given) : given;
    const { text } = searched;
    let length = 0;
    const index = this.search(searched, side, from, (at, matched) => this.mayStartWord(text, at) && (length = matched) > 0, true);
    return index < 0 ? null : { index, text: length > 0 ? text.slice(index, index + length) : null };
  }

  fold(text: string): FoldedText {
    return new FoldInSteps(text, this.patterns);
  }

  /** `text` folded (`foldLatin`), as the trigger reads it: once a task however many searches read it. */
  private foldedForTask(text: string): FoldedText {
    if (this.folding?.text !== text) {
      if (!this.folding) queueMicrotask(() => (this.folding = null));
      this.folding = this.fold(text);
    }
    return this.folding;
  }

  private regexesOf(side: Side): Compiled {
    let regexes = this.compiled.get(side);
    if (!regexes) this.compiled.set(side, (regexes = new SideRegexes(this.patterns, side, this.beyondAscii)));
    return regexes;
  }

  private isWordChar(char: string): boolean {
    return (this.wordChar ??= new RegExp(this.patterns.wordChar)).test(char);
  }

  private startsWord(text: string, index: number): boolean {
    return index === 0 || isUnspaced(text.charCodeAt(index)) || !this.isWordChar(text[index - 1]!);
  }

  /**
   * In texts run together, a name may follow another text's last letter with nothing between ("HomeIran"): it then
   * starts with a capital after a letter that is not one. Anywhere else after a letter ("Cyprus", "UNESCO", a word in
   * a script without case) it lies inside a word.
   */
  private mayStartWord(text: string, index: number): boolean {
    if (this.startsWord(text, index)) return true;
    const [before, first] = [text[index - 1]!, text[index]!];
    return first !== first.toLowerCase() && before === before.toLowerCase();
  }

  /**
   * May a name lie across the run of letters beyond ASCII at [index, end)? Not where the run is Latin (a letter
   * `foldLatin` leaves: "á", "ß") and the text around it, its Latin letters folded to ASCII, holds nothing across the
   * run that the trigger finds, nor, as written, that a stem with a letter read as written finds: the full pattern,
   * whose compiling cost more than all the rest of the search on such a page (guardian-1, "Māori"), is then not
   * needed. Runs starting in other scripts, and Latin letters kept (ß), are left to the full pattern (the trigger finds
   * kept letters in the folded text too). Asked only until the full pattern is compiled.
   */
  private mayBeNamedAcross(text: string, index: number, end: number, regexes: Compiled): boolean {
    const first = text.charCodeAt(index);
    if (first >= LATIN_END && !isMark(first)) return true;
    const { latinFolds, asWrittenLetters } = this.patterns;
    // A name across the run starts at most `longest` - 1 characters before it; one character past the longest name
    // comes along for a short stem's word-end lookahead. Folding keeps each letter one character, so indexes hold.
    const start = Math.max(0, index - this.longest + 1);
    const around = text.slice(start, end + this.longest + 1);
    // Only a match holding some of the run counts: one before it, or after it (a stem the slice cut short), or a run
    // beyond ASCII near it, is read on its own.
    const [runStart, runEnd] = [index - start, end - start];
    const acrossRun = (regex: RegExp, within: string) => {
      regex.lastIndex = 0;
      for (let hit = regex.exec(within); hit && hit.index < runEnd; hit = regex.exec(within)) {
        if (hit.index + hit[0].length > runStart) return true;
        regex.lastIndex = hit.index + 1;
      }
      return false;
    };
    let readAsWritten = false;
    // Replaced natively, the script called only for the few accented letters: a loop over every character around
    // each run cost wikipedia-2, with its 150 runs of Latin accents, milliseconds of cold code.
    const folded = around.replace(FOLDED, (letter) => {
      const code = letter.charCodeAt(0);
      if (isMark(code)) return ' ';
      readAsWritten ||= asWrittenLetters.includes(letter);
      const fold = latinFolds[code - LATIN_FROM]!;
      return fold === LATIN_KEPT ? letter : fold;
    });
    return acrossRun(regexes.trigger, folded) || (readAsWritten && acrossRun(regexes.asWritten(), around));
  }

  /**
   * The first index in [from, to) where `regex` matches a name that runs on to at most `to + longest`, and `accept`
   * takes, or -1.
   */
  private nextAccepted(regex: RegExp, text: string, from: number, to: number, accept: Accept): number {
    const window = to + this.longest >= text.length ? text : text.slice(0, to + this.longest);
    regex.lastIndex = from;
    for (let match = regex.exec(window); match && match.index < to; match = regex.exec(window)) {
      if (accept(match.index, match[0].length)) return match.index;
      regex.lastIndex = match.index + 1;
    }
    return -1;
  }

  /**
   * The first index from `from` on where a name of `side` matches and `accept` takes it, or -1; with `marks`, or
   * where an accent written as a separate mark lies, whichever comes first. One pass of the trigger over the text,
   * its Latin accents folded (`foldLatin`), finds both the ASCII stems, accented or not, and the runs of characters
   * beyond ASCII left: a name holding one of those starts within `longest` characters before the run, and there the
   * full pattern reads it (around a run of Latin letters, only where the text, folded, may hold a name:
   * `mayBeNamedAcross`). Where such runs are dense (a page in Russian or Persian), the full pattern reads the rest of
   * the text itself.
   */
  private search(searched: FoldedText, side: Side, from: number, accept: Accept, marks: boolean): number {
    const { text } = searched;
    const regexes = this.regexesOf(side);
    const { trigger } = regexes;
    // The trigger reads the text folded, one character for one: a name with Latin accents ("Téhéran") is then one it
    // finds where it is, and a page's accents outside names ("Māori") no longer stop it. On wikipedia-2, whose text
    // has 200 such runs for each side, each run cost a step of the script where the fold costs a call.
    let scanned = searched.foldedTo(from + FOLDED_FIRST);
    let nearRuns = 0;
    for (let at = from; ; ) {
      trigger.lastIndex = at;
      let hit = trigger.exec(scanned);
      // Near the end of what is folded so far, a match may go on past it, or a short name's word end lie beyond it:
      // the rest is folded, and read from the first place a match may have been cut short (a run goes on to the end).
      if (scanned.length < text.length && (!hit || hit.index + hit[0].length + this.longest >= scanned.length)) {
        const cut = Math.min(hit?.index ?? scanned.length, scanned.length - this.longest);
        scanned = searched.foldedTo(text.length);
        trigger.lastIndex = Math.max(at, cut);
        hit = trigger.exec(scanned);
      }
      if (!hit) return -1;
      const index = hit.index;
      if (scanned.charCodeAt(index) < 0x80) {
        if (accept(index, hit[0].length)) return index;
        at = index + 1;
        continue;
      }
      // The run as the page writes it: `foldLatin` folds a letter to ASCII, which ends a run, or leaves it as it is.
      const run = hit[0];
      const mark = marks ? run.search(COMBINING) : -1;
      const end = mark >= 0 ? index + mark : index + run.length;
      if (mark < 0 && !regexes.hasAll() && isBeyondLatin(run)) {
        // Letters of one script beyond Latin, between others that are not: a name in them lies wholly in the run, and
        // starts where the matcher takes a word to start.
        if (regexes.mayNameBeyondLatin(run)) {
          const name = this.nextAccepted(regexes.beyondLatin(), text, index, end, accept);
          if (name >= 0) return name;
        }
      } else {
        // A name across the run (up to a mark, where one ends it) is read by the full pattern; a name before the run is
        // one the trigger found. A mark starting the run (a list of languages: "ngṳ̄") leaves no letters to read.
        const name = index < end && (regexes.hasAll() || this.mayBeNamedAcross(text, index, end, regexes)) ? this.nextAccepted(regexes.all(), text, Math.max(at, index - this.longest + 1), end, accept) : -1;
        if (name >= 0) return name;
        if (mark >= 0) return end;
      }
      at = end;
      nearRuns += run.length + this.longest;
      if (nearRuns > DENSE_RUNS && nearRuns > (at - from) / 2 && (regexes.hasAll() || text.length - at > DENSE_REST)) return this.searchDensely(text, regexes.all(), at, accept, marks);
    }
  }

  /** The full pattern over the rest of a text where runs beyond ASCII are dense: one pass, not one per run. */
  private searchDensely(text: string, all: RegExp, from: number, accept: Accept, marks: boolean): number {
    const mark = marks ? text.slice(from).search(COMBINING) : -1;
    const end = mark >= 0 ? from + mark : text.length;
    const name = this.nextAccepted(all, text, from, end, accept);
    return name >= 0 || mark < 0 ? name : end;
  }
}

/** One side's regular expressions, compiled on its first search. */
class SideRegexes implements Compiled {
  readonly trigger: RegExp;
  private full: RegExp | null = null;
  private beyond: RegExp | null = null;
  private beyondFirst: RegExp | null = null;
  private written: RegExp | null = null;

  constructor(
    private readonly patterns: PrecheckPatterns,
    private readonly side: Side,
    beyondAscii: string,
  ) {
    this.trigger = this.compile(`${patterns[side].ascii}|${beyondAscii}`);
  }

  all(): RegExp {
    return (this.full ??= this.compile(this.patterns[this.side].all));
  }

  hasAll(): boolean {
    return this.full !== null;
  }

  beyondLatin(): RegExp {
    return (this.beyond ??= this.compile(this.patterns[this.side].beyondLatin));
  }

  mayNameBeyondLatin(run: string): boolean {
    return (this.beyondFirst ??= new RegExp(this.patterns[this.side].beyondLatinFirst)).test(run);
  }

  asWritten(): RegExp {
    return (this.written ??= this.compile(this.patterns[this.side].asWritten));
  }

  private compile(source: string): RegExp {
    return new RegExp(source.replaceAll(WORD_CHAR_TOKEN, this.patterns.wordChar), 'g');
  }
}
