/** The lint rules catch every HTML sink in our source (and stay quiet on safe DOM building). */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: ROOT });

async function problemsIn(code: string, file = 'src/content/sink-probe.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, file) });
  return (result?.messages ?? []).filter((message) => message.severity === 2).map((message) => message.ruleId ?? message.message);
}

describe('lint for HTML sinks', { timeout: 60_000 }, () => {
  const sinks: Record<string, string> = {
    innerHTML: 'export function f(el: Element, text: string) { el.innerHTML = text; }',
    'innerHTML (static)': "export function f(el: Element) { el.innerHTML = ''; }",
    outerHTML: 'export function f(el: Element, text: string) { el.outerHTML = text; }',
    insertAdjacentHTML: "export function f(el: Element, text: string) { el.insertAdjacentHTML('beforeend', text); }",
    srcdoc: 'export function f(frame: HTMLIFrameElement, text: string) { frame.srcdoc = text; }',
    'document.write': 'export function f(text: string) { document.write(text); }',
    createContextualFragment: 'export function f(range: Range, text: string) { return range.createContextualFragment(text); }',
    setHTMLUnsafe: 'export function f(el: Element, text: string) { (el as unknown as { setHTMLUnsafe(html: string): void }).setHTMLUnsafe(text); }',
  };

  for (const [name, code] of Object.entries(sinks)) {
    it(`rejects ${name}`, async () => {
      expect(await problemsIn(code)).not.toEqual([]);
    });
  }

  it('rejects dangerouslySetInnerHTML in a component', async () => {
    const code = "export const Card = ({ text }: { text: string }) => <div dangerouslySetInnerHTML={{ __html: text }} />;";
    expect(await problemsIn(code, 'src/popup/sink-probe.tsx')).not.toEqual([]);
  });

  it('accepts building nodes and setting text', async () => {
    const code = "export function f(parent: Element, text: string) { const p = document.createElement('p'); p.textContent = text; parent.append(p); }";
    expect(await problemsIn(code)).toEqual([]);
  });
});
