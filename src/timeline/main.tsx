/**
 * Entry of timeline.html: the whole dataset as an explorable timeline. It imports the dataset
 * directly (it is its own page): nothing here reaches the content script or the popup.
 */
import { render } from 'preact';
import dataset from 'virtual:lens-dataset';
import { t, uiLanguage } from '../ui/i18n.ts';
import { resolvePageLanguage } from '../ui/page-language.ts';
import { TimelineApp } from './app.tsx';
import './timeline.css';

const { lang, dir } = resolvePageLanguage(uiLanguage(), t('localeCode', 'en'));
document.documentElement.lang = lang;
document.documentElement.dir = dir;
document.title = t('timelineTitle', 'Russia–Iran relations: timeline');

const root = document.getElementById('app');
if (root) {
  // User Timing marks for `npm run bench:timeline`: building the model and rendering every event.
  performance.mark('timeline-render-start');
  render(<TimelineApp dataset={dataset} lang={lang} />, root);
  performance.measure('timeline-render', 'timeline-render-start');
}
