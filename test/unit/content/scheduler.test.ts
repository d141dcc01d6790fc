import { describe, expect, it, vi } from 'vitest';
import { whenShown } from '../../../src/content/scheduler.ts';

/** A document stand-in that Chrome may be prerendering. */
function documentThat(prerendering: boolean | undefined): Document & { show(): void } {
  const events = new EventTarget();
  const document = Object.assign(events, {
    prerendering,
    show() {
      document.prerendering = false;
      events.dispatchEvent(new Event('prerenderingchange'));
    },
  });
  return document as unknown as Document & { show(): void };
}

describe('whenShown', () => {
  it('runs at once for a document its tab shows (and where the browser knows no prerendering)', () => {
    for (const prerendering of [false, undefined]) {
      const then = vi.fn();
      whenShown(documentThat(prerendering), then);
      expect(then).toHaveBeenCalledTimes(1);
    }
  });

  it('waits for a prerendered page to be shown, then runs once', () => {
    const document = documentThat(true);
    const then = vi.fn();
    whenShown(document, then);
    expect(then).not.toHaveBeenCalled();
    document.show();
    document.dispatchEvent(new Event('prerenderingchange'));
    expect(then).toHaveBeenCalledTimes(1);
  });
});
