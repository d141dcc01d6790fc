import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isOwnMutation, pageChanged, RereadPolicy, type MutationLike } from '../../../src/content/reread-policy.ts';

const timing = { quietMs: 600, maxWaitMs: 3_000, minIntervalMs: 2_000 };

function policy(hidden = { value: false }) {
  const reads: number[] = [];
  const lens = new RereadPolicy({
    timing,
    isHidden: () => hidden.value,
    read: () => reads.push(Date.now()),
    now: () => Date.now(),
  });
  return { lens, reads, hidden };
}

describe('RereadPolicy', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 100_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads once after a quiet period, not once per change', () => {
    const { lens, reads } = policy();
    lens.changed();
    vi.advanceTimersByTime(100);
    lens.changed();
    vi.advanceTimersByTime(100);
    lens.changed();
    expect(reads).toEqual([]);
    vi.advanceTimersByTime(599);
    expect(reads).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(reads).toEqual([100_800]);
    vi.advanceTimersByTime(10_000);
    expect(reads).toHaveLength(1);
  });

  it('is never starved by a page that changes faster than the quiet period', () => {
    const { lens, reads } = policy();
    // A ticker: a change every 15 ms for 20 s.
    for (let elapsed = 0; elapsed < 20_000; elapsed += 15) {
      lens.changed();
      vi.advanceTimersByTime(15);
    }
    // Read at the maximum wait, then at most once per maximum wait after that.
    expect(reads.length).toBeGreaterThanOrEqual(6);
    expect(reads.length).toBeLessThanOrEqual(7);
    expect(reads[0]).toBe(100_000 + 3_000);
    for (let i = 1; i < reads.length; i++) expect(reads[i]! - reads[i - 1]!).toBeGreaterThanOrEqual(2_000);
  });

  it('keeps at least the minimum interval between reads', () => {
    const { lens, reads } = policy();
    lens.changed();
    vi.advanceTimersByTime(600);
    expect(reads).toHaveLength(1);
    lens.changed();
    vi.advanceTimersByTime(600);
    expect(reads).toHaveLength(1);
    vi.advanceTimersByTime(1_400);
    expect(reads).toEqual([100_600, 102_600]);
  });

  it('counts the interval from a read done by other means', () => {
    const { lens, reads } = policy();
    lens.readDone();
    lens.changed();
    vi.advanceTimersByTime(1_999);
    expect(reads).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(reads).toEqual([102_000]);
  });

  it('does not read while the tab is hidden, and reads once when it shows again', () => {
    const hidden = { value: true };
    const { lens, reads } = policy(hidden);
    for (let i = 0; i < 100; i++) {
      lens.changed();
      vi.advanceTimersByTime(200);
    }
    expect(reads).toEqual([]);
    hidden.value = false;
    lens.visibilityChanged();
    vi.advanceTimersByTime(5_000);
    expect(reads).toHaveLength(1);
  });

  it('stops reading when hidden with a read already scheduled', () => {
    const hidden = { value: false };
    const { lens, reads } = policy(hidden);
    lens.changed();
    vi.advanceTimersByTime(300);
    hidden.value = true;
    lens.visibilityChanged();
    vi.advanceTimersByTime(10_000);
    expect(reads).toEqual([]);
    expect(lens.pending).toBe(true);
  });

  it('does nothing after stop()', () => {
    const { lens, reads } = policy();
    lens.changed();
    lens.stop();
    lens.changed();
    vi.advanceTimersByTime(10_000);
    expect(reads).toEqual([]);
  });
});

describe('isOwnMutation', () => {
  const ownHost = { name: 'host' } as unknown as Node;
  const ownChild = { name: 'inside' } as unknown as Node;
  const body = { name: 'body' } as unknown as Node;
  const pageText = { name: 'text' } as unknown as Node;
  const isOwn = (node: Node) => node === ownHost || node === ownChild;
  const record = (target: Node, added: Node[] = [], removed: Node[] = []): MutationLike => ({ target, addedNodes: added, removedNodes: removed });

  it('treats appending or removing our host under the page body as ours', () => {
    expect(isOwnMutation(record(body, [ownHost]), isOwn)).toBe(true);
    expect(isOwnMutation(record(body, [], [ownHost]), isOwn)).toBe(true);
  });

  it('treats changes inside our own nodes as ours', () => {
    expect(isOwnMutation(record(ownHost, [ownChild]), isOwn)).toBe(true);
  });

  it('treats the page’s own changes as the page’s', () => {
    expect(isOwnMutation(record(body, [pageText]), isOwn)).toBe(false);
    expect(isOwnMutation(record(body, [ownHost, pageText]), isOwn)).toBe(false);
    expect(isOwnMutation(record(pageText), isOwn)).toBe(false); // characterData: no added or removed nodes
  });

  it('says the page changed when any record is the page’s', () => {
    expect(pageChanged([record(body, [ownHost])], isOwn)).toBe(false);
    expect(pageChanged([record(body, [ownHost]), record(pageText)], isOwn)).toBe(true);
  });
});
