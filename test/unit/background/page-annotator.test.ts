/**
 * The background's side of reading a page: texts are sent once per session, readings name
 * blocks by hash, and after a change only the changed block's text is asked for.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageAnnotator } from '../../../src/background/page-annotator.ts';
import { blockHash } from '../../../src/content/block-hash.ts';
import { pageFromHtml } from '../../../src/node/annotate-document.ts';
import { BLOCK_KIND_CODES } from '../../../src/shared/block-kinds.ts';
import type { LensAnnotate } from '../../../src/shared/messages.ts';
import { realEngine } from '../engine/real-dataset.ts';

const page = pageFromHtml(readFileSync(resolve(import.meta.dirname, '../../fixtures/pages/en-tehran-summit.html'), 'utf8'));
const SESSION = 'session-0123456789';

function request(texts: readonly string[], session = SESSION): LensAnnotate {
  return {
    type: 'lens-annotate',
    session,
    hashes: texts.map(blockHash),
    kinds: page.blocks.map((block) => BLOCK_KIND_CODES[block.kind ?? 'other']).join(''),
    boilerplate: page.blocks.map((block) => (block.boilerplate ? '1' : '0')).join(''),
    page: { url: 'https://example.com/a', title: page.title ?? '', ...(page.declaredLanguage ? { declaredLanguage: page.declaredLanguage } : {}) },
    minConfidence: 0.6,
    actorSpans: true,
    report: true,
  };
}

const textsOf = (texts: readonly string[]) => texts.map((text) => ({ hash: blockHash(text), text }));

describe('PageAnnotator', () => {
  const texts = page.blocks.map((block) => block.text);

  it('asks for the texts it does not have, then annotates by hash', async () => {
    const annotator = new PageAnnotator(async () => realEngine().engine);
    const first = (await annotator.annotate(7, request(texts))).reply;
    expect('missing' in first && first.missing.length).toBe(new Set(texts).size);

    expect(annotator.addTexts(7, SESSION, textsOf(texts))).toBe(true);
    const { reply, reading } = await annotator.annotate(7, request(texts));
    if (!('paint' in reply)) throw new Error('expected a paint');
    expect(reply.paint.relevant).toBe(true);
    expect(reply.paint.highlights.length).toBeGreaterThan(2);
    // The engine's items pass through whole, with their block offsets, and dataset claims with their status added.
    for (const item of reply.paint.highlights) {
      expect(texts[item.blockIndex]!.slice(item.blockStart, item.blockEnd)).toBe(item.text);
      if (item.claimId) expect(item.status).toMatch(/confirmed|officially-stated|reported|disputed|denied|false/);
      else expect(item.status).toBeUndefined();
    }
    expect(reply.paint.highlights.some((item) => item.claimId && item.status)).toBe(true);
    expect(reply.paint.actorSpans.length).toBeGreaterThan(0);
    expect(reading?.texts).toEqual(texts);
  });

  it('after a change, asks only for the changed block', async () => {
    const annotator = new PageAnnotator(async () => realEngine().engine);
    annotator.addTexts(3, SESSION, textsOf(texts));
    await annotator.annotate(3, request(texts));
    const changed = texts.map((text, index) => (index === 2 ? `${text} (updated)` : text));
    const reply = (await annotator.annotate(3, request(changed))).reply;
    expect(reply).toEqual({ missing: [blockHash(changed[2]!)] });
  });

  it('keeps sessions apart and forgets a closed tab', async () => {
    const annotator = new PageAnnotator(async () => realEngine().engine);
    annotator.addTexts(5, SESSION, textsOf(texts));
    expect('missing' in ((await annotator.annotate(6, request(texts))).reply)).toBe(true);
    annotator.forgetTab(5);
    expect('missing' in ((await annotator.annotate(5, request(texts))).reply)).toBe(true);
  });

  it('drops a session that sends more text than any page has', async () => {
    const annotator = new PageAnnotator(async () => realEngine().engine);
    const huge = 'x'.repeat(1_000_000);
    let accepted = true;
    for (let index = 0; index < 30 && accepted; index++) accepted = annotator.addTexts(1, SESSION, [{ hash: index, text: huge }]);
    expect(accepted).toBe(false);
  });
});
