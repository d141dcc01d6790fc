/**
 * The browser's precheck, generated from the dataset's vocabulary, must let through every page the engine would
 * mark: our regression pages, and (where ../shared is present) every real positive text of the dev set.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createPrecheck, FOLDED_FIRST } from '../../../src/core/engine/precheck-matcher.ts';
import { PRECHECK_RANGES, precheckPatterns } from '../../../src/core/engine/precheck-patterns.ts';
import { foldCodePoint } from '../../../src/core/text/normalize.ts';
import { realEngine } from './real-dataset.ts';

const { dataset } = realEngine();
const patterns = precheckPatterns(dataset);
const precheck = createPrecheck(patterns);
const names = (text: string, side: 'russia' | 'iran') => precheck.findName(precheck.prepare(text), side) >= 0;
const namesBoth = (text: string) => names(text, 'russia') && names(text, 'iran');
const DEV = resolve(import.meta.dirname, '../../../../shared/eval/dev/pos');
const DEV_NEGATIVES = resolve(import.meta.dirname, '../../../../shared/eval/dev/neg');

/**
 * What the matcher must find, read the slow way: every index where a side's full pattern matches and a word starts,
 * in order. The matcher reads most text with the ASCII pattern only, and must offer exactly these.
 */
function everyNameSlowly(text: string, side: 'russia' | 'iran'): number[] {
  const regex = new RegExp(patterns[side].all.replaceAll('@', patterns.wordChar), 'g');
  const wordChar = new RegExp(patterns.wordChar);
  const found: number[] = [];
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    const code = text.charCodeAt(match.index);
    if (match.index === 0 || (code >= 0x3040 && code <= 0x9fff) || !wordChar.test(text[match.index - 1]!)) found.push(match.index);
    regex.lastIndex = match.index + 1;
  }
  return found;
}
/** Asked of a fresh matcher each time: one that has compiled its full pattern no longer folds runs of accents first. */
const everyNameOffered = (text: string, side: 'russia' | 'iran') => {
  const offered: number[] = [];
  createPrecheck(patterns).findName(text, side, (index) => (offered.push(index), false));
  return offered;
};
const textsOf = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.txt')).map((name) => readFileSync(resolve(folder, name), 'utf8')) : []);
const FIXTURES = resolve(import.meta.dirname, '../../fixtures/pages');
/** Plain words between two samples in one text, enough that runs of accented letters are not dense there. */
const FAR = ' and then the talks went on for a long while, with no name of either side in them at all; ';

describe('precheck patterns', () => {
  it('find each side in the spellings readers meet, raw (unfolded) text', () => {
    for (const text of ['a Rússia e o Irã', 'Rusya ve İran', 'Teerã e Moscou', 'İran ile Rusya', 'o Irã e a Rússia', '러시아와 이란은', '모스크바에서 이란', 'Rosji i Iranu', 'Oroszország és Irán', '俄罗斯和伊朗', 'Ρωσία και Ιράν', 'רוסיה ואיראן', 'России и Ирана']) {
      expect(namesBoth(text), text).toBe(true);
    }
  });

  it('read every spelling the engine folds to a stem letter in the scripts names are written in: case, accents, letter variants, ß', () => {
    // Each letter of "iran" and "russia", written as each character the engine folds to it.
    const missed: string[] = [];
    for (const [word, side] of [['iran', 'iran'], ['russia', 'russia']] as const) {
      for (let at = 0; at < word.length; at++) {
        for (const code of PRECHECK_RANGES.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, index) => from + index))) {
          if (foldCodePoint(code) !== word[at]) continue;
          const text = `the ${word.slice(0, at)}${String.fromCharCode(code)}${word.slice(at + 1)} talks`;
          if (!names(text, side)) missed.push(text);
        }
      }
    }
    expect(missed).toEqual([]);
    for (const text of ['Rußland und Iran', 'RUSSLAND UND IRAN', 'Ru\u0301ssia e o Ira\u0303', 'Rusya ve İran', 'RUSYA VE IRAN', 'روسيه و إيران']) expect(namesBoth(text), text).toBe(true);
  });

  it('find every single-word name the dataset gives each state, in every language, as the page would write it', () => {
    const missed: string[] = [];
    for (const side of ['russia', 'iran'] as const) {
      const actor = dataset.actors.find((candidate) => candidate.id === side)!;
      const written = [actor.name, ...actor.aliases, ...Object.values(actor.names)].filter((name): name is string => Boolean(name) && !/\s/u.test(name!.trim()));
      expect(written.length).toBeGreaterThan(10);
      for (const name of written) if (!names(`« ${name} »`, side)) missed.push(`${side}: ${name}`);
    }
    expect(missed).toEqual([]);
  });

  it('ship small patterns: the states and capitals, not the people (a short pattern is quick to compile and to run)', () => {
    expect(patterns.iran.all.length + patterns.iran.ascii.length).toBeLessThan(2_000);
    expect(patterns.russia.all.length + patterns.russia.ascii.length).toBeLessThan(4_000);
    // The stems beyond Latin, and those read as written, are parts of the full pattern, read alone.
    for (const side of ['russia', 'iran'] as const) expect(patterns[side].beyondLatin.length + patterns[side].asWritten.length).toBeLessThan(patterns[side].all.length);
    expect(patterns.others.length).toBeLessThan(500);
    expect(names('Putin met Khamenei', 'russia') || names('Putin met Khamenei', 'iran')).toBe(false);
    expect(namesBoth('Russian and Iranian officials met in Tehran')).toBe(true);
  });

  it('compile a full pattern only where letters beyond ASCII may be part of a name, and none of a side never looked for', () => {
    const built: string[] = [];
    const NativeRegExp = RegExp;
    globalThis.RegExp = new Proxy(NativeRegExp, {
      construct: (target, args: [string, string?]) => ((built.push(String(args[0])), new target(...args))),
    });
    try {
      const fresh = createPrecheck(patterns);
      const full = (side: 'russia' | 'iran') => patterns[side].all.replaceAll('@', patterns.wordChar);
      expect(fresh.findName('Weather and markets in Lisbon', 'iran')).toBe(-1);
      const ascii = patterns.iran.ascii.replaceAll('@', patterns.wordChar);
      expect(built.filter((source) => source.startsWith(`${ascii}|`))).toHaveLength(1);
      expect(built).not.toContain(full('iran'));
      // Latin accents outside any name: the text around them, folded, holds none, so no full pattern either.
      expect(fresh.findName('Māori art, a café in Zürich and Erdoğan’s speech', 'iran')).toBe(-1);
      expect(fresh.findAnywhere('Ngā Māori × 3 ÷ 4 in Kraków', 'iran', 0)).toBe(-1);
      expect(built).not.toContain(full('iran'));
      expect(built.some((source) => source.includes(patterns.russia.ascii.slice(0, 40)))).toBe(false);
      // Nor near a language list in other scripts (read with the stems in those scripts only), a letter no stem holds
      // (æ), or one some stem reads as written (á, read with those stems only).
      expect(fresh.findAnywhere('Taranaki Māori, Encyclopædia, Juan Fernández; العربية Aragonés ܐܪܡܝܐ Ελληνικά 日本語', 'russia', 0)).toBe(-1);
      expect(built).not.toContain(full('russia'));
      expect(built).toContain(patterns.russia.beyondLatin.replaceAll('@', patterns.wordChar));
      // Runs where no name can start (no first letter of one at their start, no capital inside) are passed by.
      const russiaBeyondLatin = patterns.russia.beyondLatin.replaceAll('@', patterns.wordChar);
      const another = createPrecheck(patterns);
      built.length = 0;
      expect(another.findAnywhere('Українська Ελληνικά Српски Қазақша Հայերեն 日本語', 'russia', 0)).toBe(-1);
      expect(built).not.toContain(russiaBeyondLatin);
      expect(another.findAnywhere('Українська Русский', 'russia', 0)).toBe(11);
      expect(built).toContain(russiaBeyondLatin);
      // Accents written as separate marks that composing leaves ("ngṳ̄", "dĕ̤ng" in a list of languages): a mark ends
      // a name, and one with no letter of a name before it needs no full pattern, raw or prepared.
      const languages = 'Melayu\nMìng-dĕ\u0324ng-ngṳ\u0304\nМонгол\nx\u0331ǹ';
      const withMarks = createPrecheck(patterns);
      built.length = 0;
      expect(withMarks.findAnywhere(languages, 'russia', 0)).toBe(languages.indexOf('\u0324'));
      expect(withMarks.findAnywhere(languages, 'russia', languages.indexOf('\u0324') + 1)).toBe(languages.indexOf('\u0304'));
      expect(withMarks.findName(withMarks.prepare(languages), 'russia')).toBe(-1);
      expect(built).not.toContain(full('russia'));
      // A dense list of languages ending a text is read a run at a time; dense text with much left to read, at once.
      const list = ['العربية', 'Български', 'Ελληνικά', 'Español', 'فارسی', 'Français', 'Հայերեն', 'हिन्दी', 'Қазақша', 'Кыргызча', 'Монгол', 'Português', 'Română', 'Српски', 'Татарча', 'Українська', 'Tiếng Việt', '中文'].join('\n');
      expect(withMarks.findAnywhere(`${list}\nРусский`, 'russia', 0)).toBe(list.length + 1);
      expect(built).not.toContain(full('russia'));
      const prose = `${list}\n${'Вчера в городе прошла большая выставка современного искусства. '.repeat(200)}Россия`;
      expect(withMarks.findAnywhere(prose, 'russia', 0)).toBe(prose.length - 'Россия'.length);
      expect(built).toContain(full('russia'));
      expect(fresh.findName('El presidente visitó Irán', 'iran')).toBeGreaterThan(0);
      expect(built).toContain(full('iran'));
    } finally {
      globalThis.RegExp = NativeRegExp;
    }
  });

  it('offer every name the full patterns find, in order, though most text is read with the ASCII ones', () => {
    const samples = [
      'Ιράν και Ρωσία; Иран и Россия; إيران وروسيا; ईरान और रूस; 伊朗和俄罗斯; 이란과 러시아',
      'Le président de l’Iran à Moscou. « Téhéran » et la Russie ; la Rússia, o Irã, İran’ın Rusya ile… Teherán',
      'écrit à Téhéran: l’Irán, a Rúsia — Kremlin café Rußland naïve RUSSLAND Moskau Mosków Irán-Rosja',
      'ééééééééééééIran ééééé Rússia'.repeat(3),
      `${'naïve café résumé '.repeat(40)}Iran and Russia${' déjà vu'.repeat(40)}Moskva Тегеран`,
      'xIrã Irãx Iran1 Irão, Irãos, Rus Rusk Russ RUS rusty Tehran Teerã',
      // Every Latin letter beyond ASCII inside a name, before one, after one and after a short one that must end a
      // word, far apart as on a page in English (each run read on its own, not as dense text).
      ...Array.from({ length: 0x250 - 0xc0 }, (_, index) => String.fromCharCode(0xc0 + index)).map((char) =>
        [`${char}Iran`, `I${char}an`, `Ir${char}n`, `Ira${char}`, `T${char}hran`, `R${char}ssia`, `Ru${char}sia`, `Rus${char}`, `Mos${char}ow`, `Ru${char}land`, `X${char}Rus`, char].join(FAR),
      ),
      // Runs near one another: a script beyond Latin beside Latin accents, letters no stem holds, accents read as written.
      'العربية\nAragonés\nРусский\nIrã; Encyclopædia Irán; Juan Fernández in Moskvá; Ελληνικά Ρωσία日本語俄罗斯',
      // A name inside a run of letters beyond Latin: after an accent written as a separate mark, a script without
      // spaces, a capital after a small letter (offered only where texts run together), and runs that start none.
      'о\u0301Москва ро\u0301ссия 日本語伊朗 вРоссии Українська Српски ЭРоссия Ελληνικά',
      // Marks that composing leaves, at names' ends and starts, inside runs, and a dense list ending the text.
      ['Mìng-dĕ\u0324ng-ngṳ\u0304', 'Iran\u0324', 'x\u0324Iran', 'Rus\u0331', 'Ruš\u0331', 'é\u0331Tehran', 'Irã\u0331', 'ṳ\u0304Moskva'].join(FAR),
      `Iran and Russia${FAR}${['العربية', 'Български', 'Ελληνικά', 'Español', 'فارسی', 'Հայերեն', 'हिन्दी', 'Қазақша', 'Монгол', 'Română', 'Српски', 'Українська', 'Русский', 'Rußland', 'Rosja', 'Irán', 'Ռուսերեն'].join('\n')}`,
      ['Rus²', 'Rus\u00a0Iran', 'Ira\u00adn', 'Rus’', '“Iran”', 'Rus—', 'Rusñ', 'Irán', '²Tehran', 'Ru\u0300s', 'Rusя', 'Ирaн', 'Iranα', 'Rußland', 'o Irã', 'Irã'].join(FAR),
    ];
    const fixtures = readdirSync(FIXTURES).filter((name) => name.endsWith('.html')).map((name) => readFileSync(resolve(FIXTURES, name), 'utf8'));
    const texts = [...samples, ...fixtures, ...textsOf(DEV), ...textsOf(DEV_NEGATIVES)].map((text) => precheck.prepare(text));
    let names = 0;
    for (const text of texts) {
      for (const side of ['russia', 'iran'] as const) {
        const expected = everyNameSlowly(text, side);
        names += expected.length;
        expect(everyNameOffered(text, side), `${side} in ${text.slice(0, 60)}`).toEqual(expected);
      }
    }
    expect(names).toBeGreaterThan(1_000);
  });

  it('read a text with its Latin accents folded, once a task: accents outside names cost the search no step of its own', async () => {
    const fresh = createPrecheck(patterns);
    fresh.findName('Iran', 'iran');
    const exec = vi.spyOn(RegExp.prototype, 'exec');
    const replace = vi.spyOn(String.prototype, 'replace');
    try {
      const text = 'Māori and Pākehā art in Tāmaki Makaurau, Ngāti Whātua, Zürich; then Téhéran.';
      // One run of each side's trigger: Iran's finds the one name, accented as it is; Russia's, nothing.
      expect(fresh.findName(text, 'iran')).toBe(text.indexOf('Téhéran'));
      expect(fresh.findName(text, 'russia')).toBe(-1);
      const triggers = [patterns.iran.ascii, patterns.russia.ascii].map((ascii) => ascii.replaceAll('@', patterns.wordChar));
      const triggerRuns = () => exec.mock.contexts.filter((regex) => triggers.some((ascii) => (regex as RegExp).source.startsWith(ascii))).length;
      expect(triggerRuns()).toBe(2);
      expect(exec.mock.contexts.filter((regex) => (regex as RegExp).source === patterns.iran.all.replaceAll('@', patterns.wordChar))).toHaveLength(0);
      // Folded once for both sides in this task, and again in the next: the fold is not kept.
      expect(replace).toHaveBeenCalledTimes(1);
      await Promise.resolve();
      expect(fresh.findName(text, 'russia')).toBe(-1);
      expect(replace).toHaveBeenCalledTimes(2);
    } finally {
      exec.mockRestore();
      replace.mockRestore();
    }
    // æ and × are read as a word character no stem holds: one that did would fail the build.
    const withTerm = { ...dataset, actors: dataset.actors.map((actor) => (actor.id === 'iran' ? { ...actor, matchTerms: [...(actor.matchTerms ?? []), 'Q0rin'] } : actor)) };
    expect(() => precheckPatterns(withTerm)).toThrow(/a stem holds "0"/);
  });

  it('read a long text folded in two steps: a name across the end of the first, or a short one ending there, as in one', () => {
    const filler = 'the café talks went on; '.repeat(Math.ceil(FOLDED_FIRST / 20));
    let cases = 0;
    for (let at = FOLDED_FIRST - 16; at <= FOLDED_FIRST + 2; at++) {
      for (const sample of ['Rusty and Téhéran', 'Rus', 'Māori of Rússia', 'Téhéran', 'o Irã', 'Ελληνικά Ρωσία']) {
        const text = `${filler.slice(0, at)} ${sample} ${filler.slice(0, 40)}`;
        for (const side of ['russia', 'iran'] as const) {
          const expected = everyNameSlowly(text, side);
          expect(everyNameOffered(text, side), `${side}: ${sample} at ${at}`).toEqual(expected);
          expect(createPrecheck(patterns).spellingFrom(precheck.fold(text), side, 0)?.index ?? -1, `${side}: ${sample} at ${at}`).toBe(expected[0] ?? -1);
          cases += expected.length;
        }
      }
    }
    expect(cases).toBeGreaterThan(50);
  });

  it('match whole words only, where a name cannot go on', () => {
    for (const text of ['Tirana and Moscow',  'Iran, a rusty rush', 'Brush the rust off in Iran.']) expect(namesBoth(text), text).toBe(false);
    for (const text of ['Iranian and Russian officials', 'IRAN–RUSSIA', '(Iran) [Moscow]']) expect(namesBoth(text), text).toBe(true);
  });

  it('in texts run together, offer a name after a letter only where another text may end: a capital after a small letter', () => {
    const anywhere = (text: string, side: 'russia' | 'iran') => {
      const offered: number[] = [];
      for (let at = precheck.findAnywhere(text, side, 0); at >= 0; at = precheck.findAnywhere(text, side, at + 1)) offered.push(at);
      return offered;
    };
    // <li>Home</li><li>Iran</li>, <b>Breaking:</b>Russia: the texts' boundaries are not in the text.
    expect(anywhere('HomeIran', 'iran')).toEqual([4]);
    expect(anywhere('Breaking:Russia and the Kremlin', 'russia')).toEqual([9, 24]);
    // Inside words: a small letter after a letter, or any letter after a capital.
    expect(anywhere('Cyprus, UNESCO and the Prussians', 'russia')).toEqual([]);
    expect(anywhere('MiranDA, Tirana', 'iran')).toEqual([]);
  });

  it('in texts run together, offer an accent written as a separate mark where it comes first: its text is read whole', () => {
    const mark = (text: string, side: 'russia' | 'iran', from = 0) => precheck.findAnywhere(text, side, from);
    // "Irão" with its tilde apart: no name reads through the mark, so the mark is offered.
    expect(mark('Notícias: Ira\u0303o e Rússia', 'iran')).toBe(13);
    // A name before the mark comes first; one after it, once the search goes on past it.
    expect(mark('Iran, cafe\u0301 Tehran', 'iran')).toBe(0);
    expect(mark('Iran, cafe\u0301 Tehran', 'iran', 1)).toBe(10);
    expect(mark('Iran, cafe\u0301 Tehran', 'iran', 11)).toBe(12);
    // A name ending at the mark, across the letters before it in its run, comes first.
    expect(mark('o Irã\u0301 e', 'iran')).toBe(2);
    // Only `findAnywhere` offers marks: `findName` reads prepared text, and never offers a mark.
    expect(precheck.findName('cafe\u0301 and more', 'iran')).toBe(-1);
  });

  it('stay quiet on pages naming neither side, or only one', () => {
    for (const text of ['The weather in Paris is sunny today.', 'Iran’s football team won.', 'Moscow’s metro opened a new line.', 'Brush the rust off.']) {
      expect(namesBoth(text), text).toBe(false);
    }
  });

  it('pass every relevant regression page', () => {
    const relevant = readdirSync(FIXTURES).filter((name) => name.endsWith('.expected.json') && JSON.parse(readFileSync(resolve(FIXTURES, name), 'utf8')).relevant);
    expect(relevant.length).toBeGreaterThan(10);
    for (const name of relevant) expect(namesBoth(readFileSync(resolve(FIXTURES, name.replace('.expected.json', '.html')), 'utf8')), name).toBe(true);
  });

  it.skipIf(!existsSync(DEV))('pass every positive text of ../shared/eval/dev', () => {
    const files = readdirSync(DEV).filter((name) => name.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((name) => !namesBoth(readFileSync(resolve(DEV, name), 'utf8')))).toEqual([]);
  });
});
