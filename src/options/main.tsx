/** Entry of the options page: the page language and direction first, then the app. */
import { render } from 'preact';
import { z } from 'zod';
import { t, uiLanguage } from '../ui/i18n.ts';
import { resolvePageLanguage } from '../ui/page-language.ts';
import { OptionsApp } from './app.tsx';
import './options.css';

// Extension pages forbid eval by CSP: never let zod try to compile parsers with `new Function`.
z.config({ jitless: true });

const { lang, dir } = resolvePageLanguage(uiLanguage(), t('localeCode', 'en'));
document.documentElement.lang = lang;
document.documentElement.dir = dir;
document.title = t('optionsTitle', 'Russia–Iran Lens settings');

const root = document.getElementById('app');
if (root) render(<OptionsApp lang={lang} />, root);
