/**
 * Fuzzing the text model in Node: a seeded generator of random DOMs (inline/block mixes,
 * hidden and skipped nodes, <br>, shadow roots, bidi text, surrogate pairs, text drawn from
 * ../shared/seeds and ../shared/corpus/html when present) and, for each, the properties
 * the content script relies on:
 *   - extraction never throws;
 *   - text in hidden or skipped nodes never reaches a block;
 *   - every block's text is its DOM text (segment by segment), and any offset span of a
 *     block maps back (domPosition) to DOM positions whose text is exactly that span
 *     (<br> line breaks, which have no text node, aside).
 * A failing case names its seed: FUZZ_SEED=<seed> FUZZ_CASES=1 reruns just that one;
 * add it to REGRESSION_SEEDS so it is checked on every run after.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { domPosition, extractBlocks, type DomBlock } from '../../../src/dom/extract-blocks.ts';

const SHARED = resolve(import.meta.dirname, '../../../../shared');
const CASES = Number(process.env.FUZZ_CASES ?? 1_000);
const BASE_SEED = Number(process.env.FUZZ_SEED ?? 20_261_130);
/** Seeds that once failed (none yet): each is checked on every run. */
const REGRESSION_SEEDS: readonly number[] = [];
const HIDDEN_MARK = 'QXHIDDENQX';

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Words from the shared seeds and corpus (read at test time, never copied into the project). */
function sharedWords(): string[] {
  const files: string[] = [];
  for (const dir of ['seeds', 'corpus/html']) {
    const path = resolve(SHARED, dir);
    if (!existsSync(path)) continue;
    for (const name of readdirSync(path)) if (/\.(html?|txt)$/.test(name)) files.push(resolve(path, name));
  }
  const words = new Set<string>();
  for (const file of files.slice(0, 40)) {
    const text = readFileSync(file, 'utf8').replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]+>/g, ' ').replace(/&[#\w]+;/g, ' ');
    for (const word of text.split(/\s+/)) if (word.length > 0 && word.length < 30) words.add(word);
    if (words.size > 20_000) break;
  }
  return [...words];
}

const BUILT_IN = [
  'Russia', 'Iran', 'Putin', 'Pezeshkian', 'signed', 'a', 'treaty', 'in', 'Moscow', 'on', '17', 'January', '2025.', '$40', 'billion', 'drones,',
  'روسیه', 'ایران', 'پوتین', 'معاهده', 'امضا', 'کرد', 'إيران', 'روسيا', 'שלום', 'Россия', 'Иран', 'договор',
  '\u200f', '\u200e', '\u2067مسکو\u2069', '\u202bتهران\u202c', 'Bu\u00adshehr', 'plant\u00a0opened', 'e\u0301', '🇮🇷', '🇷🇺', '𝒳', '\t', '  ',
];
const words = sharedWords();
const present = words.length > 0;
if (!present) process.stderr.write(`extract-blocks fuzz: ../shared (seeds, corpus/html) not found at ${SHARED}; using built-in text only\n`);
const VOCABULARY = [...BUILT_IN, ...words];

const BLOCK_TAGS = ['p', 'div', 'section', 'article', 'h2', 'blockquote', 'li', 'td', 'figcaption', 'pre', 'aside', 'nav'];
const INLINE_TAGS = ['span', 'b', 'em', 'a', 'i', 'small', 'bdi', 'bdo', 'mark', 'q', 'sub'];
const SKIPPED_TAGS = ['script', 'style', 'noscript', 'textarea', 'button', 'code', 'template'];

interface Case {
  readonly document: Document;
  readonly root: Element;
  readonly maxBlockLength: number | undefined;
}

function generate(seed: number): Case {
  const next = random(seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  const text = () => {
    const count = 1 + Math.floor(next() * 12);
    const parts: string[] = [];
    for (let i = 0; i < count; i++) parts.push(pick(VOCABULARY));
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
  return { document, root: document.body, maxBlockLength: next() < 0.3 ? 20 + Math.floor(next() * 300) : undefined };
}

/** The DOM text between two positions, walking the block's own text nodes in order. */
function domTextBetween(block: DomBlock, from: { node: Text; offset: number }, to: { node: Text; offset: number }): string {
  let out = '';
  let inside = false;
  for (const { node } of block.segments) {
    const startHere = node === from.node;
    const endHere = node === to.node;
    if (startHere) inside = true;
    if (!inside) continue;
    out += node.data.slice(startHere ? from.offset : 0, endHere ? to.offset : node.data.length);
    if (endHere) break;
  }
  return out;
}

/** The block's source text minus characters no text node holds (the line breaks of <br>). */
function coveredSlice(block: DomBlock, start: number, end: number): string {
  let out = '';
  for (const { node, start: at } of block.segments) {
    const from = Math.max(at, block.base + start);
    const to = Math.min(at + node.data.length, block.base + end);
    if (to > from) out += node.data.slice(from - at, to - at);
  }
  return out;
}

function checkCase(seed: number): void {
  const { root, maxBlockLength } = generate(seed);
  const next = random(seed ^ 0x5bd1e995);
  const blocks = extractBlocks(root as unknown as Node, { shadowRoots: true, ...(maxBlockLength ? { maxBlockLength } : {}) });
  for (const block of blocks) {
    if (block.text.includes(HIDDEN_MARK)) expect(block.text, 'hidden text read').not.toContain(HIDDEN_MARK);
    // DOM → text: each character of the block is its text nodes' character there, or a <br>'s line break.
    const held: (string | null)[] = Array.from({ length: block.text.length }, () => null);
    for (const { node, start: at } of block.segments) {
      for (let i = Math.max(0, at - block.base); i < Math.min(block.text.length, at - block.base + node.data.length); i++) held[i] = node.data[i + block.base - at]!;
    }
    const domText = held.map((character) => character ?? '\n').join('');
    if (domText !== block.text) expect(domText).toBe(block.text);
    // text → offsets → DOM: any span maps back to DOM positions holding exactly that text.
    for (let i = 0; i < 6; i++) {
      const a = Math.floor(next() * (block.text.length + 1));
      const b = Math.floor(next() * (block.text.length + 1));
      const [start, end] = a <= b ? [a, b] : [b, a];
      const from = domPosition(block, start);
      const to = domPosition(block, end);
      if (!from || !to) throw new Error(`no DOM position for ${start}–${end}`);
      const between = domTextBetween(block, from, to);
      const expected = coveredSlice(block, start, end);
      if (between !== expected) expect(between, `span ${start}–${end}`).toBe(expected);
    }
  }
}

describe('extractBlocks under fuzzing', () => {
  it(`keeps DOM → text → offsets → DOM exact on ${CASES} random documents (seeds from ${BASE_SEED})`, () => {
    const seeds = [...REGRESSION_SEEDS, ...Array.from({ length: CASES }, (_, i) => BASE_SEED + i)];
    let blocks = 0;
    for (const seed of seeds) {
      try {
        checkCase(seed);
        blocks++;
      } catch (error) {
        throw new Error(`fuzz case failed: FUZZ_SEED=${seed} FUZZ_CASES=1 npx vitest run -c vitest.config.ts test/unit/dom/extract-blocks.fuzz.test.ts\n${String(error)}`, { cause: error });
      }
    }
    expect(blocks).toBe(seeds.length);
  }, 120_000);

  it('generates documents that exercise what it claims to (hidden text, shadow roots, <br>, right-to-left text)', () => {
    let hidden = 0;
    let shadows = 0;
    let breaks = 0;
    let rtl = 0;
    let readBlocks = 0;
    for (let i = 0; i < 200; i++) {
      const { root } = generate(BASE_SEED + i);
      const html = root.outerHTML;
      if (html.includes(HIDDEN_MARK)) hidden++;
      if (root.querySelectorAll('br').length > 0) breaks++;
      if (/[\u0600-\u06ff]/.test(html)) rtl++;
      const all = [root, ...root.querySelectorAll('*')];
      if (all.some((element) => element.shadowRoot)) shadows++;
      readBlocks += extractBlocks(root as unknown as Node, { shadowRoots: true }).length;
    }
    expect(hidden).toBeGreaterThan(50);
    expect(shadows).toBeGreaterThan(20);
    expect(breaks).toBeGreaterThan(50);
    expect(rtl).toBeGreaterThan(50);
    expect(readBlocks).toBeGreaterThan(1_000);
  });
});
