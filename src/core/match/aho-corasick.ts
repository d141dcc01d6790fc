/**
 * Aho–Corasick automaton over folded text: finds every occurrence of thousands of terms
 * in one pass over the text, so the cost of matching does not grow with the number of
 * claims (mark.js' per-term walks froze tabs: julkue/mark.js#366). Word boundaries are
 * checked on each hit, with the Arabic-script proclitics (و ف ب ل ك ال …) allowed before a
 * word, since Arabic writes them attached ("والمسيرات" contains "مسيرات").
 *
 * Nodes live in flat typed arrays numbered in breadth-first order, so a node's children are
 * consecutive ids and its failure link always points to a smaller id. That layout is what
 * the build serializes (`serialize`): four numbers per node and two per pattern, from
 * which `fromSerialized` rebuilds the rest in one linear pass, with no search or folding.
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

/** The automaton as data: its sizes, and its typed arrays as little-endian bytes, one after another (see Layout). */
export interface SerializedAutomaton {
  readonly nodeCount: number;
  readonly patternCount: number;
  /** The size of the payload table the indexes point into. */
  readonly payloadCount: number;
  readonly bytes: Uint8Array;
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

const CHAR_SPACE = 0x10000;
const PREFIX_FLAG = 1;
const ARABIC_FLAG = 2;

/** The arrays that make up a node, in the order they are laid out in `SerializedAutomaton.bytes`. */
interface Layout {
  readonly fail: Uint32Array;
  readonly edgeChar: Uint16Array;
  readonly childCount: Uint16Array;
  readonly outCount: Uint16Array;
  /** One byte per pattern: PREFIX_FLAG | ARABIC_FLAG. */
  readonly flags: Uint8Array;
  /** Per pattern, the index of its payload. */
  readonly payloadIndex: Uint32Array;
}

export class AhoCorasick<P> {
  /** The root's children by character: the root has hundreds, every other node a few. */
  private readonly rootNext = new Int32Array(CHAR_SPACE).fill(-1);
  /** Children of node s are the ids firstChild[s] … firstChild[s + 1] - 1. */
  private readonly firstChild: Int32Array;
  private readonly edgeChar: Uint16Array;
  private readonly fail: Uint32Array;
  /** Nearest node on the fail chain that ends a pattern, or 0 for none. */
  private readonly outLink: Int32Array;
  private readonly depth: Uint16Array;
  /** Patterns ending at node s are outStart[s] … outStart[s + 1] - 1. */
  private readonly outStart: Int32Array;
  private readonly flags: Uint8Array;
  /** The payloads' table: each distinct payload once. */
  private readonly payloads: readonly P[];
  /** Per pattern, the index of its payload in `payloads`. */
  private readonly payloadIndex: Uint32Array;
  private readonly layout: Layout;

  private constructor(layout: Layout, payloads: readonly P[]) {
    this.layout = layout;
    const nodeCount = layout.fail.length;
    this.edgeChar = layout.edgeChar;
    this.fail = layout.fail;
    this.flags = layout.flags;
    this.payloads = payloads;
    this.payloadIndex = layout.payloadIndex;
    const firstChild = (this.firstChild = new Int32Array(nodeCount + 1));
    const outStart = (this.outStart = new Int32Array(nodeCount + 1));
    const depth = (this.depth = new Uint16Array(nodeCount));
    const outLink = (this.outLink = new Int32Array(nodeCount));
    // One pass over 100,000 nodes when the worker wakes, still in the interpreter: the arrays are read from locals.
    const { childCount, outCount, fail, edgeChar } = layout;
    const rootNext = this.rootNext;
    // Breadth-first ids: a node's children are the next childCount ids after its elder siblings' children. A failure
    // target is shallower than its node, so its own output link was set when its parent came, before the node's.
    let child = 1;
    let out = 0;
    for (let node = 0; node < nodeCount; node++) {
      firstChild[node] = child;
      outStart[node] = out;
      const end = child + childCount[node]!;
      const childDepth = depth[node]! + 1;
      for (let next = child; next < end; next++) {
        depth[next] = childDepth;
        if (node === 0) rootNext[edgeChar[next]!] = next;
        const failTo = fail[next]!;
        outLink[next] = outCount[failTo]! > 0 ? failTo : outLink[failTo]!;
      }
      child = end;
      out += outCount[node]!;
    }
    firstChild[nodeCount] = child;
    outStart[nodeCount] = out;
  }

  static build<P>(patterns: Iterable<PatternSpec<P>>): AhoCorasick<P> {
    const { layout, payloads } = buildLayout([...patterns].filter((pattern) => pattern.text.length > 0));
    return new AhoCorasick(layout, payloads);
  }

  /** The automaton as data; `payloadIndex` numbers each payload (the caller keeps the table). */
  serialize(payloadIndex: (payload: P) => number): SerializedAutomaton {
    const { fail, edgeChar, childCount, outCount, flags } = this.layout;
    const indexes = Uint32Array.from(this.payloadIndex, (index) => payloadIndex(this.payloads[index]!));
    const parts = [fail, indexes, edgeChar, childCount, outCount, flags];
    const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
    let offset = 0;
    for (const part of parts) {
      bytes.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), offset);
      offset += part.byteLength;
    }
    if (!littleEndian()) throw new Error('serializing the automaton needs a little-endian machine');
    const payloadCount = indexes.reduce((highest, index) => Math.max(highest, index + 1), 0);
    return { nodeCount: fail.length, patternCount: flags.length, payloadCount, bytes };
  }

  /**
   * Rebuilds a serialized automaton: one pass over its nodes, no folding, no trie search. `payloads` is the table the
   * serialized payload indexes point into (kept as it is: no array of a payload per pattern is made), of the size
   * `serialize` was told.
   */
  static fromSerialized<P>(serialized: SerializedAutomaton, payloads: readonly P[]): AhoCorasick<P> {
    const { nodeCount, patternCount } = serialized;
    // The 4-byte arrays come first: on a buffer of its own (a fetched file's), every view is aligned.
    const bytes = serialized.bytes.byteOffset % 4 === 0 ? serialized.bytes : serialized.bytes.slice();
    const expected = nodeCount * 10 + patternCount * 5;
    if (bytes.byteLength !== expected) throw new Error(`serialized automaton has ${bytes.byteLength} bytes, expected ${expected}`);
    if (!littleEndian()) throw new Error('reading the automaton needs a little-endian machine');
    let offset = 0;
    const take = <T>(make: (buffer: ArrayBuffer, offset: number, length: number) => T, length: number, width: number): T => {
      const view = make(bytes.buffer as ArrayBuffer, bytes.byteOffset + offset, length);
      offset += length * width;
      return view;
    };
    const fail = take((b, o, l) => new Uint32Array(b, o, l), nodeCount, 4);
    const payloadIndex = take((b, o, l) => new Uint32Array(b, o, l), patternCount, 4);
    const edgeChar = take((b, o, l) => new Uint16Array(b, o, l), nodeCount, 2);
    const childCount = take((b, o, l) => new Uint16Array(b, o, l), nodeCount, 2);
    const outCount = take((b, o, l) => new Uint16Array(b, o, l), nodeCount, 2);
    const flags = take((b, o, l) => new Uint8Array(b, o, l), patternCount, 1);
    if (payloads.length !== serialized.payloadCount) throw new Error(`serialized automaton needs ${serialized.payloadCount} payloads, given ${payloads.length}`);
    return new AhoCorasick({ fail, edgeChar, childCount, outCount, flags, payloadIndex }, payloads);
  }

  get size(): number {
    return this.flags.length;
  }

  get nodeCount(): number {
    return this.fail.length;
  }

  /** The node reached from `state` by `code`, or -1. */
  private child(state: number, code: number): number {
    if (state === 0) return this.rootNext[code]!;
    const end = this.firstChild[state + 1]!;
    for (let node = this.firstChild[state]!; node < end; node++) if (this.edgeChar[node] === code) return node;
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
      for (let emit = this.outStart[state + 1]! > this.outStart[state]! ? state : this.outLink[state]!; emit > 0; emit = this.outLink[emit]!) {
        const end = i + 1;
        const start = end - this.depth[emit]!;
        const last = this.outStart[emit + 1]!;
        for (let index = this.outStart[emit]!; index < last; index++) {
          const flags = this.flags[index]!;
          if (!rightBoundaryOk(text, end, to, (flags & PREFIX_FLAG) !== 0)) continue;
          if (!leftBoundaryOk(text, start, from, (flags & ARABIC_FLAG) !== 0)) continue;
          hits.push({ start, end, payload: this.payloads[this.payloadIndex[index]!]! });
        }
      }
    }
    return hits;
  }
}

function rightBoundaryOk(text: string, end: number, to: number, prefix: boolean): boolean {
  if (prefix || end >= to) return true;
  // A term ending in a non-letter ("U.S.") has its own boundary.
  if (!isWordChar(text.charCodeAt(end - 1))) return true;
  return !isWordChar(text.charCodeAt(end));
}

function leftBoundaryOk(text: string, start: number, from: number, arabicScript: boolean): boolean {
  if (start <= from || !isWordChar(text.charCodeAt(start - 1)) || !isWordChar(text.charCodeAt(start))) return true;
  if (!arabicScript) return false;
  let wordStart = start;
  while (wordStart > from && isWordChar(text.charCodeAt(wordStart - 1))) wordStart--;
  return start - wordStart <= 3 && PROCLITICS.has(text.slice(wordStart, start));
}

/**
 * The textbook construction: a trie (children as linked lists while it grows), renumbered
 * breadth-first into the final layout, then failure links in id order.
 */
function buildLayout<P>(patterns: readonly PatternSpec<P>[]): { layout: Layout; payloads: P[] } {
  let capacity = 1;
  for (const pattern of patterns) capacity += pattern.text.length;
  const trieFirstChild = new Int32Array(capacity).fill(-1);
  const trieNextSibling = new Int32Array(capacity).fill(-1);
  const trieChar = new Uint16Array(capacity);
  const rootChild = new Int32Array(CHAR_SPACE).fill(-1);
  const endNode = new Int32Array(patterns.length);
  let trieCount = 1;
  const trieChild = (state: number, code: number): number => {
    if (state === 0) return rootChild[code]!;
    for (let node = trieFirstChild[state]!; node !== -1; node = trieNextSibling[node]!) if (trieChar[node] === code) return node;
    return -1;
  };
  for (let index = 0; index < patterns.length; index++) {
    const text = patterns[index]!.text;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let next = trieChild(state, code);
      if (next < 0) {
        next = trieCount++;
        trieChar[next] = code;
        trieNextSibling[next] = trieFirstChild[state]!;
        trieFirstChild[state] = next;
        if (state === 0) rootChild[code] = next;
      }
      state = next;
    }
    endNode[index] = state;
  }

  // Breadth-first renumbering: idOf[trie node] = final id; children become consecutive ids.
  const idOf = new Int32Array(trieCount);
  const order = new Int32Array(trieCount);
  const edgeChar = new Uint16Array(trieCount);
  const childCount = new Uint16Array(trieCount);
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const trieNode = order[head]!;
    for (let child = trieFirstChild[trieNode]!; child !== -1; child = trieNextSibling[child]!) {
      idOf[child] = tail;
      order[tail] = child;
      edgeChar[tail] = trieChar[child]!;
      childCount[head] = childCount[head]! + 1;
      tail++;
    }
  }

  // Patterns grouped by end node; within a node, the latest added first (the order hits always came in).
  const sorted = patterns.map((_, index) => index).sort((a, b) => idOf[endNode[a]!]! - idOf[endNode[b]!]! || b - a);
  const outCount = new Uint16Array(trieCount);
  const flags = new Uint8Array(patterns.length);
  const payloads: P[] = [];
  const payloadIndex = new Uint32Array(patterns.length);
  sorted.forEach((index, position) => {
    const pattern = patterns[index]!;
    const node = idOf[endNode[index]!]!;
    outCount[node] = outCount[node]! + 1;
    const first = pattern.text.charCodeAt(0);
    flags[position] = (pattern.prefix ? PREFIX_FLAG : 0) | (first >= 0x600 && first <= 0x6ff ? ARABIC_FLAG : 0);
    payloadIndex[position] = payloads.push(pattern.payload) - 1;
  });

  const firstChild = new Int32Array(trieCount + 1);
  for (let node = 0, child = 1; node <= trieCount; node++) {
    firstChild[node] = child;
    if (node < trieCount) child += childCount[node]!;
  }
  const childOf = (state: number, code: number): number => {
    const end = firstChild[state + 1]!;
    for (let node = firstChild[state]!; node < end; node++) if (edgeChar[node] === code) return node;
    return -1;
  };
  const fail = new Uint32Array(trieCount);
  for (let node = 1; node < trieCount; node++) {
    const end = firstChild[node + 1]!;
    for (let child = firstChild[node]!; child < end; child++) {
      const code = edgeChar[child]!;
      let fallback = fail[node]!;
      let target = childOf(fallback, code);
      while (target < 0 && fallback !== 0) {
        fallback = fail[fallback]!;
        target = childOf(fallback, code);
      }
      fail[child] = target >= 0 && target !== child ? target : 0;
    }
  }
  return { layout: { fail, edgeChar, childCount, outCount, flags, payloadIndex }, payloads };
}

function littleEndian(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}
