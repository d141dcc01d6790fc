/**
 * Words for the random-DOM generator from ../shared (seeds and corpus/html), read at test time
 * in Node and never copied into the project. Empty when ../shared is absent: callers then fuzz
 * with the built-in words only, and say so.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const SHARED = resolve(import.meta.dirname, '../../../shared');

export function sharedWords(): string[] {
  const files: string[] = [];
  for (const dir of ['seeds', 'corpus/html']) {
    const path = resolve(SHARED, dir);
    if (!existsSync(path)) continue;
    for (const name of readdirSync(path)) if (/\.(html?|txt)$/.test(name)) files.push(resolve(path, name));
  }
  const words = new Set<string>();
  for (const file of files.slice(0, 40)) {
    const text = readFileSync(file, 'utf8').replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]+>/g, ' ').replace(/&[#\w]+;/g, ' ');
    for (const word of text.split(/\s+/)) if (word.length > 0 && word.length < 30) words.add(word);
    if (words.size > 20_000) break;
  }
  return [...words];
}
