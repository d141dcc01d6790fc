/** What the "add a site" field accepts: a host pattern, or a pasted address whose host is taken. */
import { SitePatternSchema } from '../shared/settings.ts';

export const MAX_DISABLED_SITES = 1000;

export type SiteInputResult =
  | { readonly ok: true; readonly pattern: string }
  | { readonly ok: false; readonly error: 'empty' | 'invalid' | 'duplicate' | 'full'; readonly pattern: string };

/** `https://www.example.com/news/1` → `www.example.com`; anything else is returned trimmed. */
function hostOfAddress(input: string): string {
  const trimmed = input.trim();
  if (!/^https?:\/\//i.test(trimmed)) return trimmed;
  try {
    return new URL(trimmed).hostname;
  } catch {
    return trimmed;
  }
}

export function parseSiteInput(input: string, existing: readonly string[]): SiteInputResult {
  const candidate = hostOfAddress(input).replace(/\.$/, '');
  if (!candidate) return { ok: false, error: 'empty', pattern: '' };
  const parsed = SitePatternSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, error: 'invalid', pattern: candidate };
  if (existing.includes(parsed.data)) return { ok: false, error: 'duplicate', pattern: parsed.data };
  if (existing.length >= MAX_DISABLED_SITES) return { ok: false, error: 'full', pattern: parsed.data };
  return { ok: true, pattern: parsed.data };
}
