/** One count (issue 12, item 7): the report the badge and popup count is the list the card counts. */
import { describe, expect, it } from 'vitest';
import { emptyReport, paintedOnly } from '../../../src/content/report.ts';
import type { ClaimHit, PageReport, PaintItem } from '../../../src/shared/report.ts';

const hit = (start: number, end: number, claimId?: string): ClaimHit => ({
  tier: claimId ? 'claim' : 'detected',
  ...(claimId ? { claimId } : {}),
  eventIds: [],
  nearEventIds: [],
  evidence: [],
  text: 'x',
  start,
  end,
  confidence: 0.9,
  prefix: '',
  suffix: '',
});

const painted = (item: ClaimHit) => ({ match: { ...item, blockIndex: 0, blockStart: item.start, blockEnd: item.end } as unknown as PaintItem });

function report(claims: ClaimHit[]): PageReport {
  return { ...emptyReport('https://example.com/', 'en', 'precheck', 1), relevant: true, score: 0.9, claims };
}

describe('paintedOnly', () => {
  it('keeps the highlights that were painted and drops one whose range could not be built', () => {
    const [a, b, c] = [hit(0, 10, 'a'), hit(20, 30, 'b'), hit(40, 50)];
    const only = paintedOnly(report([a!, b!, c!]), [painted(a!), painted(c!)]);
    expect(only.claims).toEqual([a, c]);
  });

  it('counts two claims painted on one sentence twice, as the card does', () => {
    const [a, b] = [hit(0, 10, 'a'), hit(0, 10, 'b')];
    expect(paintedOnly(report([a!, b!]), [painted(a!), painted(b!)]).claims).toHaveLength(2);
  });

  it('changes nothing else in the report, and nothing when everything was painted', () => {
    const whole = report([hit(0, 10, 'a')]);
    expect(paintedOnly(whole, [painted(hit(0, 10, 'a'))])).toEqual(whole);
  });
});
