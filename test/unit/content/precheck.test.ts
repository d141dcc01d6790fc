import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { articleRegion, isArticleText } from '../../../src/content/article-text.ts';
import { firstLook, GROWN_LARGE, noteAddedText, precheckAgain, precheckPage, type FirstLook, type PagePass } from '../../../src/content/precheck.ts';

const PAGES = resolve(import.meta.dirname, '../../fixtures/pages');
const documentOf = (html: string, title = 't') => parseHTML(`<!doctype html><html><head><title>${title}</title></head><body>${html}</body></html>`).document as unknown as Document;
/**
 * The full pre-check's answer, which the first look must never turn away (main.ts asks it first), which the full
 * pre-check told what the first look read must give too (the way a page is pre-checked on load), and the pre-check
 * again (`precheckAgain`).
 */
async function precheckBothWays(document: Document): Promise<PagePass | null> {
  const pass = await precheckPage(document, new AbortController().signal);
  const look = firstLook(document);
  if (pass) expect(look, 'the first look, on a page the full pre-check passes').not.toBeNull();
  const answer = (found: PagePass | null) => [found !== null, found?.region ?? null];
  if (look) expect(answer(await precheckPage(document, new AbortController().signal, look)), 'the pre-check on load').toEqual(answer(pass));
  expect(answer(await precheckAgain(document, new AbortController().signal)), 'the pre-check again').toEqual(answer(pass));
  return pass;
}
/**
 * Whether the pre-check (both ways) reads any element's `textContent` (the title's, which the DOM reads for
 * `document.title`, aside; linkedom's `innerText` reads it too), and whether the page passes.
 */
async function readsElementText(document: Document): Promise<{ pass: boolean; read: boolean }> {
  const elementPrototype = Object.getPrototypeOf(Object.getPrototypeOf(document.body)) as object;
  const textContent = Object.getOwnPropertyDescriptor(elementPrototype, 'textContent')!;
  let read = false;
  Object.defineProperty(elementPrototype, 'textContent', { ...textContent, get(this: Element) { read ||= this.tagName !== 'TITLE'; return textContent.get!.call(this); } });
  try {
    const pass = await precheckBothWays(document);
    return { pass: pass !== null, read };
  } finally {
    Object.defineProperty(elementPrototype, 'textContent', textContent);
  }
}
const namesBoth = async (document: Document) => (await precheckBothWays(document)) !== null;
const surelyFails = (document: Document) => firstLook(document) === null;

describe('the pre-check sample', () => {
  it('finds a name in one text node, not across two, however the body’s text runs them together', async () => {
    expect(await namesBoth(documentOf('<ul><li>Iran</li><li>Russia</li></ul>'))).toBe(true);
    expect(await namesBoth(documentOf('<p>Tehran<br>Moscow</p>'))).toBe(true);
    // Split across elements, or inside other words: not a name.
    expect(await namesBoth(documentOf('<p>Ir<b>an</b> and Russia</p>'))).toBe(false);
    expect(await namesBoth(documentOf('<p>Miranda and the rusty trust of Prussia, Tirana</p><p>Russia</p>'))).toBe(false);
    expect(await namesBoth(documentOf('<p>Iran</p><p>rusty Ru</p><p>s</p>'))).toBe(false);
    expect(await namesBoth(documentOf('<p>Iran</p><p>the Rus</p>\n<p>t</p>'))).toBe(true);
  });

  it('finds names anywhere in a long body: across the steps of its search, and after long scripts', async () => {
    const filler = (length: number) => `<p>${'weather and markets '.repeat(Math.ceil(length / 20)).slice(0, length)}</p>`;
    // "Iran" straddling the end of the first step's text (100,000 characters).
    expect(await namesBoth(documentOf(`${filler(99_998)}<p>Iran</p>${filler(150_000)}<p>Russia</p>`))).toBe(true);
    expect(await namesBoth(documentOf(`<script>var data = "${'iran russia '.repeat(50_000)}";</script>${filler(20_000)}<p>Iran and Russia</p>`))).toBe(true);
    expect(await namesBoth(documentOf(`<script>var data = "${'iran russia '.repeat(50_000)}";</script>${filler(20_000)}<p>Iran alone</p>`))).toBe(false);
    // A page's state in scripts at the body's top level, or in a wrapper there, is not read at all: it does not use up
    // the text read. Deeper, it is (the limit then keeps a huge page cheap, and the names after it go unread).
    const state = `<script>var state = "${'x'.repeat(2_100_000)}";</script>`;
    expect(await namesBoth(documentOf(`${state}<p>Iran and Russia</p>`))).toBe(true);
    expect(await namesBoth(documentOf(`<div><p>News</p>${state}</div><p>Iran and Russia</p>`))).toBe(true);
    expect(await namesBoth(documentOf(`<div><div>${state}</div></div><p>Iran and Russia</p>`))).toBe(false);
    expect(await namesBoth(documentOf('<!-- Iran and Russia --><style>.iran{}</style><p>Russia</p>'))).toBe(false);
    // The limit falls inside a part: its text up to the limit is read, not beyond.
    const before = `<div><div>${'x'.repeat(1_950_000)}</div></div>`;
    expect(await namesBoth(documentOf(`${before}<p>${'y '.repeat(10_000)}Iran and Russia</p>`))).toBe(true);
    expect(await namesBoth(documentOf(`${before}<p>${'y '.repeat(30_000)}Iran and Russia</p>`))).toBe(false);
  });

  it('reads a body of very many children whole, still one text node at a time', async () => {
    const many = '<p>markets</p>'.repeat(1_500);
    expect(await namesBoth(documentOf(`${many}<p>Iran</p>${many}Russia${many}`))).toBe(true);
    expect(await namesBoth(documentOf(`${many}<p>Ir</p><p>an and Russia</p>${many}`))).toBe(false);
    expect(await namesBoth(documentOf(`${many}<script>Iran</script><p>Russia</p>${many}`))).toBe(false);
  });

  it('stops looking at the body’s children one by one after a thousand, however few hold prose', async () => {
    /** How many siblings the pre-check steps over, reading this page (linkedom's `nextSibling` is counted). */
    const siblingsLookedAt = async (html: string) => {
      const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
      const nodePrototype = Object.getPrototypeOf(Object.getPrototypeOf(document.body.firstChild!)) as object;
      const nextSibling = Object.getOwnPropertyDescriptor(nodePrototype, 'nextSibling')!;
      let looked = 0;
      Object.defineProperty(nodePrototype, 'nextSibling', { ...nextSibling, get(this: Node) { looked += 1; return nextSibling.get!.call(this); } });
      try {
        // The way a page is pre-checked on load: the first look, and the full pre-check from there.
        const look = firstLook(document as unknown as Document);
        expect(look).not.toBeNull();
        expect(await precheckPage(document as unknown as Document, new AbortController().signal, look)).not.toBeNull();
      } finally {
        Object.defineProperty(nodePrototype, 'nextSibling', nextSibling);
      }
      return looked;
    };
    // Comments by the thousand at the body's top level, and scripts by the thousand in a wrapper.
    for (const html of [`${'<!-- x -->'.repeat(5_000)}<p>Iran and Russia</p>`, `<div>${'<script>1</script>'.repeat(5_000)}</div><p>Iran and Russia</p>`]) {
      const looked = await siblingsLookedAt(html);
      expect(looked).toBeGreaterThan(0);
      expect(looked).toBeLessThan(2_000);
    }
  });

  it('reads accents written as separate marks', async () => {
    expect(await namesBoth(documentOf('<p>o Ira\u0303o e a Ru\u0301ssia</p>'))).toBe(true);
    expect(await namesBoth(documentOf('<p>Ira\u0303o</p><p>naïve cafe\u0301</p>'))).toBe(false);
  });

  it('looks for the names as the page shows them, and for every name where the page shows them otherwise', async () => {
    const signal = new AbortController().signal;
    /** What the first look would give, had the browser shown the page as `text` (linkedom shows all of it). */
    const shownAs = (text: string, iran: string, russia: string): FirstLook => ({
      // No Latin accents in these texts: folded, each reads as it is.
      shown: { folded: { text, foldedTo: () => text }, first: { iran: { index: text.indexOf(iran), text: iran }, russia: { index: text.indexOf(russia), text: russia } } },
    });
    // A name the page hides does not count: it shows Russia only in a link outside its prose.
    const hidden = documentOf('<nav><a href="/ru">Russia</a></nav><p>Iran said.</p><p hidden>Moscow said.</p>');
    expect(await precheckPage(hidden, signal)).not.toBeNull();
    expect(await precheckPage(hidden, signal, shownAs('Russia\nIran said.', 'Iran', 'Russia'))).toBeNull();
    // Each spelling shown is looked for in turn, in any case: the second one shown lies in prose.
    const two = documentOf('<nav><a href="/ru">Russia</a></nav><p>Iran said.</p><p>The Kremlin said.</p>');
    expect(await precheckPage(two, signal, shownAs('RUSSIA\nIran said.\nThe KREMLIN said.', 'Iran', 'RUSSIA'))).not.toBeNull();
    // A spelling the body's text does not hold (the page's styles changed it): every name is looked for.
    const restyled = documentOf('<p>Iran and Russia said.</p>');
    expect(await precheckPage(restyled, signal, shownAs('ＩＲＡＮ and ＲＵＳＳＩＡ said.', 'ＩＲＡＮ', 'ＲＵＳＳＩＡ'))).not.toBeNull();
    // An accent written as a separate mark, shown: the text around it is read composed.
    const marked = documentOf('<p>o Ira\u0303o e a Ru\u0301ssia</p>');
    expect(await precheckPage(marked, signal, firstLook(marked))).not.toBeNull();
  });

  it('folds the text as shown once, for the first look and the full pre-check searching it again in a later task', async () => {
    const page = documentOf('<p>Ngā Māori art in Tehran.</p><nav><a href="/ru">Russia</a></nav><p>Zürich</p>');
    const replace = vi.spyOn(String.prototype, 'replace');
    try {
      const look = firstLook(page);
      const shown = look?.shown?.folded.text;
      expect(shown).toContain('Māori');
      const foldsOfShown = () => replace.mock.contexts.filter((subject) => String(subject) === shown).length;
      expect(foldsOfShown()).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 0));
      // Russia, shown only in a link outside the prose: the next spelling shown is looked for in the same text.
      expect(await precheckPage(page, new AbortController().signal, look)).toBeNull();
      expect(foldsOfShown()).toBe(1);
    } finally {
      replace.mockRestore();
    }
  });

  it('takes text in paragraphs, headings and links in running text as prose, not form fields, code or links outside paragraphs', () => {
    const { body } = documentOf(
      '<p>plain <a href="/a"><i>linked</i></a></p><h1>head</h1><ul><li><a href="/b"><span>teaser</span></a></li></ul><textarea>typed</textarea><code>var x</code>',
    );
    const texts: Node[] = [];
    const walker = body.ownerDocument.createTreeWalker(body, 4);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node);
    const byText = new Map(texts.map((node) => [node.textContent, isArticleText(node, body)]));
    expect(Object.fromEntries(byText)).toEqual({ 'plain ': true, linked: true, head: true, teaser: false, typed: false, 'var x': false });
  });

  it('does not pass a page whose only mention of one side is a teaser link (a sidebar), or a script', async () => {
    const html = '<article><h1>Cargo ship breaks up</h1><p>The Russian space agency said the craft broke up.</p></article><aside><h3><a href="/s">How Putin and Khamenei got a deal done</a></h3></aside><script>window.tags = ["iran"]</script>';
    expect(await namesBoth(documentOf(html))).toBe(false);
    expect(await namesBoth(documentOf(html.replace('The Russian space agency', 'Iran and Russia')))).toBe(true);
    // A name in the title counts: it is the page's headline.
    expect(await namesBoth(documentOf('<p>Talks went on.</p>', 'Iran and Russia'))).toBe(true);
    expect(await namesBoth(documentOf('<p>Talks went on.</p>', 'Iran and Brazil'))).toBe(false);
  });

  it('passes every relevant page of the regression set', async () => {
    const relevant = readdirSync(PAGES)
      .filter((name) => name.endsWith('.expected.json'))
      .filter((name) => (JSON.parse(readFileSync(resolve(PAGES, name), 'utf8')) as { relevant: boolean }).relevant)
      .map((name) => name.replace('.expected.json', '.html'));
    expect(relevant.length).toBeGreaterThan(10);
    for (const name of relevant) {
      const { document } = parseHTML(readFileSync(resolve(PAGES, name), 'utf8'));
      expect(await namesBoth(document as unknown as Document), name).toBe(true);
      // The first look, which answers for most pages, leaves every one of these to the full pre-check.
      expect(surelyFails(document as unknown as Document), name).toBe(false);
    }
  });

  it('answers at once only for pages that show no possible name of one side, and leaves the rest to the full pre-check', () => {
    // No possible name of Iran, or none of Russia (linkedom's innerText is the text of every node; a browser's leaves
    // out what the page hides: the e2e suite's "pre-checks the page as shown").
    expect(surelyFails(documentOf('<p>Russia and Brazil</p><!-- Iran -->'))).toBe(true);
    expect(surelyFails(documentOf('<p>Iran and Brazil</p>'))).toBe(true);
    expect(surelyFails(documentOf('<p>Talks in Brazil went on.</p>', 'Russia and Brazil'))).toBe(true);
    expect(surelyFails(documentOf('<p>Miranda and Tirana</p>'))).toBe(true);
    // A title naming Iran: the full pre-check decides (the shown text of an enormous page is one call it cannot cut short).
    expect(surelyFails(documentOf('<p>Talks went on.</p>', 'Iran and Brazil'))).toBe(false);
    // A possible name of each anywhere, the title included, even one the full pre-check rejects (a teaser link): not sure.
    expect(surelyFails(documentOf('<p>Tehran said so.</p>', 'Russia and Brazil'))).toBe(false);
    expect(surelyFails(documentOf('<p>Talks in Moscow went on.</p>', 'Iran and Brazil'))).toBe(false);
    expect(surelyFails(documentOf('<div><p>News from the Kremlin</p><p>Tehran said</p></div>'))).toBe(false);
    expect(surelyFails(documentOf('<aside><a href="/s">Putin in Moscow, Khamenei in Iran</a></aside>'))).toBe(false);
    expect(surelyFails(documentOf('<p>Ira\u0303o e Rússia</p>'))).toBe(false);
    // More text than the pre-check reads: the full pre-check reads up to its limit.
    expect(surelyFails(documentOf(`<p>${'markets '.repeat(300_000)}</p>`))).toBe(false);
  });

  it('reads each part of the body once on load, whatever the full pre-check rejected', async () => {
    /** The body's children whose text is read on load (linkedom's `textContent` getter of elements is counted). */
    const partsReadOnLoad = async (html: string) => {
      const document = documentOf(html);
      const elementPrototype = Object.getPrototypeOf(Object.getPrototypeOf(document.body)) as object;
      const textContent = Object.getOwnPropertyDescriptor(elementPrototype, 'textContent')!;
      const read: string[] = [];
      Object.defineProperty(elementPrototype, 'textContent', { ...textContent, get(this: Element) { if (this.parentNode === document.body) read.push(this.id); return textContent.get!.call(this); } });
      try {
        const look = firstLook(document);
        expect(look).not.toBeNull();
        return { pass: await precheckPage(document, new AbortController().signal, look), read };
      } finally {
        Object.defineProperty(elementPrototype, 'textContent', textContent);
      }
    };
    const page = '<div id="a"><p>News</p></div><div id="b"><p>Iran said</p></div><div id="c"><p>Russia said</p></div><div id="d"><p>More</p></div>';
    expect(await partsReadOnLoad(page)).toEqual({ pass: { region: null }, read: ['a', 'b', 'c'] });
    // A possible name the full pre-check rejects (a teaser link) comes first: the search goes on past it.
    const teaserFirst = '<div id="a"><ul><li><a href="/s">Iran</a></li></ul></div><div id="b"><p>News</p></div><div id="c"><p>Iran and Russia</p></div>';
    // Russia, shown only in the last part, is looked for first, there alone.
    expect(await partsReadOnLoad(teaserFirst)).toEqual({ pass: { region: null }, read: ['c', 'a', 'b'] });
    // A side shown only in a list of links at the body's end decides first, and the article is never read whole.
    const languages = `<div id="a"><p>Iran said, ${'at length, '.repeat(20)}that talks went on.</p></div><nav id="b"><ul><li><a href="/fa">فارسی</a></li><li><a href="/ru">Русский</a></li></ul></nav>`;
    expect(await partsReadOnLoad(languages)).toEqual({ pass: null, read: ['b'] });
    expect(await partsReadOnLoad(languages.replace('<nav id="b">', '<nav id="b"><p>Russia said.</p>'))).toEqual({ pass: { region: null }, read: ['b', 'a'] });
    expect(await namesBoth(documentOf(teaserFirst))).toBe(true);
    expect(await namesBoth(documentOf(teaserFirst.replace('Iran and Russia', 'Russia')))).toBe(false);
  });

  it('reads a document that arrived enormous a text node at a time, never an element’s text whole', async () => {
    // The navigation's timing entry says how much HTML arrived (Node has none: an ordinary page).
    const getEntriesByType = vi.spyOn(performance, 'getEntriesByType').mockReturnValue([{ decodedBodySize: 5_000_000 } as unknown as PerformanceEntry]);
    const readsTextOf = (html: string, title = 't') => readsElementText(documentOf(html, title));
    try {
      const filler = `<p>${'markets '.repeat(20_000)}</p>`;
      expect(await readsTextOf(`<main>${filler}<p>Iran said</p><p>Russia said</p></main>`)).toEqual({ pass: true, read: false });
      expect(await readsTextOf(`<main>${filler}<p>Iran said</p><script>var s = "Russia"</script></main>`)).toEqual({ pass: false, read: false });
      // Past the text the pre-check reads (scripts not counted), a name is not read.
      const state = `<script>var state = "${'x'.repeat(2_100_000)}";</script>`;
      expect(await readsTextOf(`<div>${state}<p>Iran and Russia</p></div>`)).toEqual({ pass: true, read: false });
      expect(await readsTextOf(`<div><p>${'y'.repeat(2_100_000)}</p><p>Iran and Russia</p></div>`)).toEqual({ pass: false, read: false });
      expect(await readsTextOf('<p>Ir<b>an</b> and Russia</p>')).toEqual({ pass: false, read: false });
      expect(getEntriesByType).toHaveBeenCalled();
    } finally {
      getEntriesByType.mockRestore();
    }
  });

  it('reads a page a text node at a time once its scripts have added a million characters, counted across batches', async () => {
    const page = `<main><p>${'markets '.repeat(2_000)}</p><p>Iran said</p><p>Russia said</p></main>`;
    const [document, other] = [documentOf(page), documentOf(page)];
    const batch = (characters: number) => {
      const paragraph = document.createElement('p');
      paragraph.textContent = 'x'.repeat(characters);
      return [{ type: 'childList', target: document.body, addedNodes: [paragraph], removedNodes: [] }];
    };
    expect(await readsElementText(document)).toEqual({ pass: true, read: true });
    // What a batch brought, kept up to the limit asked; counted whatever the limit.
    expect(noteAddedText(document, batch(600_000), 100)).toBeNull();
    expect(noteAddedText(document, batch(50), 100)).toBe('x'.repeat(50));
    expect(await readsElementText(document)).toEqual({ pass: true, read: true });
    expect(noteAddedText(document, batch(GROWN_LARGE - 600_050))).toBeNull();
    expect(await readsElementText(document)).toEqual({ pass: true, read: false });
    // Each document is counted apart.
    expect(await readsElementText(other)).toEqual({ pass: true, read: true });
  });

  it('says where both names lie: the outermost article or main around them, or the whole page', async () => {
    const regionOf = async (html: string, title = 't') => (await precheckPage(documentOf(html, title), new AbortController().signal))?.region?.id;
    const article = (id: string, text: string) => `<article id="${id}"><p>${text}</p></article>`;
    expect(await regionOf(`<nav><p>menu</p></nav><main id="m">${article('a', 'Iran and Russia signed.')}${article('b', 'More.')}</main>`)).toBe('m');
    expect(await regionOf(`<div role="main" id="r"><p>Iran said.</p><p>Russia said.</p></div>`)).toBe('r');
    // Two articles side by side, one name in each: the whole page.
    expect(await regionOf(`${article('a', 'Iran said.')}${article('b', 'Russia said.')}`)).toBeUndefined();
    // A name in the title lies in any article.
    expect(await regionOf(article('a', 'Russia said.'), 'Iran news')).toBe('a');
    // No article at all, or only one side named: the whole page, or no pass.
    expect(await regionOf('<div><p>Iran and Russia.</p></div>')).toBeUndefined();
    expect(await precheckPage(documentOf(article('a', 'Iran said.')), new AbortController().signal)).toBeNull();
    const { body } = documentOf('<main id="m"><article id="a"><p id="p">x</p></article></main>');
    expect(articleRegion(body.querySelector('#p')!.firstChild!, body)?.id).toBe('m');
  });

  it('finds Russia named long before Iran (searched after Iran is found, a chunk at a time)', async () => {
    const filler = Array.from({ length: 40 }, (_, index) => `<p>Paragraph ${index} about the weather ${'and markets '.repeat(40)}</p>`).join('');
    const html = `<main id="m"><p>Russia said so.</p>${filler}${filler}<p>Iran answered.</p>${filler}</main>`;
    expect((await precheckPage(documentOf(html), new AbortController().signal))?.region?.id).toBe('m');
    expect(await precheckPage(documentOf(html.replace('Russia said', 'Brazil said')), new AbortController().signal)).toBeNull();
  });
});
