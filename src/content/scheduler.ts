/**
 * Runs long work in slices so the page's main thread is never blocked for long: a slice
 * runs until its time budget is spent, then yields and resumes. Budget 8 ms keeps every task far under 50 ms.
 */

export const SLICE_BUDGET_MS = 8;

/**
 * Resumes in a timer task, queued behind the page's own work. Not `scheduler.yield()`: its continuations run ahead
 * of the page's queued tasks, so a long reading in slices starved the page's timers as if it were one task (Firefox,
 * 100,000 elements: the page's longest gap grew by about 100 ms; with timers, by nothing). A message to ourselves
 * (a `MessageChannel`) did better than that but still held the page's timers back now and then. Nested timers wait
 * at least 4 ms after the fifth: a large page's reading takes longer, and the page keeps its turns.
 */
export function yieldToMain(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** What work in slices asks of its signal: an `AbortSignal`, or a plain object where nothing will cancel it. */
export interface Cancellation {
  readonly aborted: boolean;
}

/** Work nothing cancels: a page's first pre-check, which then needs no `AbortController` (one DOM interface less to set up). */
export const NOT_CANCELLED: Cancellation = { aborted: false };

/** Drives a generator that pauses (yields) between small units of work. */
export async function runInSlices<T>(steps: Generator<void, T, void>, signal: Cancellation, budgetMs = SLICE_BUDGET_MS): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    if (signal.aborted) throw new Cancelled();
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart > budgetMs) {
      await yieldToMain();
      sliceStart = performance.now();
    }
  }
}

/** Longest wait for a frame (a page may stop painting, e.g. while its window is covered). */
const FRAME_WAIT_LIMIT_MS = 100;

/**
 * Resolves once the page has painted its next frame (or at once in a hidden tab, which paints none). Asking the
 * layout engine about visibility before the page's first frame forces its whole style and layout in our task: on a
 * page of 100,000 elements Firefox then blocks for over 100 ms. After the frame, the same question costs little.
 */
export function afterNextPaint(document: Document): Promise<void> {
  const view = document.defaultView;
  if (document.visibilityState === 'hidden' || !view) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(limit);
      resolve();
    };
    const limit = setTimeout(done, FRAME_WAIT_LIMIT_MS);
    view.requestAnimationFrame(() => setTimeout(done, 0));
  });
}

/**
 * Runs `then` once the document is the one its tab shows: at once, or, for a page Chrome prerenders (content scripts
 * run there before the reader ever sees it), when it is shown.
 */
export function whenShown(document: Document, then: () => void): void {
  if ((document as Document & { prerendering?: boolean }).prerendering === true) document.addEventListener('prerenderingchange', then, { once: true });
  else then();
}
