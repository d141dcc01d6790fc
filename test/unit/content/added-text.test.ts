import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { addedText, type TextMutation } from '../../../src/content/added-text.ts';

const { document } = parseHTML('<!doctype html><html><body><p id="clock">16:41</p></body></html>');
const record = (type: string, target: Node, added: Node[] = []): TextMutation => ({ type, target, addedNodes: added, removedNodes: [] });

describe('the text mutations bring', () => {
  it('is the text of added nodes and of changed text nodes, and nothing for removals', () => {
    const article = document.createElement('article');
    article.innerHTML = '<h1>Iran and Russia</h1><p>Talks went on.</p>';
    const clock = document.getElementById('clock')!.firstChild!;
    expect(addedText([record('childList', document.body, [article]), record('characterData', clock)], 1_000)).toBe('Iran and RussiaTalks went on.\u000116:41');
    expect(addedText([{ type: 'childList', target: document.body, addedNodes: [], removedNodes: [article] }], 1_000)).toBe('');
  });

  it('gives up past the limit, so the whole page is checked instead', () => {
    const long = document.createTextNode('x'.repeat(500));
    expect(addedText([record('childList', document.body, [long])], 100)).toBeNull();
    expect(addedText([record('childList', document.body, [long])], 500)).toHaveLength(500);
  });
});
