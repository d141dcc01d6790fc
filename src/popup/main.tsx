import { render } from 'preact';
import { z } from 'zod';
import { isRightToLeft, uiLanguage } from '../ui/i18n.ts';
import { describedTabId } from './current-tab.ts';
import { PopupApp } from './popup-app.tsx';
import './popup.css';

// Extension pages forbid eval by CSP: zod must not try to compile parsers with `new Function`.
z.config({ jitless: true });

document.documentElement.lang = uiLanguage();
document.documentElement.dir = isRightToLeft() ? 'rtl' : 'ltr';

async function main(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  // The dataset (about 170 KB compressed) is a chunk of its own, loaded alongside the tab's report.
  const [tabId, { default: dataset }] = await Promise.all([describedTabId(location.search).catch(() => null), import('virtual:lens-dataset')]);
  render(<PopupApp tabId={tabId} dataset={dataset} />, root);
}

void main();
