/**
 * A seeded generator of random DOMs for fuzzing the text model: inline/block mixes, hidden and
 * skipped nodes, <br>, comments, open shadow roots, bidi text, surrogate pairs. Pure: it takes a
 * seed, a document and the words to draw text from, and builds into that document's <body>, so
 * the same seed gives the same DOM in Node (linkedom) and in a real browser (bundled into the
 * page by the e2e fuzz test). Reading ../shared for words is the caller's job (shared-words.ts).
 */
import type { DomBlock } from '../../src/dom/extract-blocks.ts';

/** Text no reader may ever see: it goes only into hidden or skipped elements. */
export const HIDDEN_MARK = 'QXHIDDENQX';

/** Words always present, whatever ../shared holds: names, numbers, four scripts, bidi controls, soft hyphens, astral characters. */
export const BUILT_IN_WORDS: readonly string[] = [
  'Russia', 'Iran', 'Putin', 'Pezeshkian', 'signed', 'a', 'treaty', 'in', 'Moscow', 'on', '17', 'January', '2025.', '$40', 'billion', 'drones,',
  'روسیه', 'ایران', 'پوتین', 'معاهده', 'امضا', 'کرد', 'إيران', 'روسيا', 'שלום', 'Россия', 'Иран', 'договор',
  '\u200f', '\u200e', '\u2067مسکو\u2069', '\u202bتهران\u202c', 'Bu\u00adshehr', 'plant\u00a0opened', 'e\u0301', '🇮🇷', '🇷🇺', '𝒳', '\t', '  ',
];

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const BLOCK_TAGS = ['p', 'div', 'section', 'article', 'h2', 'blockquote', 'li', 'td', 'figcaption', 'pre', 'aside', 'nav'];
const INLINE_TAGS = ['span', 'b', 'em', 'a', 'i', 'small', 'bdi', 'bdo', 'mark', 'q', 'sub'];
const SKIPPED_TAGS = ['script', 'style', 'noscript', 'textarea', 'button', 'code', 'template'];

export interface RandomDom {
  /** Where the DOM was built (the document's body). */
  readonly root: Element;
  /** A block length limit to extract with, or undefined for the default (so cut blocks are fuzzed too). */
  readonly maxBlockLength: number | undefined;
}

/**
 * Appends a random DOM for `seed` to `document.body`. `vocabulary` must be the same list
 * (same order) wherever a seed is to give the same DOM.
 */
export function buildRandomDom(seed: number, document: Document, vocabulary: readonly string[]): RandomDom {
  const next = random(seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const text = () => {
    const count = 1 + Math.floor(next() * 12);
    const parts: string[] = [];
    for (let i = 0; i < count; i++) parts.push(pick(vocabulary));
    return parts.join(next() < 0.9 ? ' ' : '');
  };
  // Small documents, many of them: a few hundred nodes each keeps 1,000 cases quick.
  let budget = 40 + Math.floor(next() * 260);
  const fill = (parent: Node, depth: number) => {
    const children = 1 + Math.floor(next() * (depth > 5 ? 2 : 6));
    for (let i = 0; i < children && budget > 0; i++, budget--) {
      const roll = next();
      if (roll < 0.35 || depth > 8) {
        parent.appendChild(document.createTextNode(next() < 0.05 ? '' : text()));
      } else if (roll < 0.6) {
        const inline = document.createElement(pick(INLINE_TAGS));
        if (inline.tagName === 'BDO') inline.setAttribute('dir', next() < 0.5 ? 'rtl' : 'ltr');
        parent.appendChild(inline);
        fill(inline, depth + 1);
      } else if (roll < 0.82) {
        const block = document.createElement(pick(BLOCK_TAGS));
        if (next() < 0.2) block.setAttribute('dir', 'rtl');
        parent.appendChild(block);
        fill(block, depth + 1);
      } else if (roll < 0.88) {
        parent.appendChild(document.createElement('br'));
      } else if (roll < 0.94) {
        // Hidden or skipped: its text must never be read.
        const hidden = document.createElement(next() < 0.5 ? pick(BLOCK_TAGS) : pick(SKIPPED_TAGS));
        const how = next();
        if (how < 0.4) hidden.setAttribute('hidden', '');
        else if (how < 0.7) hidden.setAttribute('aria-hidden', 'true');
        else if (how < 0.8) hidden.setAttribute('contenteditable', 'true');
        hidden.appendChild(document.createTextNode(`${text()} ${HIDDEN_MARK} ${text()}`));
        if (SKIPPED_TAGS.includes(hidden.tagName.toLowerCase()) || hidden.hasAttribute('hidden') || hidden.hasAttribute('aria-hidden') || hidden.hasAttribute('contenteditable')) parent.appendChild(hidden);
      } else if (roll < 0.97) {
        parent.appendChild(document.createComment(text()));
      } else {
        // An open shadow root with content of its own, and light children that may be slotted.
        const host = document.createElement(pick(['div', 'span', 'x-story']));
        parent.appendChild(host);
        const shadow = host.attachShadow({ mode: 'open' });
        fill(shadow, depth + 2);
        if (next() < 0.5) fill(host, depth + 2);
      }
    }
  };
  fill(document.body, 0);
  return { root: document.body, maxBlockLength: next() < 0.3 ? 20 + Math.floor(next() * 300) : undefined };
}

/** `count` random [start, end] spans of a block's text (ends included), drawn from `next`. */
export function randomSpans(next: () => number, length: number, count: number): [number, number][] {
  const spans: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    const a = Math.floor(next() * (length + 1));
    const b = Math.floor(next() * (length + 1));
    spans.push(a <= b ? [a, b] : [b, a]);
  }
  return spans;
}

/** The block's source text minus characters no text node holds (the line breaks of <br>). */
export function coveredSlice(block: DomBlock, start: number, end: number): string {
  let out = '';
  for (const { node, start: at } of block.segments) {
    const from = Math.max(at, block.base + start);
    const to = Math.min(at + node.data.length, block.base + end);
    if (to > from) out += node.data.slice(from - at, to - at);
  }
  return out;
}
