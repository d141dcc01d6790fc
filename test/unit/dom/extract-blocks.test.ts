import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { domPosition, extractBlocks, extractBlocksInSteps } from '../../../src/dom/extract-blocks.ts';
import { pageMetadata } from '../../../src/dom/page-metadata.ts';

function blocksOf(html: string) {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  return extractBlocks(document.body as unknown as Node);
}

describe('extractBlocks', () => {
  it('makes one block per paragraph, heading, list item and cell', () => {
    const blocks = blocksOf('<h1>Title</h1><p>One <b>bold</b> line</p><ul><li>Item</li></ul><table><tr><td>Cell</td></tr></table><figure><figcaption>Cap</figcaption></figure>');
    expect(blocks.map((block) => [block.kind, block.text])).toEqual([
      ['heading', 'Title'],
      ['paragraph', 'One bold line'],
      ['list-item', 'Item'],
      ['table-cell', 'Cell'],
      ['caption', 'Cap'],
    ]);
  });

  it('skips scripts, styles, forms controls, hidden and editable content', () => {
    const blocks = blocksOf(
      '<p>Seen</p><script>var x = "Iran"</script><style>p{}</style><noscript>ns</noscript><template><p>t</p></template><textarea>ta</textarea><p hidden>h</p><p aria-hidden="true">ah</p><div contenteditable="true">ed</div><select><option>o</option></select>',
    );
    expect(blocks.map((block) => block.text)).toEqual(['Seen']);
  });

  it('leaves out blocks with no letter or digit in any script, and keeps those with one in any', () => {
    const blocks = blocksOf('<p>•</p><p>Iran</p><p>— · —</p><p>Иран</p><p>2022</p><p>ایران</p><p>¡¿…!?</p><p>٢٠٢٢</p><li>✓</li><p>東京</p>');
    expect(blocks.map((block) => block.text)).toEqual(['Iran', 'Иран', '2022', 'ایران', '٢٠٢٢', '東京']);
  });

  it('turns <br> into a line break and keeps exact text (soft hyphens, NBSP) for DOM offsets', () => {
    const [block] = blocksOf('<p>Bu\u00adshehr<br>plant\u00a0opened</p>');
    expect(block!.text).toBe('Bu\u00adshehr\nplant\u00a0opened');
    const start = block!.text.indexOf('plant');
    const position = domPosition(block!, start);
    expect(position?.node.data).toBe('plant\u00a0opened');
    expect(position?.offset).toBe(0);
  });

  it('maps block offsets to text nodes across inline elements', () => {
    const [block] = blocksOf('<p>Putin met <a href="#">Khamenei</a> in Tehran.</p>');
    const at = domPosition(block!, block!.text.indexOf('Tehran'));
    expect(at?.node.data).toBe(' in Tehran.');
    expect(at?.offset).toBe(4);
  });

  it('marks navigation, asides, footers, link lists and related-content boxes as boilerplate', () => {
    const blocks = blocksOf(
      '<nav><p>Menu Russia Iran</p></nav><article><header><h1>Headline</h1></header><p>Body text here.</p></article><aside><p>Aside</p></aside><div class="related-stories"><p>Related</p></div><p><a href="/a">Link one</a> <a href="/b">link two</a></p><footer><p>Foot</p></footer>',
    );
    expect(blocks.map((block) => [block.text, block.boilerplate])).toEqual([
      ['Menu Russia Iran', true],
      ['Headline', false],
      ['Body text here.', false],
      ['Aside', true],
      ['Related', true],
      ['Link one link two', true],
      ['Foot', true],
    ]);
  });

  it('ignores class-name hints when they would discard most of the page', () => {
    const blocks = blocksOf('<div class="nav-wrapper"><p>The whole article sits in a badly named wrapper.</p><p>Second paragraph.</p></div>');
    expect(blocks.every((block) => !block.boilerplate)).toBe(true);
  });

  it('cuts a huge text node into pieces that map back to the same node', () => {
    const sentence = 'Russia and Iran signed a deal. ';
    const [first, second] = blocksOf(`<p>${sentence.repeat(1000)}</p>`);
    expect(first!.text.length).toBeLessThanOrEqual(10_000);
    expect(second!.base).toBe(first!.text.length);
    expect(domPosition(second!, 0)?.offset).toBe(first!.text.length);
  });

  it('cuts megabytes of text in one paragraph as it reads them, in steps, into the same blocks as at its end', () => {
    // The HTML parser splits a long text into nodes of 65,536 characters; here, 40 nodes of 50,000.
    const { document } = parseHTML('<!doctype html><html><head></head><body><p id="p"></p><p>Tail.</p></body></html>');
    const paragraph = document.getElementById('p')!;
    const sentences = Array.from({ length: 40 }, (_, index) => `Sentence ${index} about markets. `.repeat(2_000).slice(0, 50_000));
    for (const text of sentences) paragraph.append(document.createTextNode(text));
    const steps = extractBlocksInSteps(document.body as unknown as Node);
    // A pause every 200,000 characters read, though the page has only a few nodes.
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses += 1;
    expect(pauses).toBeGreaterThanOrEqual(9);
    const blocks = step.value;
    const whole = sentences.join('');
    expect(blocks.map((block) => block.text).join('')).toBe(`${whole}Tail.`);
    // Cut where the same text read as one node is cut.
    expect(blocks.map((block) => block.text)).toEqual(blocksOf(`<p>${whole}</p><p>Tail.</p>`).map((block) => block.text));
    expect(blocks.slice(0, -1).every((block) => block.text.length <= 10_000 && block.segments === blocks[0]!.segments)).toBe(true);
    // Each block maps back to its text node and offset, across the nodes' seams.
    for (const block of blocks.slice(0, -1)) {
      const position = domPosition(block, 0)!;
      expect(position.node.data.slice(position.offset, position.offset + 20)).toBe(whole.slice(block.base, block.base + 20));
    }
  });

  it('survives very deep nesting without recursion', () => {
    const depth = 20_000;
    const blocks = blocksOf(`${'<span>'.repeat(depth)}deep text${'</span>'.repeat(depth)}`);
    expect(blocks.map((block) => block.text)).toEqual(['deep text']);
  });
});

describe('pageMetadata', () => {
  it('reads title, language and publication date from meta, JSON-LD or <time>', () => {
    const page = (head: string, body = '') => pageMetadata(parseHTML(`<!doctype html><html lang="ru"><head>${head}</head><body>${body}</body></html>`).document as unknown as Document);
    expect(page('<title>T</title><meta property="article:published_time" content="2022-07-20T08:30:00Z">')).toEqual({
      title: 'T',
      declaredLanguage: 'ru',
      publishedDate: '2022-07-20T08:30:00Z',
    });
    expect(page('<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2023-12-07"}]}</script>').publishedDate).toBe('2023-12-07');
    expect(page('<script type="application/ld+json">{broken</script>', '<time datetime="2025-01-17">x</time>').publishedDate).toBe('2025-01-17');
  });

  it('trusts meta over JSON-LD over <time>, a <time> in an article first, and searches only the head and the article when it is known', () => {
    const html = `<!doctype html><html><head><title>T</title><script type="application/ld+json">{"datePublished":"2023-12-07"}</script></head><body>
      <aside><time datetime="2020-01-01">old</time></aside><article id="a"><time datetime="2024-03-05">x</time><h1>Headline</h1></article>
      <footer><meta itemprop="datePublished" content="2019-09-09"></footer></body></html>`;
    const { document } = parseHTML(html) as unknown as { document: Document };
    // The whole page: the meta in the footer wins over JSON-LD.
    expect(pageMetadata(document).publishedDate).toBe('2019-09-09');
    // Only the head and the article: JSON-LD, then the article's <time>.
    const article = document.getElementById('a')!;
    expect(pageMetadata(document, article).publishedDate).toBe('2023-12-07');
    document.querySelector('script')!.remove();
    expect(pageMetadata(document, article).publishedDate).toBe('2024-03-05');
    expect(pageMetadata(document).publishedDate).toBe('2019-09-09');
    document.querySelector('footer')!.remove();
    // A <time> inside an article is trusted over an earlier one outside.
    expect(pageMetadata(document).publishedDate).toBe('2024-03-05');
  });
});

describe('extractBlocks with open shadow roots', () => {
  /** linkedom has no attachShadow: a stand-in shadow root made of a fragment whose host is known. */
  function withShadow(html: string, shadowHtml: string) {
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    const host = document.querySelector('x-card')!;
    const shadow = document.createDocumentFragment() as unknown as ShadowRoot & { host: Element };
    const holder = document.createElement('div');
    holder.innerHTML = shadowHtml;
    while (holder.firstChild) shadow.appendChild(holder.firstChild);
    Object.defineProperty(shadow, 'host', { value: host });
    Object.defineProperty(host, 'shadowRoot', { value: shadow });
    return document.body as unknown as Node;
  }

  it('reads an open shadow tree and then the slotted light children, only when asked', () => {
    const body = withShadow('<p>Before.</p><x-card><span>Light text.</span></x-card><p>After.</p>', '<p>Shadow paragraph.</p>');
    expect(extractBlocks(body).map((block) => block.text)).toEqual(['Before.', 'Light text.', 'After.']);
    const seen: unknown[] = [];
    expect(extractBlocks(body, { shadowRoots: true, onShadowRoot: (root) => seen.push(root) }).map((block) => block.text)).toEqual(['Before.', 'Shadow paragraph.', 'Light text.', 'After.']);
    expect(seen).toHaveLength(1);
  });

  it('never runs a block across a shadow boundary, where no Range could hold it (found by the browser fuzz, seed 20261130)', () => {
    const body = withShadow('<p>Putin met <x-card>his guest</x-card> in Tehran.</p>', '<b>Pezeshkian</b>');
    // Before the shadow, inside it, and the host's light children with what follows (one tree each).
    expect(extractBlocks(body, { shadowRoots: true }).map((block) => block.text)).toEqual(['Putin met ', 'Pezeshkian', 'his guest in Tehran.']);
  });
});
