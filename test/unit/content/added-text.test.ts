import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { addedText, type TextMutation } from '../../../src/content/added-text.ts';

const { document } = parseHTML('<!doctype html><html><body><p id="clock">16:41</p></body></html>');
const record = (type: string, target: Node, added: Node[] = []): TextMutation => ({ type, target, addedNodes: added, removedNodes: [] });
const added = (...nodes: Node[]) => [record('childList', document.body, nodes)];

describe('the text mutations bring', () => {
  it('is the text of added nodes and of changed text nodes, a node at a time, and nothing for removals or comments', () => {
    const article = document.createElement('article');
    article.innerHTML = '<h1>Iran and Russia</h1><!-- Russia --><p>Talks went on.</p>';
    const clock = document.getElementById('clock')!.firstChild!;
    const comment = document.createComment('Iran');
    expect(addedText([...added(article, comment), record('characterData', clock), record('characterData', comment)], 1_000)).toEqual({
      text: 'Iran and Russia\u0001Talks went on.\u000116:41',
      length: 34,
    });
    expect(addedText([{ type: 'childList', target: document.body, addedNodes: [], removedNodes: [article] }], 1_000)).toEqual({ text: '', length: 0 });
  });

  it('keeps the text up to one limit and counts it up to another, so a page grown large is known', () => {
    const long = document.createTextNode('x'.repeat(500));
    expect(addedText(added(long), 100)).toEqual({ text: null, length: 100 });
    expect(addedText(added(long), 500).text).toHaveLength(500);
    // Past the text kept, still counted: the text is gone, the length is known.
    expect(addedText(added(long, long), 100, 10_000)).toEqual({ text: null, length: 1_000 });
    expect(addedText(added(long, long), 100, 700)).toEqual({ text: null, length: 700 });
  });

  it('never reads an element’s text whole, and counts a batch of very many nodes as the most it counts', () => {
    const elementPrototype = Object.getPrototypeOf(Object.getPrototypeOf(document.body)) as object;
    const textContent = Object.getOwnPropertyDescriptor(elementPrototype, 'textContent')!;
    let read = 0;
    Object.defineProperty(elementPrototype, 'textContent', { ...textContent, get(this: Element) { read++; return textContent.get!.call(this); } });
    try {
      const list = document.createElement('ul');
      list.innerHTML = '<li>a</li>'.repeat(10_001);
      expect(addedText(added(list), 0, 1_000_000)).toEqual({ text: null, length: 1_000_000 });
      list.lastChild!.remove();
      expect(addedText(added(list), 100_000, 1_000_000)).toEqual({ text: 'a\u0001'.repeat(10_000).slice(0, -1), length: 10_000 });
      expect(read).toBe(0);
    } finally {
      Object.defineProperty(elementPrototype, 'textContent', textContent);
    }
  });
});
