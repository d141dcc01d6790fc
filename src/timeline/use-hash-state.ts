/**
 * The timeline's state lives in the URL hash: this hook reads it, follows back/forward and
 * links, and writes changes either as a new history entry (a selection, a filter: things a
 * reader may want to go back from) or in place (typing, zooming: too many steps to keep).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { formatHash, parseHash, type TimelineState } from './model/url-state.ts';

export type HistoryMode = 'push' | 'replace';

export function useHashState(): [TimelineState, (next: TimelineState, mode: HistoryMode) => void, readonly string[]] {
  const [parsed, setParsed] = useState(() => parseHash(location.hash));
  const current = useRef(parsed.state);
  current.current = parsed.state;

  useEffect(() => {
    const follow = () => setParsed(parseHash(location.hash));
    window.addEventListener('hashchange', follow);
    window.addEventListener('popstate', follow);
    return () => {
      window.removeEventListener('hashchange', follow);
      window.removeEventListener('popstate', follow);
    };
  }, []);

  const navigate = useCallback((next: TimelineState, mode: HistoryMode) => {
    const hash = formatHash(next);
    if (hash !== location.hash.replace(/^#/, '')) {
      const url = hash ? `#${hash}` : `${location.pathname}${location.search}`;
      if (mode === 'push') history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
    current.current = next;
    setParsed({ state: next, ignored: [] });
  }, []);

  return [parsed.state, navigate, parsed.ignored];
}
