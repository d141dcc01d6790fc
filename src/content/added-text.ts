/**
 * The text a batch of mutations brought into the page: added nodes and changed text. A page that failed the
 * pre-check can only become an article through new text, so only that text is looked at first (a ticking clock
 * brings "16:42", never a name), and the whole page is pre-checked again only when it names a side.
 */
import type { MutationLike } from './reread-policy.ts';

export interface TextMutation extends MutationLike {
  readonly type: string;
}

/** The new text of `records`, at most `limit` characters; `null` when there was more (check the whole page). */
export function addedText(records: readonly TextMutation[], limit: number): string | null {
  const parts: string[] = [];
  let length = 0;
  const add = (text: string | null) => {
    if (!text) return true;
    parts.push(text);
    length += text.length;
    return length <= limit;
  };
  for (const record of records) {
    if (record.type === 'characterData' && !add(record.target.textContent)) return null;
    for (const node of Array.from(record.addedNodes)) if (!add(node.textContent)) return null;
  }
  return parts.join('\u0001');
}
