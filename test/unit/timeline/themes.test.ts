import { describe, expect, it } from 'vitest';
import { THEMES, themeOf, themeScores } from '../../../src/timeline/model/themes.ts';
import { buildTimeline } from '../../../src/timeline/model/timeline.ts';
import { realTimeline, tinyDataset } from './fixture.ts';

describe('the theme of an event', () => {
  const { dataset, timeline } = realTimeline();

  it('gives every event of the dataset exactly one known theme, the same on every run', () => {
    expect(timeline.entries).toHaveLength(dataset.events.length);
    const again = buildTimeline(dataset);
    for (const [position, entry] of timeline.entries.entries()) {
      expect(THEMES).toContain(entry.theme);
      expect(again.entries[position]!.theme, entry.event.id).toBe(entry.theme);
    }
    expect(new Set(timeline.entries.map((entry) => entry.event.id)).size).toBe(dataset.events.length);
  });

  it('fills every lane', () => {
    const used = new Set(timeline.entries.map((entry) => entry.theme));
    expect([...used].sort()).toEqual([...THEMES].sort());
  });

  it.each([
    ['tehran-summit-2022', 'diplomacy'],
    ['strategic-partnership-treaty-2025', 'diplomacy'],
    ['iran-russian-aircraft-deal-2023', 'military'],
    ['bushehr-startup-2010-2013', 'nuclear'],
    ['gazprom-nioc-mou-2022', 'economy'],
    ['rasht-astara-railway-2023', 'economy'],
    ['pars-1-launch-2024', 'space'],
    ['snapback-2025', 'sanctions'],
    ['eu-uk-drone-sanctions-2022', 'sanctions'],
    ['russia-syria-intervention-2015', 'wars'],
    ['assad-fall-2024', 'wars'],
  ])('puts %s in the %s lane', (id, theme) => {
    expect(timeline.entries.find((entry) => entry.event.id === id)?.theme).toBe(theme);
  });

  it('uses the claims’ concepts, and falls back to diplomacy when nothing signals a theme', () => {
    const [launch, , quiet] = tinyDataset.events;
    expect(themeScores(launch!, []).space).toBeGreaterThan(0);
    expect(themeScores(launch!, tinyDataset.claims).space).toBeGreaterThan(themeScores(launch!, []).space);
    expect(themeOf(quiet!, [])).toBe('diplomacy');
    expect(themeOf(launch!, [])).toBe('space');
  });
});
