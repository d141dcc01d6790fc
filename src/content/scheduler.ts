/**
 * Runs long work in slices so the page's main thread is never blocked for long: a slice
 * runs until its time budget is spent, then yields (scheduler.yield where the browser has
 * it, a macrotask otherwise) and resumes. Budget 8 ms keeps every task far under 50 ms.
 */

export const SLICE_BUDGET_MS = 8;

interface Scheduler {
  yield?: () => Promise<void>;
}

export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** Drives a generator that pauses (yields) between small units of work. */
export async function runInSlices<T>(steps: Generator<void, T, void>, signal: AbortSignal, budgetMs = SLICE_BUDGET_MS): Promise<T> {
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
