import { describe, expect, it } from 'vitest';
import { emptyReport } from '../../../src/content/report.ts';
import { ReportGate } from '../../../src/content/report-gate.ts';
import type { PageReport } from '../../../src/shared/report.ts';

describe('ReportGate', () => {
  it('sends a report only when it says something new (timing aside)', () => {
    const sent: PageReport[] = [];
    const gate = new ReportGate((report) => sent.push(report));
    gate.offer(emptyReport('https://example.com/', 'en', 'precheck', 3));
    gate.offer(emptyReport('https://example.com/', 'en', 'precheck', 9));
    expect(sent).toHaveLength(1);
    gate.offer(emptyReport('https://example.com/other', 'en', 'precheck', 9));
    expect(sent.map((report) => report.url)).toEqual(['https://example.com/', 'https://example.com/other']);
  });

  it('sends again after forget()', () => {
    const sent: PageReport[] = [];
    const gate = new ReportGate((report) => sent.push(report));
    gate.offer(emptyReport('https://example.com/', 'en', 'precheck', 3));
    gate.forget();
    gate.offer(emptyReport('https://example.com/', 'en', 'precheck', 3));
    expect(sent).toHaveLength(2);
  });

  it('sends the last report again on request, and nothing before there is one', () => {
    const sent: PageReport[] = [];
    const gate = new ReportGate((report) => sent.push(report));
    gate.resend();
    expect(sent).toEqual([]);
    gate.offer(emptyReport('https://example.com/', 'en', 'precheck', 3));
    gate.resend();
    expect(sent.map((report) => report.url)).toEqual(['https://example.com/', 'https://example.com/']);
  });
});
