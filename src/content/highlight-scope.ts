/**
 * Which elements our `::highlight()` rules are written for.
 *
 * Adopting a sheet of rules makes the browser restyle every element those rules may match. A rule
 * with no subject (`::highlight(x)`) may match any element: in Chromium 150, adopting our seven
 * such rules restyled the whole page, 70-130 ms on a 1 MB Wikipedia article and 500-950 ms on a page
 * of 100,000 elements, and every later full restyle of the page cost 30-50% more while they stayed.
 *
 * Chromium gives highlights "highlight inheritance": text inside an element with no rule of its own
 * takes the highlight style of its parent's. So there it is enough to write the rules for the tags
 * of the blocks that hold our claims (`p::highlight(x), h1::highlight(x)`): only elements of those
 * tags are restyled (the same two pages: 14-25 ms and 25-40 ms). Firefox ESR 140 has no such
 * inheritance (text in a link inside a `p` would go unpainted with rules for `p` alone), so its build
 * writes the rules for the tags of the elements that hold painted text themselves (`textHostsOf`:
 * the `p` and the `a` inside it). With the universal rules, the page of 100,000 elements waited
 * about 200 ms after its parse where it waited 20 ms without the extension and 50 ms with it
 * and no sheet adopted (a heartbeat in the page, 7 alternating loads).
 *
 * A tag's rules cost more per element than the universal ones: on a page of 5,000 paragraphs,
 * `p::highlight` took 170-270 ms where the universal rules took 110-120. So past one element in
 * sixteen the universal rules are used instead (`TAG_SHARE_LIMIT`).
 */

export const TAG_SHARE_LIMIT = 1 / 16;

/** A tag written as a plain type selector; anything else (an XML prefix, an escape) goes universal. */
const PLAIN_TAG = /^[a-z][a-z0-9-]*$/;

/** How to count elements in the document: by tag, and all of them. */
export interface ElementCounts {
  ofTag(tag: string): number;
  all(): number;
}

/** The counts of a document's live collections (one native pass each, cached by the browser until the page changes). */
export function countsOf(document: Document): ElementCounts {
  return { ofTag: (tag) => document.getElementsByTagName(tag).length, all: () => document.getElementsByTagName('*').length };
}

/**
 * The tags to add rules for, given those already styled and the hosts now wanted; 'everywhere' when
 * universal rules are the cheaper (or the only correct) choice. Returns no tags when nothing is new.
 */
export function hostTagsToStyle(styled: ReadonlySet<string>, hosts: Iterable<Element>, counts: ElementCounts): readonly string[] | 'everywhere' {
  const fresh = new Set<string>();
  for (const host of hosts) if (!styled.has(host.localName)) fresh.add(host.localName);
  if (fresh.size === 0) return [];
  const tags = [...fresh];
  if (!tags.every((tag) => PLAIN_TAG.test(tag))) return 'everywhere';
  let elements = 0;
  for (const tag of [...styled, ...tags]) elements += counts.ofTag(tag);
  return elements > counts.all() * TAG_SHARE_LIMIT ? 'everywhere' : tags;
}

/**
 * The elements that hold text of this range themselves (a text node's parent): where highlights do
 * not inherit, these are the elements whose `::highlight()` style paints it.
 */
export function textHostsOf(range: Range): Element[] {
  const root = range.commonAncestorContainer;
  if (root.nodeType === 3 /* Node.TEXT_NODE */) return root.parentElement ? [root.parentElement] : [];
  const hosts = new Set<Element>();
  const walker = root.ownerDocument!.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement && range.intersectsNode(node)) hosts.add(node.parentElement);
  }
  return [...hosts];
}

/** The selector for one highlight name: on the given tags, or on any element. */
export function highlightSelector(name: string, tags: readonly string[] | 'everywhere'): string {
  return tags === 'everywhere' ? `::highlight(${name})` : tags.map((tag) => `${tag}::highlight(${name})`).join(', ');
}
