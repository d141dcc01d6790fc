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

  it('rejects an event that is part of an unknown event, or of itself through a chain', () => {
    const unknown = errorsOf(documents(({ chapter }) => (chapter.events[0].partOf = 'no-such-event')));
    expect(unknown).toEqual([{ path: 'chapters/example.json: $.events[0].partOf', message: 'unknown event id "no-such-event"' }]);
    const cycle = errorsOf(
      documents(({ chapter }) => {
        const first = chapter.events[0];
        chapter.events.push({ ...first, id: 'example-episode', partOf: first.id });
        first.partOf = 'example-episode';
      }),
    );
    expect(cycle.map((error) => error.path)).toEqual(['chapters/example.json: $.events[0].partOf', 'chapters/example.json: $.events[1].partOf']);
    expect(cycle[0]!.message).toContain('cycle');
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

describe('assembleDataset consistency checks', () => {
  const minister = (files: { actors: any }) => files.actors.actors[2];
  const secondMinister = (roles: unknown[]) => ({
    id: 'second-minister', kind: 'person', name: 'Second Minister', aliases: [],
    names: { en: 'Second Minister', ru: 'Второй министр', fa: 'وزیر دوم' }, roles, country: 'IR', description: 'Fictional.',
  });

  it('rejects two holders of one office at overlapping dates, naming both roles', () => {
    const errors = errorsOf(documents(({ actors }) => actors.actors.push(secondMinister([{ title: 'Minister of Examples', from: '2022-12-29' }]))));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe('actors.json: $.actors[3].roles[0]');
    expect(errors[0]?.message).toMatch(/overlaps the same office held by "example-minister" from 2020-01-01 to 2022-12-31 \(actors.json: \$.actors\[2\].roles\[0\]\)/);
  });

  it('accepts a handover on the same day, a shared office, and titles that differ', () => {
    const result = assembleDataset(
      documents(({ actors }) => {
        actors.actors.push(
          secondMinister([
            { title: 'Minister of Examples', from: '2022-12-31' },
            { title: 'Deputy Minister of Examples', from: '2020-01-01', to: '2022-12-31' },
            { title: 'Acting Minister of Examples', from: '2021-01-01', to: '2021-02-01' },
          ]),
        );
        actors.actors[2].roles.push({ title: 'Deputy Minister of Examples', from: '2019-01-01', to: '2022-12-31', ended: 'term-ended' });
      }),
      'test',
    );
    expect(result.ok).toBe(true);
  });

  it('rejects an end reason without an end date', () => {
    const errors = errorsOf(documents((files) => (minister(files).roles = [{ title: 'Minister of Examples', from: '2020-01-01', ended: 'killed' }])));
    expect(errors[0]?.path).toBe('actors.json: $.actors[2].roles[0].ended');
  });

  it('rejects a coverage id whose embedded date disagrees with its date', () => {
    const errors = errorsOf(
      documents(({ chapter }) => {
        chapter.coverage[0].id = 'cov-example-2023-05-17-railway';
        chapter.events[0].sources = ['cov-example-2023-05-17-railway'];
        chapter.claims[0].sources = ['cov-example-2023-05-17-railway'];
      }),
    );
    expect(errors).toEqual([
      { path: 'chapters/example.json: $.coverage[0].id', message: "the id says 2023-05-17 but the item's date is 2023-05-18; make them agree" },
    ]);
  });

  it('rejects an event without a source', () => {
    const errors = errorsOf(documents(({ chapter }) => (chapter.events[0].sources = [])));
    expect(errors[0]).toEqual({ path: 'chapters/example.json: $.events[0].sources', message: 'an event needs at least one source' });
  });

  it('rejects a title not written in the script of its declared language', () => {
    const errors = errorsOf(
      documents(({ chapter }) => {
        chapter.coverage[0].language = 'fa';
        chapter.coverage[0].title = 'Iran and Russia sign a railway deal';
      }),
    );
    expect(errors[0]?.path).toBe('chapters/example.json: $.coverage[0].title');
    expect(errors[0]?.message).toMatch(/not in Arabic script/);
  });

  it('rejects a Latin-language title written in another script, and accepts the right script', () => {
    const wrong = errorsOf(documents(({ chapter }) => (chapter.coverage[0].title = 'Россия построит железную дорогу')));
    expect(wrong[0]?.message).toMatch(/not in Latin script/);
    const right = assembleDataset(
      documents(({ chapter }) => {
        chapter.coverage[0].language = 'ru';
        chapter.coverage[0].title = 'Россия построит в Иране железную дорогу «Решт — Астара»';
        chapter.coverage[0].titleTranslation = 'Russia will build the Rasht–Astara railway in Iran';
      }),
      'test',
    );
    expect(right.ok).toBe(true);
  });

  it('warns when an Italian item has an English-looking title', () => {
    const result = assembleDataset(
      documents(({ chapter }) => {
        chapter.coverage[0].language = 'it';
        chapter.coverage[0].title = 'Iran sides with Russia in the war (English translation of the headline)';
      }),
      'test',
    );
    expect(result.ok).toBe(true);
    expect(result.warnings.map((warning) => warning.path)).toContain('chapters/example.json: $.coverage[0].title');
  });

  it('records how a source was checked, and refuses "not-found" with a url', () => {
    const ok = assembleDataset(documents(({ chapter }) => (chapter.coverage[0].checked = { on: '2026-11-30', how: 'not-found' })), 'test');
    expect(ok.ok).toBe(true);
    const errors = errorsOf(
      documents(({ chapter }) => {
        delete chapter.coverage[0].urlNote;
        chapter.coverage[0].url = 'https://example.org/a';
        chapter.coverage[0].checked = { on: '2026-11-30', how: 'not-found' };
      }),
    );
    expect(errors[0]?.path).toBe('chapters/example.json: $.coverage[0].checked.how');
    const badDay = errorsOf(documents(({ chapter }) => (chapter.coverage[0].checked = { on: '2026-11', how: 'stored-copy' })));
    expect(badDay[0]?.path).toBe('chapters/example.json: $.coverage[0].checked.on');
  });
});
