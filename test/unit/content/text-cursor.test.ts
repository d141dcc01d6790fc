import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { TextCursor, type TextPosition } from '../../../src/content/text-cursor.ts';

const bodyOf = (html: string) => (parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document).body;

/** Every index's text node and start, the slow way: each node's text read in turn. */
function expectedPositions(root: Node): { node: Node; start: number }[] {
  const positions: { node: Node; start: number }[] = [];
  const walker = root.ownerDocument!.createTreeWalker(root, 4);
  let start = 0;
  for (let node = walker.nextNode() as CharacterData | null; node; node = walker.nextNode() as CharacterData | null) {
    for (let offset = 0; offset < node.length; offset++) positions.push({ node, start });
    start += node.length;
  }
  return positions;
}

function seekAll(root: Node, indices: number[]): (TextPosition | null)[] {
  const cursor = new TextCursor(root, root.textContent!.length);
  return indices.map((index) => {
    const steps = cursor.seek(index);
    for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
  });
}

// Nesting, empty elements, empty and long texts, a comment (not text), and a last text deep inside.
const HTML =
  '<div><p>One <b>two</b><i></i> three</p><!-- a note --><ul><li>four</li><li><a>five</a></li></ul>' +
  `<p>${'filler words '.repeat(40)}</p><span></span><div><p>six <em>seven <q>eight</q></em></p><br></div></div><p>nine</p>`;

describe('the text cursor', () => {
  it('finds the node holding each index, going on from where it is', () => {
    const body = bodyOf(HTML);
    const expected = expectedPositions(body);
    const every = expected.map((_, index) => index);
    expect(seekAll(body, every)).toEqual(expected);
  });

  it('walks back from the end for an index near it, and goes on from there', () => {
    const body = bodyOf(HTML);
    const expected = expectedPositions(body);
    const length = expected.length;
    // 0, then indices near the end (each far nearer the end than the cursor): the walk comes from the end once.
    const indices = [0, 2, length - 25, length - 19, length - 12, length - 5, length - 1];
    expect(seekAll(body, indices)).toEqual(indices.map((index) => expected[index]));
    expect(seekAll(body, [length - 1])).toEqual([expected[length - 1]]);
  });

  it('reads a text node as its own only node, and says where the text ends', () => {
    const text = bodyOf('<p>only text</p>').firstChild!.firstChild!;
    expect(seekAll(text, [0, 5, 8])).toEqual([0, 5, 8].map(() => ({ node: text, start: 0 })));
    expect(seekAll(bodyOf('<p>short</p>'), [7])).toEqual([null]);
  });
});
