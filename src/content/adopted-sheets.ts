/**
 * Adopting a style sheet into a document or shadow root, and dropping it again. Firefox ESR 140 hands a content
 * script the page's `adoptedStyleSheets` through a wrapper it can neither iterate nor assign ("Accessing from Xray
 * wrapper is not supported"): the lens's sheet was never adopted there and its highlights had no style. Where the
 * standard way throws so, the page's own list is changed in place (`wrappedJSObject`, Firefox's way for a content
 * script to reach the page's object); a page that has tampered with it only loses our styling.
 */

/** Firefox's content scripts: the object as the page sees it, and the wrapper of a page object as this world sees it. */
type Waivable<T> = T & { wrappedJSObject?: T };
declare const XPCNativeWrapper: (<T>(object: T) => T) | undefined;

/** The sheets adopted by `owner`, as a plain array of this world. */
function sheetsOf(owner: DocumentOrShadowRoot): CSSStyleSheet[] {
  const adopted = owner.adoptedStyleSheets;
  const sheets: CSSStyleSheet[] = [];
  for (let index = 0; index < adopted.length; index++) sheets.push(adopted[index]!);
  return sheets;
}

export function adoptSheet(owner: Waivable<DocumentOrShadowRoot>, sheet: CSSStyleSheet): void {
  try {
    owner.adoptedStyleSheets = [...sheetsOf(owner), sheet];
  } catch (error) {
    if (!owner.wrappedJSObject) throw error;
    owner.wrappedJSObject.adoptedStyleSheets.push(sheet);
  }
}

export function dropSheet(owner: Waivable<DocumentOrShadowRoot>, sheet: CSSStyleSheet): void {
  try {
    owner.adoptedStyleSheets = sheetsOf(owner).filter((adopted) => adopted !== sheet);
  } catch (error) {
    if (!owner.wrappedJSObject || typeof XPCNativeWrapper !== 'function') throw error;
    const adopted = owner.wrappedJSObject.adoptedStyleSheets;
    // The page's list holds the page's own view of each sheet; seen from here again, ours is the same wrapper.
    for (let index = adopted.length - 1; index >= 0; index--) if (XPCNativeWrapper(adopted[index]) === sheet) adopted.splice(index, 1);
  }
}
