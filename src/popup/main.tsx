import { render } from 'preact';
import browser from 'webextension-polyfill';
import { z } from 'zod';
import { replySchema } from '../shared/messages.ts';
import { PageReportSchema, type PageReport } from '../shared/report.ts';
import { describedTabId } from './current-tab.ts';

z.config({ jitless: true });

const ReportReplySchema = replySchema(PageReportSchema.nullable());

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; report: PageReport | null };

function Popup({ state }: { state: State }) {
  if (state.kind === 'loading') return <p class="status">Reading this page…</p>;
  if (state.kind === 'error') return <p class="status" role="alert">{state.message}</p>;
  const { report } = state;
  if (!report) return <p class="status" data-testid="no-report">This page has not been read (it may not be a web page).</p>;
  return (
    <section data-testid="report" data-relevant={String(report.relevant)}>
      <h1>{report.relevant ? 'About Russia–Iran relations' : 'Not about Russia–Iran relations'}</h1>
      <p data-testid="claim-count">{report.claims.length} claims found</p>
    </section>
  );
}

async function main(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  render(<Popup state={{ kind: 'loading' }} />, root);
  try {
    const tabId = await describedTabId(location.search);
    if (tabId === null) throw new Error('No tab to describe.');
    const reply = ReportReplySchema.parse(await browser.runtime.sendMessage({ type: 'get-report', tabId }));
    if (!reply.ok) throw new Error(reply.error);
    render(<Popup state={{ kind: 'ready', report: reply.value }} />, root);
  } catch (error) {
    render(<Popup state={{ kind: 'error', message: String(error) }} />, root);
  }
}

void main();
