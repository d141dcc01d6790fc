/**
 * Saves one value at a time, newest wins. Changes can come faster than storage answers (a
 * slider moved with the arrow keys); sending them all at once could let an older write land
 * last. While a save is in flight only the newest waiting value is kept; older waiting
 * values are dropped as superseded.
 */

export type SaveOutcome<R> =
  | { readonly kind: 'saved'; readonly value: R; readonly latest: boolean }
  | { readonly kind: 'failed'; readonly error: unknown; readonly latest: boolean }
  | { readonly kind: 'superseded' };

export function createSaveQueue<T, R>(send: (value: T) => Promise<R>): (value: T) => Promise<SaveOutcome<R>> {
  let tail: Promise<unknown> = Promise.resolve();
  let newest = 0;
  return (value: T) => {
    const ticket = ++newest;
    const turn = tail.then(async (): Promise<SaveOutcome<R>> => {
      if (ticket !== newest) return { kind: 'superseded' };
      try {
        const saved = await send(value);
        return { kind: 'saved', value: saved, latest: ticket === newest };
      } catch (error) {
        return { kind: 'failed', error, latest: ticket === newest };
      }
    });
    tail = turn;
    return turn;
  };
}
