/**
 * Aho–Corasick automaton over folded text: finds every occurrence of thousands of terms
 * in one pass over the text, so the cost of matching does not grow with the number of
 * claims (mark.js' per-term walks froze tabs: julkue/mark.js#366). Word boundaries are
 * checked on each hit, with the Arabic-script proclitics (و ف ب ل ك ال …) allowed before a
 * word, since Arabic writes them attached ("والمسيرات" contains "مسيرات").
 *
 * Nodes live in flat typed arrays (children as linked lists, the root's as a direct table):
 * no per-node objects, so tens of thousands of nodes build in milliseconds, and `buildInSteps` lets the content script
 * build in slices between which the page stays responsive.
 */

export interface PatternSpec<P> {
  /** Folded text of the term (see text/normalize.ts). */
  readonly text: string;
  /** `true`: the term may be followed by more letters (a prefix such as "беспилотник*"). */
  readonly prefix: boolean;
  readonly payload: P;
}

export interface PatternHit<P> {
  /** Folded offsets of the hit: [start, end). */
  readonly start: number;
  readonly end: number;
  readonly payload: P;
}

const wordCharCache = new Map<number, boolean>();
// Chinese and Japanese write words without spaces, so their characters never form a boundary-checked word:
// 伊朗 must match inside 俄伊关系. (Korean spaces its words; its names are matched as prefixes for the particles.)
const WORD_CHAR = /(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}\p{M}]/u;

export function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  let known = wordCharCache.get(code);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCharCode(code));
    wordCharCache.set(code, known);
  }
  return known;
}

/** Attached Arabic proclitics (conjunctions, prepositions, article), folded. */
const PROCLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ک', 'ال', 'وال', 'فال', 'بال', 'کال', 'لل', 'ول', 'وب', 'فب', 'وک', 'ولل']);

/** Patterns added or nodes linked between two pauses of `buildInSteps`. */
const WORK_PER_STEP = 1_500;
const CHAR_SPACE = 0x10000;

export class AhoCorasick<P> {
  private readonly patterns: PatternSpec<P>[];
  /** The root's children by character: the root has hundreds, every other node a few. */
  private readonly rootNext = new Int32Array(CHAR_SPACE).fill(-1);
  private readonly depth: Uint16Array;
  private readonly fail: Int32Array;
  /** Nearest node on the fail chain that ends a pattern, or 0 for none. */
  private readonly outLink: Int32Array;
  /** First pattern ending at a node (+1; 0 = none), then chained through `nextOut`. */
  private readonly firstOut: Int32Array;
  private readonly nextOut: Int32Array;
  private readonly firstChild: Int32Array;
  private readonly nextSibling: Int32Array;
  /** The character on the edge into each node. */
  private readonly edgeChar: Uint16Array;
  private nodeCount = 1;
  private readonly arabicScript: Uint8Array;

  private constructor(patterns: PatternSpec<P>[]) {
    this.patterns = patterns.filter((pattern) => pattern.text.length > 0);
    let capacity = 1;
    for (const pattern of this.patterns) capacity += pattern.text.length;
    this.depth = new Uint16Array(capacity);
    this.fail = new Int32Array(capacity);
    this.outLink = new Int32Array(capacity);
    this.firstOut = new Int32Array(capacity);
    this.nextOut = new Int32Array(this.patterns.length);
    this.firstChild = new Int32Array(capacity).fill(-1);
    this.nextSibling = new Int32Array(capacity).fill(-1);
    this.edgeChar = new Uint16Array(capacity);
    this.arabicScript = new Uint8Array(this.patterns.length);
  }

  static build<P>(patterns: Iterable<PatternSpec<P>>): AhoCorasick<P> {
    const steps = AhoCorasick.buildInSteps(patterns);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /** Builds while yielding every few thousand units of work (see content/scheduler.ts). */
  static *buildInSteps<P>(patterns: Iterable<PatternSpec<P>>): Generator<void, AhoCorasick<P>, void> {
    const automaton = new AhoCorasick([...patterns]);
    for (let index = 0; index < automaton.patterns.length; index++) {
      automaton.add(index);
      if (index % WORK_PER_STEP === WORK_PER_STEP - 1) yield;
    }
    yield* automaton.link();
    return automaton;
  }

  get size(): number {
    return this.patterns.length;
  }

  private add(index: number): void {
    const text = this.patterns[index]!.text;
    const first = text.charCodeAt(0);
    this.arabicScript[index] = first >= 0x600 && first <= 0x6ff ? 1 : 0;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let next = this.child(state, code);
      if (next < 0) {
        next = this.nodeCount++;
        this.depth[next] = this.depth[state]! + 1;
        this.edgeChar[next] = code;
        this.nextSibling[next] = this.firstChild[state]!;
        this.firstChild[state] = next;
        if (state === 0) this.rootNext[code] = next;
      }
      state = next;
    }
    this.nextOut[index] = this.firstOut[state]! - 1;
    this.firstOut[state] = index + 1;
  }

  /** Breadth-first failure links, as in the textbook construction. */
  private *link(): Generator<void, void, void> {
    const queue = new Int32Array(this.nodeCount);
    let tail = 0;
    for (let child = this.firstChild[0]!; child !== -1; child = this.nextSibling[child]!) queue[tail++] = child;
    // Children of the root fail to the root; fail[] is zero-filled already.
    for (let head = 0; head < tail; head++) {
      if (head % WORK_PER_STEP === WORK_PER_STEP - 1) yield;
      const state = queue[head]!;
      for (let child = this.firstChild[state]!; child !== -1; child = this.nextSibling[child]!) {
        const code = this.edgeChar[child]!;
        let fallback = this.fail[state]!;
        let target = this.child(fallback, code);
        while (target < 0 && fallback !== 0) {
          fallback = this.fail[fallback]!;
          target = this.child(fallback, code);
        }
        const failTo = target >= 0 && target !== child ? target : 0;
        this.fail[child] = failTo;
        this.outLink[child] = this.firstOut[failTo]! > 0 ? failTo : this.outLink[failTo]!;
        queue[tail++] = child;
      }
    }
  }

  /** The node reached from `state` by `code`, or -1. */
  private child(state: number, code: number): number {
    if (state === 0) return this.rootNext[code]!;
    for (let node = this.firstChild[state]!; node !== -1; node = this.nextSibling[node]!) if (this.edgeChar[node] === code) return node;
    return -1;
  }

  /** Every whole-word (or prefix) occurrence in `text`, in order of end position. */
  search(text: string, from = 0, to = text.length): PatternHit<P>[] {
    const hits: PatternHit<P>[] = [];
    let state = 0;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      let next = this.child(state, code);
      while (next < 0 && state !== 0) {
        state = this.fail[state]!;
        next = this.child(state, code);
      }
      state = next < 0 ? 0 : next;
      for (let emit = this.firstOut[state]! > 0 ? state : this.outLink[state]!; emit > 0; emit = this.outLink[emit]!) {
        const end = i + 1;
        const start = end - this.depth[emit]!;
        for (let index = this.firstOut[emit]! - 1; index >= 0; index = this.nextOut[index]!) {
          const pattern = this.patterns[index]!;
          if (!this.rightBoundaryOk(text, end, to, pattern)) continue;
          if (!this.leftBoundaryOk(text, start, from, index)) continue;
          hits.push({ start, end, payload: pattern.payload });
        }
      }
    }
    return hits;
  }

  private rightBoundaryOk(text: string, end: number, to: number, pattern: PatternSpec<P>): boolean {
    if (pattern.prefix || end >= to) return true;
    // A term ending in a non-letter ("U.S.") has its own boundary.
    if (!isWordChar(text.charCodeAt(end - 1))) return true;
    return !isWordChar(text.charCodeAt(end));
  }

  private leftBoundaryOk(text: string, start: number, from: number, index: number): boolean {
    if (start <= from || !isWordChar(text.charCodeAt(start - 1)) || !isWordChar(text.charCodeAt(start))) return true;
    if (!this.arabicScript[index]) return false;
    let wordStart = start;
    while (wordStart > from && isWordChar(text.charCodeAt(wordStart - 1))) wordStart--;
    return start - wordStart <= 3 && PROCLITICS.has(text.slice(wordStart, start));
  }
}
