/**
 * The settings as the page shows them. Until the background answers, the page renders the
 * defaults with its controls disabled (no layout jump). A change shows at once and is saved
 * at once; when the save fails, the page goes back to what is stored and says why.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings.ts';
import { createSaveQueue } from './save-queue.ts';
import { fetchSettings, onStoredSettingsChanged, storeSettings } from './settings-client.ts';

export interface SettingsState {
  readonly phase: 'loading' | 'ready' | 'failed';
  readonly settings: Settings;
  /** Fields that could not be read and fell back to their defaults (from the first reading). */
  readonly fellBack: readonly string[];
  readonly loadError: string | null;
}

export type SaveStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly at: number }
  | { readonly kind: 'failed'; readonly message: string };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useSettings(): { state: SettingsState; saveStatus: SaveStatus; update: (change: Partial<Settings>) => void } {
  const [state, setState] = useState<SettingsState>({ phase: 'loading', settings: DEFAULT_SETTINGS, fellBack: [], loadError: null });
  const [saveStatus, setSaveStatus] = useState<SaveStatus>({ kind: 'idle' });
  /** What the page shows, including changes not yet saved. */
  const shown = useRef<Settings>(DEFAULT_SETTINGS);
  /** What storage is known to hold. */
  const stored = useRef<Settings>(DEFAULT_SETTINGS);
  const inFlight = useRef(0);
  const save = useMemo(() => createSaveQueue(storeSettings), []);
  /** Changes not yet confirmed by a save: sent as one patch (the newest save carries all of them). */
  const unsaved = useRef<{ set: Record<string, unknown>; sites: Record<string, boolean> }>({ set: {}, sites: {} });

  const show = useCallback((settings: Settings) => {
    shown.current = settings;
    setState((previous) => ({ ...previous, settings }));
  }, []);

  useEffect(() => {
    let live = true;
    fetchSettings()
      .then((reading) => {
        if (!live) return;
        shown.current = stored.current = reading.settings;
        setState({ phase: 'ready', settings: reading.settings, fellBack: reading.fellBack, loadError: null });
      })
      .catch((error: unknown) => {
        if (live) setState((previous) => ({ ...previous, phase: 'failed', loadError: message(error) }));
      });
    // Another page (the popup, another options tab) may change the settings while this one is open.
    const stop = onStoredSettingsChanged(() => {
      if (inFlight.current > 0) return;
      void fetchSettings()
        .then((reading) => {
          if (!live || inFlight.current > 0) return;
          shown.current = stored.current = reading.settings;
          setState((previous) => ({
            ...previous,
            settings: reading.settings,
            fellBack: reading.fellBack.length > 0 ? reading.fellBack : previous.fellBack,
          }));
        })
        .catch(() => undefined);
    });
    return () => {
      live = false;
      stop();
    };
  }, []);

  const update = useCallback(
    (change: Partial<Settings>) => {
      const next = { ...shown.current, ...change };
      // Only what changed is sent; sites one by one, so the popup's edits made meanwhile are kept.
      const { disabledSites, version: _version, ...fields } = change;
      const sites = { ...unsaved.current.sites };
      if (disabledSites) {
        for (const site of shown.current.disabledSites) if (!disabledSites.includes(site)) sites[site] = false;
        for (const site of disabledSites) if (!shown.current.disabledSites.includes(site)) sites[site] = true;
      }
      unsaved.current = { set: { ...unsaved.current.set, ...fields }, sites };
      show(next);
      setSaveStatus({ kind: 'saving' });
      inFlight.current++;
      void save({ set: { ...unsaved.current.set }, sites: { ...sites } }).then((outcome) => {
        inFlight.current--;
        if (outcome.kind === 'superseded') return;
        if (outcome.kind === 'saved') stored.current = outcome.value;
        if (!outcome.latest) return;
        unsaved.current = { set: {}, sites: {} };
        if (outcome.kind === 'saved') {
          show(outcome.value);
          setSaveStatus({ kind: 'saved', at: Date.now() });
        } else {
          show(stored.current);
          setSaveStatus({ kind: 'failed', message: message(outcome.error) });
        }
      });
    },
    [save, show],
  );

  return { state, saveStatus, update };
}
