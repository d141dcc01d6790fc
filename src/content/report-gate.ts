/**
 * Sends a page report only when it says something new. Every send wakes the background,
 * writes storage and sets the badge; a page that keeps changing in ways that do not touch
 * any claim (a clock, a ticker) must not do that every few seconds.
 */
import type { PageReport } from '../shared/report.ts';

/** The report without what changes on every read (its timing). */
function substanceOf(report: PageReport): string {
  const { durationMs: _durationMs, ...substance } = report;
  return JSON.stringify(substance);
}

export class ReportGate {
  private last: string | null = null;
  private lastReport: PageReport | null = null;

  constructor(private readonly send: (report: PageReport) => void) {}

  /** Sends the report unless it says the same as the last one sent. */
  offer(report: PageReport): void {
    const substance = substanceOf(report);
    if (substance === this.last) return;
    this.last = substance;
    this.lastReport = report;
    this.send(report);
  }

  /** The next report is sent whatever it says (the background may have forgotten the last one). */
  forget(): void {
    this.last = null;
  }

  /** Sends the last report again (a page back from the back/forward cache, or a prerendered page now shown). */
  resend(): void {
    if (this.lastReport) this.send(this.lastReport);
  }
}
