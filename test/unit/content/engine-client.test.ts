/**
 * The content script's side of reading a page, against the background's (PageAnnotator), every message checked
 * against the schemas the background parses with: a long page's order goes in bounded parts, and a background
 * restarted between them gets what it lost.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PageAnnotator } from '../../../src/background/page-annotator.ts';
import { blockHash } from '../../../src/content/block-hash.ts';
import { EngineClient } from '../../../src/content/engine-client.ts';
import type { DomBlock } from '../../../src/dom/extract-blocks.ts';
import { pageFromHtml } from '../../../src/node/annotate-document.ts';
import { MAX_ORDER_PER_MESSAGE, MAX_TEXTS_PER_MESSAGE, RuntimeMessageSchema } from '../../../src/shared/messages.ts';
import { realEngine } from '../engine/real-dataset.ts';

const TAB = 4;
let background = new PageAnnotator(async () => realEngine().engine);
const sent: { type: string; blocks: number; texts?: number }[] = [];
/** Called before each message reaches the background (a test may restart it there). */
let beforeDelivery: (type: string) => void = () => {};

vi.mock('../../../src/content/extension-api.ts', () => ({
  sendMessage: async (raw: unknown) => {
    const message = RuntimeMessageSchema.parse(raw);
    beforeDelivery(message.type);
    switch (message.type) {
      case 'lens-texts':
        sent.push({ type: message.type, blocks: message.texts.length });
        return { ok: true, value: background.addTexts(TAB, message.session, message.texts) };
      case 'lens-order':
        sent.push({ type: message.type, blocks: message.hashes.length });
        return { ok: true, value: background.stageOrder(TAB, message) };
      case 'lens-annotate':
        sent.push({ type: message.type, blocks: message.hashes.length, texts: message.texts?.length ?? 0 });
        return { ok: true, value: (await background.annotate(TAB, message)).reply };
      default:
        throw new Error(`unexpected ${message.type}`);
    }
  },
}));

const article = pageFromHtml(readFileSync(resolve(import.meta.dirname, '../../fixtures/pages/en-tehran-summit.html'), 'utf8'));
/** 5,000 short blocks of page furniture, then the article: its claims lie past the order's first parts. */
const blocks = [
  ...Array.from({ length: 5_000 }, (_, index) => ({ text: `Item ${index}`, kind: 'other', boilerplate: true })),
  ...article.blocks.map((block) => ({ text: block.text, kind: block.kind ?? 'other', boilerplate: block.boilerplate ?? false })),
] as unknown as DomBlock[];
const hashes = blocks.map((block) => blockHash(block.text));
const facts = { url: 'https://example.com/a', title: article.title ?? '' };
const options = { minConfidence: 0.6, actorSpans: false, report: false };
const read = () => new EngineClient().annotate(blocks, hashes, facts, options, new AbortController().signal);

beforeEach(() => {
  background = new PageAnnotator(async () => realEngine().engine);
  sent.length = 0;
  beforeDelivery = () => {};
});

describe('EngineClient', () => {
  it('names a long page’s blocks in parts of bounded size, and paints the article past them', async () => {
    const paint = await read();
    const orders = sent.filter((message) => message.type === 'lens-order');
    expect(orders).toHaveLength(Math.floor((blocks.length - 1) / MAX_ORDER_PER_MESSAGE));
    for (const message of sent) expect(message.blocks).toBeLessThanOrEqual(message.type === 'lens-texts' ? MAX_TEXTS_PER_MESSAGE : MAX_ORDER_PER_MESSAGE);
    expect(orders.reduce((sum, message) => sum + message.blocks, 0) + sent.at(-1)!.blocks).toBe(blocks.length);
    // Each highlight names the block its text is in: the parts were joined in order.
    expect(paint.highlights.some((item) => item.text.includes('$40 billion'))).toBe(true);
    for (const item of paint.highlights) {
      expect(item.blockIndex).toBeGreaterThanOrEqual(5_000);
      expect(blocks[item.blockIndex]!.text.slice(item.blockStart, item.blockEnd)).toBe(item.text);
    }
  });

  it('paints the same when the background restarts between the order’s parts and the annotation', async () => {
    const expected = (await read()).highlights.map((item) => `${item.blockIndex}:${item.text}`);
    background = new PageAnnotator(async () => realEngine().engine);
    sent.length = 0;
    let orders = 0;
    beforeDelivery = (type) => {
      // A restart before the second part: the texts and the first part are gone.
      if (type === 'lens-order' && ++orders === 2) background = new PageAnnotator(async () => realEngine().engine);
    };
    const paint = await read();
    expect(paint.highlights.map((item) => `${item.blockIndex}:${item.text}`)).toEqual(expected);
    expect(sent.filter((message) => message.type === 'lens-annotate')).toHaveLength(3);
  });
});

describe('EngineClient on a page of ordinary length', () => {
  const articleBlocks = blocks.slice(5_000);
  const articleHashes = hashes.slice(5_000);
  const readArticle = (client: EngineClient) => client.annotate(articleBlocks, articleHashes, facts, options, new AbortController().signal);
  const painted = (paint: { highlights: readonly { blockIndex: number; text: string }[] }) => paint.highlights.map((item) => `${item.blockIndex}:${item.text}`);

  it('asks in one message, the texts with the question', async () => {
    const paint = await readArticle(new EngineClient());
    expect(sent).toEqual([{ type: 'lens-annotate', blocks: articleBlocks.length, texts: new Set(articleHashes).size }]);
    expect(paint.highlights.some((item) => item.text.includes('$40 billion'))).toBe(true);
  });

  it('asks again without the texts the background kept, and sends them again to a background that lost them', async () => {
    const client = new EngineClient();
    const expected = painted(await readArticle(client));
    sent.length = 0;
    expect(painted(await readArticle(client))).toEqual(expected);
    expect(sent).toEqual([{ type: 'lens-annotate', blocks: articleBlocks.length, texts: 0 }]);

    sent.length = 0;
    beforeDelivery = (type) => {
      if (type === 'lens-annotate' && sent.length === 0) background = new PageAnnotator(async () => realEngine().engine);
    };
    expect(painted(await readArticle(client))).toEqual(expected);
    expect(sent.map((message) => message.type)).toEqual(['lens-annotate', 'lens-texts', 'lens-annotate']);
    expect(sent[1]!.blocks).toBe(new Set(articleHashes).size);
  });
});

describe('PageAnnotator.stageOrder', () => {
  it('refuses a part that does not follow the last, and the annotation then asks for the order again', async () => {
    const annotator = new PageAnnotator(async () => realEngine().engine);
    const part = (start: number) => ({ type: 'lens-order' as const, session: 'session-0123456789', start, hashes: [1, 2], kinds: 'oo', boilerplate: '11' });
    expect(annotator.stageOrder(TAB, part(0))).toBe(true);
    expect(annotator.stageOrder(TAB, part(2))).toBe(true);
    expect(annotator.stageOrder(TAB, part(6))).toBe(false);
    const { reply } = await annotator.annotate(TAB, {
      type: 'lens-annotate',
      session: 'session-0123456789',
      staged: 4,
      hashes: [3],
      kinds: 'o',
      boilerplate: '0',
      page: facts,
      ...options,
    });
    expect(reply).toEqual({ missing: [], restage: true });
  });
});
