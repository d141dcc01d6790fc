/**
 * Scripts the background injects, built like content scripts (classic, self-contained) but not declared in the
 * manifest: the background registers or injects them itself (see background/reads-beyond.ts and the `read-page`
 * message). `file` is where the build puts each (contentScriptOutputName of `source`; the build test reads it there,
 * holding the two together).
 */
export const READS_BEYOND = { source: 'src/content/reads-beyond.ts', file: 'content-reads-beyond.js' } as const;

/** The lens itself (reading, painting, the card): injected into a page once it passes the pre-check. */
export const READER = { source: 'src/content/reader.ts', file: 'content-reader.js' } as const;

export const INJECTED_SCRIPT_SOURCES: readonly string[] = [READS_BEYOND.source, READER.source];
