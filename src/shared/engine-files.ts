/**
 * The engine's precompiled artifact (core/engine/engine-artifact.ts) as two files of the extension's package: the build
 * writes them (build/dataset-plugin.ts) and the background fetches them (background/engine-host.ts). They are not
 * web-accessible: no page can read or probe them.
 */
export const ENGINE_FILES = { json: 'engine/artifact.json', automaton: 'engine/automaton.bin' } as const;
