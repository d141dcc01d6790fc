import { render } from 'preact';
import dataset from 'virtual:lens-dataset';
import { z } from 'zod';
import { uiLanguage } from '../ui/i18n.ts';
import { describedTabId } from './current-tab.ts';
import { PopupApp } from './popup-app.tsx';
import './popup.css';

// Extension pages forbid eval by CSP: zod must not try to compile parsers with `new Function`.
z.config({ jitless: true });

const language = uiLanguage();
document.documentElement.lang = language;
document.documentElement.dir = /^(fa|ar|he|ur)\b/.test(language) ? 'rtl' : 'ltr';

async function main(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  const tabId = await describedTabId(location.search).catch(() => null);
  render(<PopupApp tabId={tabId} dataset={dataset} />, root);
}

void main();
