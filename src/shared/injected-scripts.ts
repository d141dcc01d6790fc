/**
 * Scripts the background injects, built like content scripts (classic, self-contained) but not declared in the
 * manifest: the background registers or injects them itself (see background/reads-beyond.ts).
 */
export const READS_BEYOND = {
  source: 'src/content/reads-beyond.ts',
  /** Where the build puts it (contentScriptOutputName of `source`; the build test reads it there, holding the two together). */
  file: 'content-reads-beyond.js',
} as const;

export const INJECTED_SCRIPT_SOURCES: readonly string[] = [READS_BEYOND.source];
