import { describe, expect, it } from 'vitest';
import { RuntimeMessageSchema } from '../../../src/shared/messages.ts';

describe('the open-timeline message', () => {
  it('accepts no event or an event id', () => {
    expect(RuntimeMessageSchema.safeParse({ type: 'open-timeline' }).success).toBe(true);
    expect(RuntimeMessageSchema.safeParse({ type: 'open-timeline', eventId: 'tehran-summit-2022' }).success).toBe(true);
  });

  it('rejects anything that is not an id: it ends up in an extension URL', () => {
    for (const eventId of ['../popup', 'x#y', 'Tehran', '', 'a'.repeat(121), 42]) {
      expect(RuntimeMessageSchema.safeParse({ type: 'open-timeline', eventId }).success, String(eventId)).toBe(false);
    }
    expect(RuntimeMessageSchema.safeParse({ type: 'open-timeline', eventId: 'x', url: 'https://example.org' }).success).toBe(false);
  });
});
