import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as PolicyModule from '../../../src/content/reread-policy.ts';
import { watchUntilItNamesBothSides } from '../../../src/content/unread-watch.ts';

/** How many re-read policies the watch has made: it makes one at the page's first change, none before. */
const policies = vi.hoisted(() => ({ made: 0 }));
vi.mock('../../../src/content/reread-policy.ts', async (importOriginal) => {
  const original = await importOriginal<typeof PolicyModule>();
  class CountedPolicy extends original.RereadPolicy {
    constructor(...args: ConstructorParameters<typeof original.RereadPolicy>) {
      super(...args);
      policies.made += 1;
    }
  }
  return { ...original, RereadPolicy: CountedPolicy };
});

/** A page naming only Iran, whose visibility the test sets. */
function page(): { document: Document; show(visible: boolean): void } {
  const { document, MutationObserver, Event } = parseHTML('<!doctype html><html><head><title>t</title></head><body><p>Iran alone</p></body></html>');
  // The watch observes with the global constructor, as in a page.
  vi.stubGlobal('MutationObserver', MutationObserver);
  let state: DocumentVisibilityState = 'visible';
  Object.defineProperty(document, 'visibilityState', { get: () => state });
  return {
    document: document as unknown as Document,
    show(visible) {
      state = visible ? 'visible' : 'hidden';
      document.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

/** Lets the watch's timers and the mutation observer's callbacks run, `ms` of fake time in steps. */
async function pass(ms: number): Promise<void> {
  for (let elapsed = 0; elapsed < ms; elapsed += 100) await vi.advanceTimersByTimeAsync(100);
}

describe('the watch over a page that failed the pre-check', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('reads a page that comes to name both sides, and waits while it is hidden until it shows again', async () => {
    vi.useFakeTimers();
    const { document, show } = page();
    const passed = vi.fn();
    watchUntilItNamesBothSides(document, { isAlive: () => true, onFailed: () => undefined, onPassed: passed });
    show(false);
    const paragraph = document.createElement('p');
    paragraph.textContent = 'Russia too';
    document.body.append(paragraph);
    await pass(5_000);
    expect(passed).not.toHaveBeenCalled();
    show(true);
    await pass(5_000);
    expect(passed).toHaveBeenCalledTimes(1);
  });

  it('reads a page in view without being told of its visibility', async () => {
    vi.useFakeTimers();
    const { document } = page();
    const listen = vi.spyOn(document, 'addEventListener');
    const passed = vi.fn();
    watchUntilItNamesBothSides(document, { isAlive: () => true, onFailed: () => undefined, onPassed: passed });
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Russia too' }));
    await pass(5_000);
    expect(passed).toHaveBeenCalledTimes(1);
    expect(listen).not.toHaveBeenCalledWith('visibilitychange', expect.anything(), expect.anything());
  });

  it('sets up the watch proper only at the page’s first change: a page that never changes compiles none of it', async () => {
    vi.useFakeTimers();
    const { document } = page();
    const passed = vi.fn();
    policies.made = 0;
    watchUntilItNamesBothSides(document, { isAlive: () => true, onFailed: () => undefined, onPassed: passed });
    await pass(5_000);
    expect(policies.made).toBe(0);
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Russia too' }));
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'and more' }));
    await pass(5_000);
    expect(policies.made).toBe(1);
    expect(passed).toHaveBeenCalledTimes(1);
  });
});
