/**
 * The relation vocabulary in the languages added for reading (lexicon.json): a short article of our own
 * in each, stating a dealing between the two sides, must be found relevant and get a highlight. Without
 * the relation words of its language the engine sees only the two names and marks nothing, so each case
 * also checks that a concept of its own language's wording is among the page's evidence.
 */
import { describe, expect, it } from 'vitest';
import { annotatePage, type PageInput } from '../../../src/core/engine/annotate.ts';
import { buildTermIndex, compileTerms } from '../../../src/core/engine/term-index.ts';
import { foldText } from '../../../src/core/text/normalize.ts';
import { realEngine } from './real-dataset.ts';

interface Case {
  language: string;
  title: string;
  body: string[];
  publishedDate: string;
  /** Relation concepts this text states in its own language's words. */
  concepts: string[];
}

const TREATY = '2025-01-20';
const DRONES = '2022-11-10';
const RAILWAY = '2023-05-20';

const CASES: Case[] = [
  {
    language: 'pl', publishedDate: RAILWAY, concepts: ['c:sign', 'c:agreement', 'c:railway'],
    title: 'Rosja i Iran podpisały umowę kolejową',
    body: ['Rosja i Iran podpisały w Teheranie porozumienie o budowie linii kolejowej Raszt–Astara, którą Rosja sfinansuje kredytem.'],
  },
  {
    language: 'hr', publishedDate: DRONES, concepts: ['c:supply', 'c:drone'],
    title: 'Iran isporučio dronove Rusiji',
    body: ['Iran je Rusiji isporučio stotine bespilotnih letjelica Shahed, koje ruska vojska koristi za napade na ukrajinske gradove.'],
  },
  {
    language: 'hu', publishedDate: TREATY, concepts: ['c:sign', 'c:treaty', 'c:partnership', 'c:strategic'],
    title: 'Oroszország és Irán stratégiai partnerségi szerződést írt alá',
    body: ['Oroszország és Irán elnöke Moszkvában aláírta az átfogó stratégiai partnerségi szerződést.'],
  },
  {
    language: 'el', publishedDate: TREATY, concepts: ['c:sign', 'c:agreement', 'c:strategic'],
    title: 'Ρωσία και Ιράν υπέγραψαν συμφωνία στρατηγικής εταιρικής σχέσης',
    body: ['Ο Πούτιν και ο Πεζεσκιάν υπέγραψαν στη Μόσχα συμφωνία στρατηγικής εταιρικής σχέσης μεταξύ Ρωσίας και Ιράν.'],
  },
  {
    language: 'zh', publishedDate: DRONES, concepts: ['c:supply', 'c:drone'],
    title: '伊朗向俄罗斯提供无人机',
    body: ['伊朗向俄罗斯提供了数百架“见证者”无人机，俄军用这些无人机袭击乌克兰城市。'],
  },
  {
    language: 'uk', publishedDate: DRONES, concepts: ['c:supply', 'c:drone'],
    title: 'Іран передав Росії ударні безпілотники',
    body: ['Іран передав Росії сотні ударних безпілотників «Шахед», якими російська армія атакує українські міста.'],
  },
  {
    language: 'he', publishedDate: TREATY, concepts: ['c:sign', 'c:agreement', 'c:strategic'],
    title: 'רוסיה ואיראן חתמו על הסכם שותפות אסטרטגית',
    body: ['נשיא רוסיה ונשיא איראן חתמו במוסקבה על הסכם שותפות אסטרטגית מקיף בין שתי המדינות.'],
  },
  {
    language: 'cs', publishedDate: TREATY, concepts: ['c:sign', 'c:treaty', 'c:partnership'],
    title: 'Rusko a Írán podepsaly smlouvu o strategickém partnerství',
    body: ['Prezidenti Ruska a Íránu podepsali v Moskvě smlouvu o komplexním strategickém partnerství.'],
  },
  {
    language: 'ro', publishedDate: TREATY, concepts: ['c:sign', 'c:treaty', 'c:partnership'],
    title: 'Rusia și Iranul au semnat un tratat de parteneriat strategic',
    body: ['Președinții Rusiei și Iranului au semnat la Moscova un tratat de parteneriat strategic cuprinzător.'],
  },
  {
    language: 'nl', publishedDate: DRONES, concepts: ['c:supply', 'c:drone'],
    title: 'Iran levert drones aan Rusland',
    body: ['Iran heeft honderden Shahed-drones aan Rusland geleverd, waarmee het Russische leger Oekraïense steden aanvalt.'],
  },
  {
    language: 'ja', publishedDate: TREATY, concepts: ['c:sign', 'c:treaty', 'c:strategic'],
    title: 'ロシアとイラン、包括的戦略パートナーシップ条約に署名',
    body: ['ロシアとイランの大統領はモスクワで包括的戦略パートナーシップ条約に署名した。'],
  },
  {
    language: 'id', publishedDate: RAILWAY, concepts: ['c:sign', 'c:agreement', 'c:railway'],
    title: 'Rusia dan Iran menandatangani perjanjian jalur kereta api',
    body: ['Rusia dan Iran menandatangani perjanjian pembangunan jalur kereta api Rasht–Astara di Teheran.'],
  },
];

const page = (testCase: Case): PageInput => ({
  title: testCase.title,
  publishedDate: testCase.publishedDate,
  blocks: [{ text: testCase.title, kind: 'heading' }, ...testCase.body.map((text) => ({ text, kind: 'paragraph' as const }))],
});

describe('relation vocabulary in the added languages', () => {
  const { dataset, engine } = realEngine();
  const automaton = buildTermIndex(compileTerms(dataset)).automaton;
  const conceptsIn = (text: string) => new Set(automaton.search(foldText(text).text).map((hit) => hit.payload));

  for (const testCase of CASES) {
    it(`${testCase.language}: "${testCase.title}" is relevant and highlighted`, () => {
      const found = conceptsIn([testCase.title, ...testCase.body].join('\n\n'));
      for (const concept of testCase.concepts) expect(found, `${testCase.language} reads ${concept}`).toContain(concept);
      const annotation = annotatePage(engine, page(testCase));
      expect(annotation.relevant).toBe(true);
      expect(annotation.claims.length).toBeGreaterThan(0);
    });
  }
});
