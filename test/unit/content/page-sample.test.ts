import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { pageSample } from '../../../src/content/page-sample.ts';
import { namesBothSides } from '../../../src/content/precheck.ts';

const PAGES = resolve(import.meta.dirname, '../../fixtures/pages');
const bodyOf = (html: string) => parseHTML(`<!doctype html><html><head><title>t</title></head><body>${html}</body></html>`).document.body as unknown as Node;

describe('the pre-check sample', () => {
  it('leaves out scripts, styles, form fields and links outside paragraphs, and keeps links in running text', () => {
    const body = bodyOf(
      '<div><p>In <a href="/a">text</a></p></div><script>var iran = 1;</script><style>.russia{}</style><textarea>typed</textarea><p></p><ul><li><a href="/b">teaser</a></li></ul><p><b>deep <a href="/c"><i>link</i></a></b></p><h3><a href="/d">after</a></h3>',
    );
    expect(pageSample(body)).toBe('In  text deep  link');
  });

  it('stops at the limit, even inside one enormous text node', () => {
    expect(pageSample(bodyOf(`<p>${'a'.repeat(5_000)}</p><p>more</p>`), 1_000)).toHaveLength(1_000);
    expect(pageSample(bodyOf('<h1>Talks end</h1><p>Iran says</p>'))).toBe('Talks end Iran says');
  });

  it('does not pass a page whose only mention of one side is a teaser link (a sidebar)', () => {
    const html = '<article><h1>Cargo ship breaks up</h1><p>The Russian space agency said the craft broke up.</p></article><aside><h3><a href="/s">How Putin and Khamenei got a deal done</a></h3></aside>';
    expect(namesBothSides(pageSample(bodyOf(html)))).toBe(false);
    expect(namesBothSides(pageSample(bodyOf(html.replace('The Russian space agency', 'Iran and Russia'))))).toBe(true);
  });

  it('passes every relevant page of the regression set', () => {
    const relevant = readdirSync(PAGES)
      .filter((name) => name.endsWith('.expected.json'))
      .filter((name) => (JSON.parse(readFileSync(resolve(PAGES, name), 'utf8')) as { relevant: boolean }).relevant)
      .map((name) => name.replace('.expected.json', '.html'));
    expect(relevant.length).toBeGreaterThan(10);
    for (const name of relevant) {
      const { document } = parseHTML(readFileSync(resolve(PAGES, name), 'utf8'));
      expect(namesBothSides(`${document.title} ${pageSample(document.body as unknown as Node)}`), name).toBe(true);
    }
  });
});
