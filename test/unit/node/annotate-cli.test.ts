/** The `annotate` command, run as a user would, against the small test dataset. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
let workDir = '';

function annotate(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/annotate.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input,
    env: { ...process.env, LENS_DATA_DIR: resolve(ROOT, 'test/fixtures/dataset-minimal') },
  });
  const lines = result.stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
  return { status: result.status, lines, stderr: result.stderr };
}

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'lens-cli-'));
  writeFileSync(join(workDir, 'a.txt'), 'Russia and Iran agree on a railway\n\nRussia will build the railway in Iran, an Iranian minister said.\n\nOther news.');
  writeFileSync(join(workDir, 'b.html'), '<html lang="en"><head><title>Weather</title></head><body><p>Sunny in Paris.</p></body></html>');
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

// Each test starts Node and tsx: on a busy 2-core machine that alone can take seconds, so the harness waits long.
describe('npm run annotate', { timeout: 60_000 }, () => {
  it('prints one JSON line per input, with exact page text for each claim', () => {
    const { status, lines } = annotate([join(workDir, 'a.txt'), join(workDir, 'b.html')]);
    expect(status).toBe(0);
    expect(lines).toHaveLength(2);
    const [text, html] = lines as [any, any];
    expect(text).toMatchObject({ relevant: true, language: 'en' });
    expect(text.claims).toEqual([
      expect.objectContaining({ claimId: 'example-railway-claim', eventIds: ['example-railway-deal'], text: 'Russia will build the railway in Iran, an Iranian minister said.' }),
    ]);
    const page = 'Russia and Iran agree on a railway\n\nRussia will build the railway in Iran, an Iranian minister said.\n\nOther news.';
    expect(page.slice(text.claims[0].start, text.claims[0].end)).toBe(text.claims[0].text);
    expect(text.actors.map((actor: { actorId: string }) => actor.actorId).sort()).toEqual(['iran', 'russia']);
    expect(text.related).toEqual([expect.objectContaining({ coverageId: 'cov-example-1' })]);
    expect(html).toMatchObject({ relevant: false, claims: [] });
  });

  it('reads a folder and stdin', () => {
    expect(annotate([workDir]).lines.map((line) => line.file)).toEqual([join(workDir, 'a.txt'), join(workDir, 'b.html')]);
    const { lines } = annotate(['-'], '<p>Russia will build the railway in Iran.</p><p>Russia and Iran.</p>');
    expect(lines[0]).toMatchObject({ file: '-' });
  });

  it('reports an unreadable input on its own line, runs the rest and exits 1', () => {
    const { status, lines } = annotate([join(workDir, 'missing.html'), join(workDir, 'a.txt')]);
    expect(status).toBe(1);
    expect(lines[0]).toEqual({ file: join(workDir, 'missing.html'), error: expect.stringMatching(/ENOENT/) });
    expect(lines[1]).toMatchObject({ relevant: true });
  });

  it('honours --lang', () => {
    const { lines } = annotate(['--lang', 'de', join(workDir, 'a.txt')]);
    expect(lines[0]).toMatchObject({ language: 'de' });
  });

  it('rejects bad options with usage on stderr', () => {
    const { status, stderr } = annotate(['--min-confidence', '7', join(workDir, 'a.txt')]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/min-confidence/);
  });
});
