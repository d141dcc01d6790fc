/**
 * The _locales files against the code: every key passed to t() exists in English, Russian
 * and Persian, with the same $n substitutions as the English fallback in the code, and the
 * three files have the same keys.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const LOCALES = ['en', 'ru', 'fa'] as const;
/** Keys the manifest uses as __MSG_key__ rather than the code as t('key', …). */
const MANIFEST_KEYS = [...readFileSync(resolve(ROOT, 'manifest.json'), 'utf8').matchAll(/__MSG_(\w+)__/g)].map((match) => match[1]!);

interface Message {
  message: string;
  description?: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

interface Use {
  key: string;
  fallback: string;
  where: string;
}

const uses: Use[] = [];
/** Calls of t( whose first two arguments are not plain string literals: the test could not check them. */
const unreadable: string[] = [];
for (const file of sourceFiles(resolve(ROOT, 'src'))) {
  const text = readFileSync(file, 'utf8');
  const where = relative(ROOT, file);
  for (const call of text.matchAll(/(?<![\w.$])t\(/g)) {
    const rest = text.slice(call.index + 2);
    if (/^\s*key\s*:/.test(rest) || /^key: string/.test(rest)) continue; // the definition of t itself
    const literal = /^\s*(['"])([A-Za-z0-9_@]+)\1\s*,\s*(['"])((?:(?!\3)[^\\]|\\.)*)\3/.exec(rest);
    if (literal) uses.push({ key: literal[2]!, fallback: literal[4]!.replace(/\\(.)/g, '$1'), where });
    else unreadable.push(`${where}: t(${rest.slice(0, 40)}`);
  }
}

const readLocale = (language: string) => readFileSync(resolve(ROOT, 'public/_locales', language, 'messages.json'), 'utf8');
const messages = Object.fromEntries(LOCALES.map((language) => [language, JSON.parse(readLocale(language)) as Record<string, Message>])) as Record<
  (typeof LOCALES)[number],
  Record<string, Message>
>;
const placeholders = (text: string) => [...new Set(text.match(/\$\d/g) ?? [])].sort();

describe('the locales', () => {
  it('finds the t() calls in src, all with literal keys and fallbacks', () => {
    expect(uses.length).toBeGreaterThan(50);
    expect(unreadable).toEqual([]);
  });

  it.each(LOCALES)('%s/messages.json is valid JSON of {message, description} entries, none empty', (language) => {
    expect(() => JSON.parse(readLocale(language))).not.toThrow();
    for (const [key, entry] of Object.entries(messages[language])) {
      expect(key, `${language}: ${key}`).toMatch(/^[A-Za-z0-9_@]+$/);
      expect(Object.keys(entry).sort(), `${language}: ${key}`).toEqual(['description', 'message']);
      expect(typeof entry.message === 'string' && entry.message.trim().length > 0, `${language}: ${key} is empty`).toBe(true);
      expect(entry.description?.trim().length, `${language}: ${key} has no description`).toBeGreaterThan(0);
    }
  });

  it('has the same keys in en, ru and fa', () => {
    const english = Object.keys(messages.en).sort();
    expect(Object.keys(messages.ru).sort()).toEqual(english);
    expect(Object.keys(messages.fa).sort()).toEqual(english);
  });

  it.each(LOCALES)('%s has every key the code and the manifest use', (language) => {
    const missing = [...new Set([...uses.map((use) => use.key), ...MANIFEST_KEYS])].filter((key) => !(key in messages[language]));
    expect(missing).toEqual([]);
  });

  it('gives each key one English fallback, with the same placeholders as en/messages.json', () => {
    const fallbacks = new Map<string, Use>();
    for (const use of uses) {
      const earlier = fallbacks.get(use.key);
      if (earlier) expect(use.fallback, `${use.key} in ${use.where} and ${earlier.where}`).toBe(earlier.fallback);
      fallbacks.set(use.key, use);
      const english = messages.en[use.key];
      if (english) expect(placeholders(english.message), `${use.key} (${use.where})`).toEqual(placeholders(use.fallback));
    }
  });

  it.each(['ru', 'fa'] as const)('%s uses the same $n placeholders as en in every message', (language) => {
    for (const [key, english] of Object.entries(messages.en)) {
      const translated = messages[language][key];
      if (translated) expect(placeholders(translated.message), `${language}: ${key}`).toEqual(placeholders(english.message));
    }
  });

  it('has no stray $ in any message (Chrome reads $ as the start of a placeholder)', () => {
    for (const language of LOCALES) {
      for (const [key, { message }] of Object.entries(messages[language])) {
        expect(message.replace(/\$\d/g, ''), `${language}: ${key}`).not.toMatch(/\$/);
      }
    }
  });

  it('writes Persian with Persian letters (ی, ک), not the Arabic ي and ك', () => {
    for (const [key, { message }] of Object.entries(messages.fa)) expect(message, key).not.toMatch(/[يك]/);
  });

  it('translates: ru is in Cyrillic and fa in Persian script, except names kept as they are', () => {
    const kept = new Set(['localeCode', 'relevanceScore', 'aboutDateRange']);
    for (const [key, { message }] of Object.entries(messages.ru)) if (!kept.has(key)) expect(message, `ru: ${key}`).toMatch(/[а-яё]/i);
    for (const [key, { message }] of Object.entries(messages.fa)) if (!kept.has(key)) expect(message, `fa: ${key}`).toMatch(/[\u0600-\u06ff]/);
    expect(LOCALES.map((language) => messages[language].localeCode?.message)).toEqual(['en', 'ru', 'fa']);
  });

  it('keeps the manifest description within the store’s 132 characters', () => {
    for (const language of LOCALES) expect(messages[language].extensionDescription!.message.length, language).toBeLessThanOrEqual(132);
  });
});
