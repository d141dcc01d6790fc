import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/core/dataset/schema.ts';
import { laterChange, roleAt } from '../../../src/ui/claim-details.ts';

const person = (roles: Actor['roles']): Actor => ({
  id: 'someone',
  kind: 'person',
  name: 'Someone',
  aliases: [],
  names: { en: 'Someone', ru: 'Кто-то', fa: 'کسی' },
  roles,
  description: 'Fictional.',
});

describe('laterChange', () => {
  const leader = person([
    { title: 'President', from: '1981-10-13', to: '1989-08-03', ended: 'term-ended' },
    { title: 'Leader', from: '1989-06-04', to: '2026-02-28', ended: 'killed' },
  ]);

  it('says a person was killed, with the date, whatever role the claim date finds', () => {
    expect(laterChange(leader, roleAt(leader, '2022-07-19'))).toEqual({ kind: 'killed', date: '2026-02-28' });
    expect(laterChange(leader, roleAt(leader, '1985'))).toEqual({ kind: 'killed', date: '2026-02-28' });
  });

  it('says a living person has left the office they held at the date, and nothing while they still hold it', () => {
    const minister = person([
      { title: 'Minister', from: '2012-11-06', to: '2024-05-12', ended: 'term-ended' },
      { title: 'Secretary', from: '2024-05-12' },
    ]);
    expect(laterChange(minister, roleAt(minister, '2023-09-19'))).toEqual({ kind: 'left-office', date: '2024-05-12' });
    expect(laterChange(minister, roleAt(minister, '2025-01-01'))).toBeNull();
  });

  it('distinguishes a death from a killing', () => {
    const president = person([{ title: 'President', from: '2021-08-03', to: '2024-05-19', ended: 'died' }]);
    expect(laterChange(president, roleAt(president, '2022-01-19'))).toEqual({ kind: 'died', date: '2024-05-19' });
  });
});
