/**
 * Finds the text node that holds an index of a subtree's text (its `textContent`, every text node's data run
 * together), by the nodes' lengths alone: no node's text is read. Indices must rise; the cursor only moves on.
 */

/** Text nodes passed between two chances to yield (a page of 100,000 elements must not block). */
const NODES_PER_STEP = 5_000;

/**
 * How much nearer the end than the cursor an index must lie for the walk to start from the end. Walking back is
 * done by hand (sibling and parent links), several times slower a node than a `TreeWalker` going forward (about
 * 2–9× in Chromium): worth it only for an index near the end, such as a link in a page's footer or language list.
 */
const FROM_THE_END = 8;

export interface TextPosition {
  readonly node: CharacterData;
  /** Where the node's data starts in the subtree's text. */
  readonly start: number;
}

export class TextCursor {
  private readonly walker: TreeWalker;
  private node: CharacterData | null;
  private start = 0;
  /** Once the cursor has come from the end, it goes on by hand: a `TreeWalker` cannot be set down there everywhere. */
  private byHand = false;
  private passed = 0;

  /** `length`: the subtree's text length, as read (`textContent.length`). */
  constructor(
    private readonly root: Node,
    private readonly length: number,
  ) {
    this.walker = root.ownerDocument!.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    // A text root is its own only node: a walker rooted at it shows none.
    this.node = (isText(root) ? root : this.walker.nextNode()) as CharacterData | null;
  }

  /** The node holding `index`, or null if the subtree's text is shorter than the length read. Yields now and then. */
  *seek(index: number): Generator<void, TextPosition | null, void> {
    if (!this.byHand && this.node && index - this.start > FROM_THE_END * (this.length - index)) yield* this.comeFromTheEnd(index);
    while (this.node && this.start + this.node.length <= index) {
      this.start += this.node.length;
      this.node = this.byHand ? nextText(this.node, this.root) : (this.walker.nextNode() as CharacterData | null);
      if (++this.passed % NODES_PER_STEP === 0) yield;
    }
    return this.node ? { node: this.node, start: this.start } : null;
  }

  /** Walks back from the last text node to the one holding `index`. */
  private *comeFromTheEnd(index: number): Generator<void, void, void> {
    this.byHand = true;
    let node = lastText(this.root);
    let start = this.length - (node?.length ?? 0);
    while (node && start > index) {
      node = previousText(node, this.root);
      start -= node?.length ?? 0;
      if (++this.passed % NODES_PER_STEP === 0) yield;
    }
    // Lengths that no longer add up (the page changed since its text was read) may pass the start: the caller sees the end.
    if (!node || start < 0) [this.node, this.start] = [null, this.length];
    else [this.node, this.start] = [node, start];
  }
}

const isText = (node: Node): node is CharacterData => node.nodeType === 3; /* Node.TEXT_NODE */

/** The last text node in `root` (itself, if it is one), or null. */
function lastText(root: Node): CharacterData | null {
  let node = root;
  while (node.lastChild) node = node.lastChild;
  return isText(node) ? node : previousText(node, root);
}

/** The text node before `node` in `root`, in document order, or null. */
function previousText(node: Node, root: Node): CharacterData | null {
  for (let at = node; at !== root; ) {
    const previous = at.previousSibling;
    if (!previous) {
      // The parent comes before its children, and is no text: go on from it.
      if (!at.parentNode) return null;
      at = at.parentNode;
      continue;
    }
    at = previous;
    while (at.lastChild) at = at.lastChild;
    if (isText(at)) return at;
  }
  return null;
}

/** The text node after `node` in `root`, in document order, or null. */
function nextText(node: Node, root: Node): CharacterData | null {
  for (let at: Node = node; ; ) {
    let next = at.firstChild;
    while (!next) {
      if (at === root || !at.parentNode) return null;
      next = at.nextSibling;
      if (!next) at = at.parentNode;
    }
    at = next;
    if (isText(at)) return at;
  }
}
