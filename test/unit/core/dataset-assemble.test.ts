import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleDataset, type SourceDocument } from '../../../src/core/dataset/assemble.ts';

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/dataset-minimal');
const read = (path: string) => JSON.parse(readFileSync(resolve(FIXTURE, path), 'utf8')) as Record<string, unknown[]>;

/** The minimal fixture as source documents, with `edit` applied to a deep copy first. */
function documents(edit: (files: { actors: any; lexicon: any; chapter: any }) => void = () => {}): SourceDocument[] {
  const files = { actors: read('actors.json'), lexicon: read('lexicon.json'), chapter: read('chapters/example.json') };
  edit(files);
  return [
    { path: 'actors.json', json: files.actors },
    { path: 'lexicon.json', json: files.lexicon },
    { path: 'chapters/example.json', json: files.chapter },
  ];
}

function errorsOf(docs: SourceDocument[]) {
  const result = assembleDataset(docs, 'test');
  if (result.ok) throw new Error('expected the dataset to be rejected');
  return result.errors;
}

describe('assembleDataset', () => {
  it('assembles a valid dataset and derives what each coverage item covers', () => {
    const result = assembleDataset(documents(), '1.0.0+test');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dataset.version).toBe('1.0.0+test');
    expect(result.dataset.actors.map((actor) => actor.id)).toEqual(['russia', 'iran', 'example-minister']);
    expect(result.dataset.coverage[0]).toMatchObject({ id: 'cov-example-1', claims: ['example-railway-claim'], events: ['example-railway-deal'] });
    expect(Object.keys(result.dataset.concepts)).toEqual(['railway', 'build']);
  });

  it('names the path of an unknown id', () => {
    const errors = errorsOf(documents(({ chapter }) => (chapter.claims[0].eventIds = ['no-such-event'])));
    expect(errors).toEqual([{ path: 'chapters/example.json: $.claims[0].eventIds[0]', message: 'unknown event id "no-such-event"' }]);
  });

  it('names unknown actors and concepts inside match signatures', () => {
    const errors = errorsOf(documents(({ chapter }) => (chapter.claims[0].match.all = [['c:railway'], ['a:nobody'], ['c:nothing']])));
    expect(errors.map((error) => error.path)).toEqual([
      'chapters/example.json: $.claims[0].match.all[1][0]',
      'chapters/example.json: $.claims[0].match.all[2][0]',
    ]);
  });

  it('rejects a duplicate id and says where the first one is', () => {
    const errors = errorsOf(documents(({ actors }) => actors.actors.push({ ...actors.actors[0], aliases: [], names: { en: 'R2', ru: 'Р2', fa: 'ر۲' }, name: 'R2' })));
    expect(errors[0]?.path).toBe('actors.json: $.actors[3].id');
    expect(errors[0]?.message).toMatch(/duplicate id "russia" \(first defined at actors.json: \$.actors\[0\].id\)/);
  });

  it('rejects impossible and malformed dates', () => {
    const errors = errorsOf(
      documents(({ chapter }) => {
        chapter.events[0].date = '2023-02-30';
        chapter.claims[0].date = '17/05/2023';
      }),
    );
    expect(errors.map((error) => error.path)).toEqual(['chapters/example.json: $.events[0].date', 'chapters/example.json: $.claims[0].date']);
  });

  it('rejects a precision that does not fit the date', () => {
    const errors = errorsOf(documents(({ chapter }) => (chapter.events[0].precision = 'month')));
    expect(errors[0]?.path).toBe('chapters/example.json: $.events[0].precision');
  });

  it('rejects a claim without a source', () => {
    const errors = errorsOf(documents(({ chapter }) => (chapter.claims[0].sources = [])));
    expect(errors[0]).toEqual({ path: 'chapters/example.json: $.claims[0].sources', message: 'a claim needs at least one source' });
  });

  it('rejects an alias shared by two actors, whatever its case or accents', () => {
    const errors = errorsOf(documents(({ actors }) => actors.actors[2].aliases.push('RUSSIAN FEDERATION')));
    expect(errors[0]?.path).toBe('actors.json: $.actors[2].aliases[1]');
    expect(errors[0]?.message).toMatch(/also a name or alias of actor "russia"/);
  });

  it('rejects an empty name in a required language', () => {
    const errors = errorsOf(documents(({ actors }) => (actors.actors[1].names.fa = '  ')));
    expect(errors[0]?.path).toBe('actors.json: $.actors[1].names.fa');
  });

  it('rejects coverage that neither has an address nor says it was not found', () => {
    const errors = errorsOf(documents(({ chapter }) => delete chapter.coverage[0].urlNote));
    expect(errors[0]?.path).toBe('chapters/example.json: $.coverage[0].url');
  });

  it('rejects a signature loose enough to match almost anything', () => {
    const errors = errorsOf(documents(({ chapter }) => (chapter.claims[0].match = { all: [['a:iran']] })));
    expect(errors[0]?.path).toBe('chapters/example.json: $.claims[0].match');
  });

  it('reports unknown fields instead of ignoring them', () => {
    const errors = errorsOf(documents(({ chapter }) => (chapter.claims[0].sorces = ['cov-example-1'])));
    expect(errors[0]?.path).toBe('chapters/example.json: $.claims[0]');
    expect(errors[0]?.message).toMatch(/sorces/);
  });
});
