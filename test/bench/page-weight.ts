/**
 * What each extension page loads, after `npm run build`: the JavaScript and CSS its HTML
 * names, plus every chunk those import statically, raw and gzipped. Run with
 * `npx tsx test/bench/page-weight.ts [dist/chrome]`. A report, not a test.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = resolve(process.argv[2] ?? 'dist/chrome');
const pages = ['src/popup/index.html', 'src/options/index.html', 'timeline.html'];

function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/(?:^|[;\n])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)].map((match) => match[1]!);
  return found.filter((specifier) => specifier.startsWith('.') || specifier.startsWith('/')).map((specifier) => (specifier.startsWith('/') ? join(dist, specifier) : resolve(dirname(file), specifier)));
}

for (const page of pages) {
  const html = readFileSync(join(dist, page), 'utf8');
  const referenced = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((match) => (match[1]!.startsWith('/') ? join(dist, match[1]!) : resolve(dirname(join(dist, page)), match[1]!)));
  const seen = new Set<string>();
  const queue = [...referenced];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.js')) queue.push(...staticImports(file));
  }
  let raw = 0;
  let gzip = 0;
  const files = [...seen].map((file) => {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
    return posix.normalize(relative(dist, file));
  });
  process.stdout.write(`${page}: ${(raw / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip (sum of files gzipped one by one): ${files.sort().join(' ')}\n`);
}
