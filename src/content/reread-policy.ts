/**
 * When the lens re-reads a page that keeps changing. A plain debounce starves: a page that
 * changes faster than the quiet period (a clock, a ticker, "3 seconds ago") would never be
 * re-read. So the policy waits for a quiet moment, but never longer than `maxWaitMs` after
 * the first unread change, and never reads more often than once per `minIntervalMs`. While
 * the tab is hidden nothing is read; changes made meanwhile are read once it shows again.
 * Pure timing logic (timers and clock injected), so it is tested with fake timers.
 */

export interface RereadTiming {
  /** Read once the page has been quiet this long... */
  readonly quietMs: number;
  /** ...but never later than this after the first unread change, however busy the page. */
  readonly maxWaitMs: number;
  /** And never sooner than this after the previous read began. */
  readonly minIntervalMs: number;
}

export const DEFAULT_REREAD_TIMING: RereadTiming = { quietMs: 600, maxWaitMs: 3_000, minIntervalMs: 2_000 };

export interface RereadPolicyOptions {
  readonly timing?: RereadTiming;
  /** Is the page hidden (a background tab)? Hidden pages are not read. */
  readonly isHidden: () => boolean;
  /** Does the re-read. */
  readonly read: () => void;
  readonly now?: () => number;
  readonly setTimer?: (callback: () => void, ms: number) => unknown;
  readonly clearTimer?: (timer: unknown) => void;
}

export class RereadPolicy {
  private readonly timing: RereadTiming;
  private readonly now: () => number;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;
  private timer: unknown = undefined;
  /** When the oldest unread change happened, or null when everything has been read. */
  private pendingSince: number | null = null;
  private lastChangeAt = 0;
  private lastReadAt = Number.NEGATIVE_INFINITY;
  private stopped = false;

  constructor(private readonly options: RereadPolicyOptions) {
    this.timing = options.timing ?? DEFAULT_REREAD_TIMING;
    this.now = options.now ?? (() => performance.now());
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  }

  /** Whether a change is waiting to be read. */
  get pending(): boolean {
    return this.pendingSince !== null;
  }

  /** The page changed (in a way that is not ours). */
  changed(): void {
    if (this.stopped) return;
    const now = this.now();
    this.lastChangeAt = now;
    this.pendingSince ??= now;
    this.schedule();
  }

  /** A read happened by other means (the first read, a navigation): the clock restarts from it. */
  readDone(): void {
    this.lastReadAt = this.now();
  }

  /** The page was shown or hidden. */
  visibilityChanged(): void {
    if (this.stopped) return;
    if (this.options.isHidden()) {
      this.cancelTimer();
      return;
    }
    if (this.pendingSince !== null) this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.pendingSince = null;
    this.cancelTimer();
  }

  /** Milliseconds until the pending change should be read (0: now). */
  private delay(): number {
    const now = this.now();
    const { quietMs, maxWaitMs, minIntervalMs } = this.timing;
    const quietAt = this.lastChangeAt + quietMs;
    const deadline = (this.pendingSince ?? now) + maxWaitMs;
    const earliest = this.lastReadAt + minIntervalMs;
    return Math.max(0, Math.max(Math.min(quietAt, deadline), earliest) - now);
  }

  private schedule(): void {
    // One timer at a time: a page mutating every few ms must not cost a timer per mutation.
    if (this.pendingSince === null || this.timer !== undefined || this.options.isHidden()) return;
    this.timer = this.setTimer(() => this.fire(), this.delay());
  }

  private fire(): void {
    this.timer = undefined;
    if (this.stopped || this.pendingSince === null) return;
    if (this.options.isHidden()) return; // visibilityChanged() picks it up when the tab shows
    const wait = this.delay();
    if (wait > 0) {
      // More changes came in since the timer was set: wait for the quiet period, up to the deadline.
      this.timer = this.setTimer(() => this.fire(), wait);
      return;
    }
    this.pendingSince = null;
    this.lastReadAt = this.now();
    this.options.read();
  }

  private cancelTimer(): void {
    if (this.timer === undefined) return;
    this.clearTimer(this.timer);
    this.timer = undefined;
  }
}

/** The part of a MutationRecord the policy looks at (so tests can build records by hand). */
export interface MutationLike {
  readonly target: Node;
  readonly addedNodes: ArrayLike<Node>;
  readonly removedNodes: ArrayLike<Node>;
}

/**
 * Is this mutation only about our own nodes? Appending or removing the card's host changes
 * the body's child list (the target is the page's body), so the added and removed nodes are
 * checked too, not only the target.
 */
export function isOwnMutation(record: MutationLike, isOwn: (node: Node) => boolean): boolean {
  if (isOwn(record.target)) return true;
  const touched = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  return touched.length > 0 && touched.every(isOwn);
}

/** True when at least one record is about the page's own content. */
export function pageChanged(records: readonly MutationLike[], isOwn: (node: Node) => boolean): boolean {
  return records.some((record) => !isOwnMutation(record, isOwn));
}
