/**
 * What the content script found on a page, as it travels to the background and popup.
 * The schema lives beside its type; the content script imports only the type, so zod
 * stays out of the script that runs on every page.
 */
import { z } from 'zod';
import type { ClaimStatus } from '../core/dataset/schema.ts';
import type { ClaimMatch } from '../core/engine/annotate.ts';

export const ClaimHitSchema = z.strictObject({
  /** claim: a dataset claim; event: a mention of a dataset event; detected: a claim the dataset does not hold. */
  tier: z.enum(['claim', 'event', 'detected']).default('claim'),
  /** The dataset claim (tier `claim` only). */
  claimId: z.string().optional(),
  /** The events the sentence is about (none for `detected`). */
  eventIds: z.array(z.string()),
  /** For `detected`: the nearest dataset events, a guess, never what it is about. */
  nearEventIds: z.array(z.string()).max(5).default([]),
  /** What the engine recognised (actor and concept ids, names, `y:<year>`). */
  evidence: z.array(z.string().max(200)).max(12).default([]),
  /** The exact page text of the matched span (trimmed to a sane length). */
  text: z.string().max(2000),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  confidence: z.number().min(0).max(1),
  /** Up to 32 characters of page text before and after, for W3C TextQuoteSelector export. */
  prefix: z.string().max(64).default(''),
  suffix: z.string().max(64).default(''),
});
export type ClaimHit = z.infer<typeof ClaimHitSchema>;

export const PageReportSchema = z.strictObject({
  url: z.string().max(4096),
  language: z.string().max(16),
  relevant: z.boolean(),
  score: z.number().min(0).max(1),
  reasons: z.array(z.string().max(500)).max(20),
  /** The same reasons as codes and values, so the popup can say them in the UI language. */
  reasonDetails: z.array(z.strictObject({ code: z.string().max(40), values: z.array(z.string().max(300)).max(5) })).max(20).default([]),
  claims: z.array(ClaimHitSchema).max(500),
  actors: z.array(z.strictObject({ actorId: z.string(), name: z.string().max(200), mentions: z.number().int().nonnegative() })).max(200),
  dates: z.array(z.strictObject({ text: z.string().max(200), date: z.string().max(32) })).max(200),
  related: z.array(z.string()).max(100),
  publishedDate: z.string().max(32).optional(),
  durationMs: z.number().nonnegative(),
});
export type PageReport = z.infer<typeof PageReportSchema>;

/**
 * What the background's engine answers a content script: each highlight item exactly as the
 * engine made it (whatever fields it carries), with block offsets the page maps back to DOM
 * ranges and, for dataset claims, the claim's status (for the underline's shape).
 */
export type PaintItem = ClaimMatch & { readonly status?: ClaimStatus };

export interface PagePaint {
  readonly relevant: boolean;
  readonly highlights: readonly PaintItem[];
  /** Actor mentions in article text (asked for by the actor-highlights setting). */
  readonly actorSpans: readonly { readonly blockIndex: number; readonly start: number; readonly end: number }[];
  /** The page's report, when asked for: the content script passes it on (`page-report`) after painting. */
  readonly report?: PageReport;
}

/**
 * Either the paint, or what the background lacks (it restarted): the hashes of blocks whose text it does not have, or
 * (`restage`) the first blocks' order of a long page, lost between its `lens-order` parts and its `lens-annotate`.
 * The content script sends them and asks again.
 */
export type AnnotateReply = { readonly paint: PagePaint } | { readonly missing: readonly number[]; readonly restage?: true };
