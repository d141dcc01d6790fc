/**
 * The messages the extension's parts exchange. Every listener takes `unknown`, parses it
 * here, then switches on `type`; replies are `{ ok: true, value } | { ok: false, error }`
 * values, never thrown errors (10ten's and Hypothesis' pattern).
 */
import { z } from 'zod';
import { PageReportSchema } from './report.ts';
export { BLOCK_KIND_CODES } from './block-kinds.ts';
import { SettingsSchema } from './settings.ts';
import { MAX_ORDER_PER_MESSAGE, MAX_TEXTS_PER_MESSAGE } from './message-limits.ts';
export { MAX_ORDER_PER_MESSAGE, MAX_TEXTS_PER_MESSAGE } from './message-limits.ts';

/** One reading session of one document (a random id the content script picks): the background keeps its block texts. */
const SessionSchema = z.string().min(8).max(64);

/** Cut by extract-blocks at 10,000 characters; the schema leaves room and no more. */
export const MAX_BLOCK_TEXT = 20_000;
export const MAX_BLOCKS = 200_000;

/** A block's text, sent once: later readings name it by its hash (see content/block-hash.ts). */
const BlockTextSchema = z.strictObject({ hash: z.number().int().nonnegative(), text: z.string().max(MAX_BLOCK_TEXT) });

const HashSchema = z.number().int().nonnegative();
/** BLOCK_KIND_CODES, one per block. */
const KindsSchema = z.string().regex(/^[hpltcqo]*$/);
/** "1" for page furniture (navigation, related links), "0" otherwise, one per block. */
const BoilerplateSchema = z.string().regex(/^[01]*$/);
const oneLetterPerBlock = { message: 'kinds and boilerplate need one letter per block' };
const oneLetterEach = (message: { hashes: readonly number[]; kinds: string; boilerplate: string }) =>
  message.kinds.length === message.hashes.length && message.boilerplate.length === message.hashes.length;

/**
 * A part of a long page's block order (the first blocks, from `start`), sent ahead of its
 * `lens-annotate` so that no message names more than MAX_ORDER_PER_MESSAGE blocks.
 */
export const LensOrderSchema = z
  .strictObject({
    type: z.literal('lens-order'),
    session: SessionSchema,
    start: z.number().int().nonnegative().max(MAX_BLOCKS),
    hashes: z.array(HashSchema).max(MAX_ORDER_PER_MESSAGE),
    kinds: KindsSchema.max(MAX_ORDER_PER_MESSAGE),
    boilerplate: BoilerplateSchema.max(MAX_ORDER_PER_MESSAGE),
  })
  .refine(oneLetterEach, oneLetterPerBlock);
export type LensOrder = z.infer<typeof LensOrderSchema>;

/**
 * "Annotate this page": its blocks, in order, by hash, and what the page says about itself. The engine's answer is a
 * `PagePaint`. The texts the background lacks come with it (`texts`) where they fit in one message, else before it in
 * `lens-texts`. On a long page the first `staged` blocks went ahead in `lens-order` parts; `hashes` are the rest.
 */
export const LensAnnotateSchema = z
  .strictObject({
    type: z.literal('lens-annotate'),
    session: SessionSchema,
    staged: z.number().int().nonnegative().max(MAX_BLOCKS).optional(),
    texts: z.array(BlockTextSchema).max(MAX_TEXTS_PER_MESSAGE).optional(),
    hashes: z.array(HashSchema).max(MAX_BLOCKS),
    kinds: KindsSchema.max(MAX_BLOCKS),
    boilerplate: BoilerplateSchema.max(MAX_BLOCKS),
    page: z.strictObject({
      url: z.string().max(4096),
      title: z.string().max(500),
      declaredLanguage: z.string().max(35).optional(),
      publishedDate: z.string().max(64).optional(),
    }),
    minConfidence: z.number().min(0).max(1),
    actorSpans: z.boolean(),
    /** Frames read for their own highlights do not replace the page's report. */
    report: z.boolean(),
  })
  .refine(oneLetterEach, oneLetterPerBlock);
export type LensAnnotate = z.infer<typeof LensAnnotateSchema>;

const IdListSchema = z.array(z.string().max(200)).max(50);

/** What the card needs of an event mention or detected claim to ask for its details (see shared/highlight-details.ts). */
const HighlightRefSchema = z.object({ tier: z.enum(['claim', 'event', 'detected']), eventIds: IdListSchema, nearEventIds: IdListSchema, evidence: IdListSchema });

/**
 * Messages only the e2e tests use (`ping`; the content script's `lens-state` and `stop-lens`,
 * and the `page-cleared` that follows it; `page-unread`, which tells the tests that a page failed the pre-check,
 * since a shipped content script then sends nothing). They exist only in builds made with
 * LENS_TEST_MESSAGES=1 (`npm run build:e2e`); a shipped build has no such handlers.
 */
const TestMessageSchemas = __LENS_TEST_MESSAGES__
  ? ([z.strictObject({ type: z.literal('ping') }), z.strictObject({ type: z.literal('page-cleared') }), z.strictObject({ type: z.literal('page-unread') })] as const)
  : ([] as const);

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
  // A page passed the pre-check (or is to be read beyond its document): the background injects the reader into it.
  z.strictObject({ type: z.literal('read-page') }),
  // No host name in it: the background takes the page from the sender the browser reports.
  z.strictObject({ type: z.literal('get-page-settings') }),
  z.strictObject({ type: z.literal('lens-texts'), session: SessionSchema, texts: z.array(BlockTextSchema).max(MAX_TEXTS_PER_MESSAGE) }),
  LensOrderSchema,
  LensAnnotateSchema,
  z.strictObject({ type: z.literal('claim-details'), claimIds: z.array(z.string().max(200)).min(1).max(20) }),
  // The hover card's stylesheet, asked for when the first card opens (it stays out of the script every page loads).
  z.strictObject({ type: z.literal('card-style') }),
  z.strictObject({ type: z.literal('mention-details'), highlight: HighlightRefSchema }),
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
  /** The settings changed: the page's reader asks for its own again (the background listens to storage for it). */
  | { type: 'settings-changed' }
  | { type: 'stop-lens' }
  | { type: 'lens-state' };

/** What the content script reports about itself when asked (popup, tests). */
export interface LensState {
  readonly highlighted: number;
  readonly focusedIndex: number;
  readonly openClaimId: string | null;
  /** performance.now() in the page when the content script started, and when it first painted a highlight. */
  readonly scriptStartedAt?: number;
  readonly firstPaintAt: number | null;
  /** How many times the lens has read the page (tests: our own nodes must cause no re-read). */
  readonly reads: number;
  /** The tag of the focused element inside the card, null when focus is elsewhere (tests: keyboard reach). */
  readonly cardFocus: string | null;
  /** The open card's position line as shown ("Highlight 2 of 9"), null when no card is open (tests: one count). */
  readonly cardPosition?: string | null;
}
