/**
 * An orphaned content script (issue 12, item 5): the extension was reloaded, updated or removed
 * while the tab stayed open. The watch must notice at the next sign of life, clean up once, and
 * stop listening; a failed message that says the context is invalidated counts too.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extensionAlive } from '../../../src/content/extension-api.ts';
import { isInvalidatedContext, watchForOrphaning } from '../../../src/content/orphan-watch.ts';

function setUp() {
  const target = new EventTarget();
  const alive = { value: true };
  const isAlive = vi.fn(() => alive.value);
  const onOrphaned = vi.fn();
  const watch = watchForOrphaning(target, isAlive, onOrphaned);
  return { target, alive, isAlive, onOrphaned, watch };
}

describe('watchForOrphaning', () => {
  it('does nothing while the extension is there', () => {
    const { target, isAlive, onOrphaned, watch } = setUp();
    target.dispatchEvent(new Event('pointermove'));
    target.dispatchEvent(new Event('visibilitychange'));
    expect(isAlive).toHaveBeenCalledTimes(2);
    expect(watch.check()).toBe(true);
    expect(onOrphaned).not.toHaveBeenCalled();
  });

  it('cleans up once at the first sign of life after the extension went, then stops listening', () => {
    const { target, alive, isAlive, onOrphaned, watch } = setUp();
    alive.value = false;
    target.dispatchEvent(new Event('keydown'));
    expect(onOrphaned).toHaveBeenCalledTimes(1);
    const asked = isAlive.mock.calls.length;
    target.dispatchEvent(new Event('pointermove'));
    target.dispatchEvent(new Event('scroll'));
    expect(isAlive).toHaveBeenCalledTimes(asked);
    expect(watch.check()).toBe(false);
    expect(onOrphaned).toHaveBeenCalledTimes(1);
  });

  it('takes a message failing with "Extension context invalidated" as the extension gone, other failures not', () => {
    const { onOrphaned, watch } = setUp();
    watch.failed(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(onOrphaned).not.toHaveBeenCalled();
    watch.failed(new Error('Extension context invalidated.'));
    expect(onOrphaned).toHaveBeenCalledTimes(1);
    expect(watch.check()).toBe(false);
  });

  it('recognises the invalidated-context error however it is wrapped', () => {
    expect(isInvalidatedContext(new Error('Extension context invalidated.'))).toBe(true);
    expect(isInvalidatedContext('Error: Extension context invalidated.')).toBe(true);
    expect(isInvalidatedContext(new Error('The message port closed before a response was received.'))).toBe(false);
  });
});

describe('extensionAlive', () => {
  const scope = globalThis as { chrome?: unknown; browser?: unknown };
  afterEach(() => {
    delete scope.chrome;
    delete scope.browser;
  });

  it('is true while runtime.id is there, false once the browser took it away', () => {
    const runtime: { id?: string } = { id: 'abcdefghijklmnopabcdefghijklmnop' };
    scope.chrome = { runtime };
    expect(extensionAlive()).toBe(true);
    delete runtime.id;
    expect(extensionAlive()).toBe(false);
  });

  it('is false when reading the runtime throws, or there is none', () => {
    scope.chrome = {
      get runtime() {
        throw new Error('Extension context invalidated.');
      },
    };
    expect(extensionAlive()).toBe(false);
    delete scope.chrome;
    expect(extensionAlive()).toBe(false);
  });
});
