/**
 * The messages the extension's parts exchange. Every listener takes `unknown`, parses it
 * here, then switches on `type`; replies are `{ ok: true, value } | { ok: false, error }`
 * values, never thrown errors (10ten's and Hypothesis' pattern).
 */
import { z } from 'zod';
import { PageReportSchema } from './report.ts';
import { SettingsSchema } from './settings.ts';

/**
 * Messages only the e2e tests use (`ping`; the content script's `lens-state` and `stop-lens`,
 * and the `page-cleared` that follows it). They exist only in builds made with
 * LENS_TEST_MESSAGES=1 (`npm run build:e2e`); a shipped build has no such handlers.
 */
const TestMessageSchemas = __LENS_TEST_MESSAGES__ ? [z.strictObject({ type: z.literal('ping') }), z.strictObject({ type: z.literal('page-cleared') })] as const : ([] as const);

export const RuntimeMessageSchema = z.discriminatedUnion('type', [
  ...TestMessageSchemas,
  z.strictObject({ type: z.literal('page-report'), report: PageReportSchema }),
  z.strictObject({ type: z.literal('get-report'), tabId: z.number().int().nonnegative() }),
  z.strictObject({ type: z.literal('get-settings') }),
  // A patch, never the whole settings: what another page changed meanwhile is kept.
  z.strictObject({
    type: z.literal('save-settings'),
    patch: z.strictObject({
      set: SettingsSchema.omit({ version: true, disabledSites: true }).partial().optional(),
      sites: z.record(z.string().max(253), z.boolean()).optional(),
    }),
  }),
  z.strictObject({ type: z.literal('set-site-enabled'), hostname: z.string().min(1).max(253), enabled: z.boolean() }),
  // No host name in it: the background takes the page from the sender the browser reports.
  z.strictObject({ type: z.literal('get-page-settings') }),
  z.strictObject({ type: z.literal('get-engine-data') }),
  z.strictObject({ type: z.literal('run-command'), tabId: z.number().int().nonnegative(), command: z.enum(['next-claim', 'previous-claim']) }),
  // A card's "See on the timeline": the event id goes into an extension URL, so only an id's shape is accepted.
  z.strictObject({ type: z.literal('open-timeline'), eventId: z.string().max(120).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).optional() }),
]);
export type RuntimeMessage = z.infer<typeof RuntimeMessageSchema>;

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): Reply<T> => ({ ok: true, value });
export const fail = (error: string): Reply<never> => ({ ok: false, error });

export function replySchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), value }),
    z.strictObject({ ok: z.literal(false), error: z.string() }),
  ]);
}

/** Messages the background or popup send to a tab's content script. */
export type TabMessage =
  | { type: 'navigate-claim'; direction: 1 | -1 }
  | { type: 'focus-claim'; claimId: string; start: number }
  | { type: 'stop-lens' }
  | { type: 'lens-state' };

/** What the content script reports about itself when asked (popup, tests). */
export interface LensState {
  readonly highlighted: number;
  readonly focusedIndex: number;
  readonly openClaimId: string | null;
  /** How many times the lens has read the page (tests: our own nodes must cause no re-read). */
  readonly reads: number;
  /** The tag of the focused element inside the card, null when focus is elsewhere (tests: keyboard reach). */
  readonly cardFocus: string | null;
}
