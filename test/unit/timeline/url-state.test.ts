import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../../src/timeline/model/filters.ts';
import { formatHash, INITIAL_STATE, parseHash, type TimelineState } from '../../../src/timeline/model/url-state.ts';

describe('the timeline’s URL hash', () => {
  it('reads the example from the issue', () => {
    const { state, ignored } = parseHash('#event=tehran-summit-2022&actor=vladimir-putin');
    expect(state.event).toBe('tehran-summit-2022');
    expect(state.filters.actors).toEqual(['vladimir-putin']);
    expect(state.view).toBeNull();
    expect(ignored).toEqual([]);
  });

  it('gives the initial state for an empty hash, and an empty hash for it', () => {
    expect(parseHash('').state).toEqual(INITIAL_STATE);
    expect(parseHash('#').state).toEqual(INITIAL_STATE);
    expect(formatHash(INITIAL_STATE)).toBe('');
  });

  it('round-trips every field', () => {
    const state: TimelineState = {
      event: 'snapback-2025',
      filters: { themes: ['nuclear', 'sanctions'], actors: ['iran', 'russia'], statuses: ['officially-stated', 'denied'], languages: ['fa', 'ru'], text: 'Бушер & co=1' },
      view: { from: '2014-01-01', to: '2016-06-30' },
    };
    const hash = formatHash(state);
    expect(hash).toContain('theme=nuclear,sanctions');
    expect(parseHash(`#${hash}`)).toEqual({ state, ignored: [] });
  });

  it('drops malformed values and says which', () => {
    const { state, ignored } = parseHash('#event=<script>&theme=nuclear,bogus&status=maybe&lang=english&from=2020-02-30&to=2021-01-01&colour=red');
    expect(state).toEqual({ event: null, filters: { ...NO_FILTERS, themes: ['nuclear'] }, view: null });
    expect(ignored).toEqual(expect.arrayContaining(['event=<script>', 'theme=bogus', 'status=maybe', 'lang=english', 'from=2020-02-30&to=2021-01-01', 'colour=red']));
  });

  it('rejects a view that ends before it starts', () => {
    expect(parseHash('#from=2020-01-01&to=2019-01-01').state.view).toBeNull();
  });

  it('formats equal states to equal hashes (no duplicates, fixed key order)', () => {
    const a = parseHash('#actor=iran,iran&event=x-1').state;
    expect(formatHash(a)).toBe('event=x-1&actor=iran');
  });
});
