/**
 * HTML or plain text → the engine's page model → annotation, in Node. HTML goes through
 * linkedom and the same block extraction the content script uses.
 */
import { parseHTML } from 'linkedom';
import { annotatePage, type Annotation, type Engine, type PageBlock, type PageInput } from '../core/engine/annotate.ts';
import { extractBlocks } from '../dom/extract-blocks.ts';
import { pageMetadata } from '../dom/page-metadata.ts';

export interface DocumentOptions {
  readonly url?: string;
  readonly language?: string;
  readonly minConfidence?: number;
}

export function pageFromHtml(html: string, options: DocumentOptions = {}): PageInput {
  const { document } = parseHTML(html);
  const metadata = pageMetadata(document as unknown as Document);
  // The whole document, not document.body: on malformed pages (content before <head>) linkedom's
  // body can be an empty stand-in while the real one sits elsewhere. <head> is skipped anyway.
  const root = (document.documentElement ?? document.body) as unknown as Node;
  const blocks: PageBlock[] = extractBlocks(root).map(({ text, kind, boilerplate }) => ({ text, ...(kind ? { kind } : {}), boilerplate: Boolean(boilerplate) }));
  return { blocks, ...metadata, ...(options.url ? { url: options.url } : {}), ...(options.language ? { language: options.language } : {}) };
}

const HEADLINE_MAX_LENGTH = 200;

/**
 * Plain text: every line is a paragraph (stored articles separate paragraphs by blank lines or
 * by single line breaks alike, and a line break inside a sentence is rare in them); the first
 * line is taken as the title if it looks like a headline.
 */
export function pageFromText(text: string, options: DocumentOptions = {}): PageInput {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n/)
    .filter((block) => /\S/.test(block))
    .map((block) => ({ text: block, kind: 'paragraph' as const }));
  // The first line is a headline when it reads like one: short, and not ending as a sentence does.
  const first = blocks[0]?.text.trim() ?? '';
  const title = first.length <= HEADLINE_MAX_LENGTH && !/[.!?;:,]$/u.test(first) ? first : '';
  return { blocks, title, ...(options.url ? { url: options.url } : {}), ...(options.language ? { language: options.language } : {}) };
}

export function annotateDocument(engine: Engine, source: string, kind: 'html' | 'text', options: DocumentOptions = {}): { page: PageInput; annotation: Annotation } {
  const page = kind === 'html' ? pageFromHtml(source, options) : pageFromText(source, options);
  const annotation = annotatePage(engine, page, options.minConfidence !== undefined ? { minConfidence: options.minConfidence } : {});
  return { page, annotation };
}

