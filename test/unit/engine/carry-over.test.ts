/** Names lent from earlier sentences: inside a paragraph, and across one paragraph break. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleDataset } from '../../../src/core/dataset/assemble.ts';
import { annotatePage, createEngine } from '../../../src/core/engine/annotate.ts';

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/dataset-minimal');
const read = (path: string) => JSON.parse(readFileSync(resolve(FIXTURE, path), 'utf8'));

/** The minimal dataset with one claim whose required groups are given. */
function engineWith(all: string[][]) {
  const chapter = read('chapters/example.json');
  chapter.claims[0].match = { all, phrases: [] };
  const result = assembleDataset(
    [
      { path: 'actors.json', json: read('actors.json') },
      { path: 'lexicon.json', json: read('lexicon.json') },
      { path: 'chapter.json', json: chapter },
    ],
    'test',
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return createEngine(result.dataset);
}

const page = (...paragraphs: string[]) => ({ title: 'Russia and Iran agree on a railway', blocks: paragraphs.map((text) => ({ text })) });
const claimTexts = (engine: ReturnType<typeof engineWith>, input: ReturnType<typeof page>) => annotatePage(engine, input).claims.map((claim) => claim.text);

describe('carrying a name over', () => {
  const personClaim = [['c:railway'], ['c:build'], ['a:example-minister']];

  it('lends a person named in the sentence before, in the same paragraph', () => {
    const engine = engineWith(personClaim);
    const texts = claimTexts(engine, page('Example Minister met officials from Russia and Iran. He said the railway will be built soon.', 'Russia and Iran both welcomed it.'));
    expect(texts).toEqual(['He said the railway will be built soon.']);
  });

  it('lends a person across one paragraph break, at lower confidence than in the paragraph', () => {
    const engine = engineWith(personClaim);
    const input = page('Russia and Iran held talks, where Example Minister spoke.', 'He said the railway will be built soon.', 'Iran and Russia signed papers.');
    const [claim] = annotatePage(engine, input).claims;
    expect(claim?.text).toBe('He said the railway will be built soon.');
    expect(claim!.confidence).toBeLessThan(0.8);
  });

  it('never lends a country across a paragraph break: countries are named everywhere', () => {
    const engine = engineWith([['c:railway'], ['c:build'], ['a:iran']]);
    const texts = claimTexts(engine, page('Russia and Iran held talks in Moscow about Iran.', 'A railway will be built, officials said.', 'Iran and Russia signed papers.'));
    expect(texts).toEqual([]);
  });

  it('needs all but one required group in the sentence itself', () => {
    const engine = engineWith(personClaim);
    const texts = claimTexts(engine, page('Russia and Iran talked. Example Minister spoke.', 'A railway exists.', 'Iran and Russia signed papers.'));
    expect(texts).toEqual([]);
  });
});
