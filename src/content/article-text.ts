/**
 * Where on a page a name counts: in its prose (`isArticleText`), and inside which article (`articleRegion`). The
 * pre-check asks this only of the few text nodes that hold a name.
 */

/** Elements whose text is not read as prose. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SVG', 'MATH', 'CANVAS', 'IFRAME', 'OBJECT', 'VIDEO', 'AUDIO', 'SELECT', 'CODE']);

/** Is no text inside this element prose (a script, a style, a form field, an embedded object)? */
export const holdsNoProse = (element: Element): boolean => SKIPPED.has(element.tagName.toUpperCase());

/**
 * Is this text node prose of the page? Not inside a script, style, form field or embedded object, and not in a
 * link outside a paragraph (teasers, navigation, "related stories": a sidebar link naming both countries is not
 * an article about them). Links inside paragraphs count, since articles link names in running text.
 */
export function isArticleText(node: Node, root: Node): boolean {
  let inLink = false;
  for (let element = node.parentElement; element && element !== root.parentNode; element = element.parentElement) {
    if (holdsNoProse(element)) return false;
    const tag = element.tagName.toUpperCase();
    if (tag === 'A') inLink = true;
    else if (tag === 'P' && inLink) return true;
  }
  return !inLink;
}

/** Roles that mark a page's main content. */
const MAIN_ROLES = new Set(['main', 'article']);

/**
 * The outermost `<article>`, `<main>` (or element with their role) around `node`, below `root`: the article a name
 * lies in. Outermost, so a live blog's many posts inside one `<main>` are read together. Null outside any.
 */
export function articleRegion(node: Node, root: Element): Element | null {
  let region: Element | null = null;
  for (let element = node.parentElement; element && element !== root; element = element.parentElement) {
    const tag = element.tagName.toUpperCase();
    if (tag === 'ARTICLE' || tag === 'MAIN' || MAIN_ROLES.has(element.getAttribute('role') ?? '')) region = element;
  }
  return region;
}
