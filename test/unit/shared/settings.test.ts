import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, pageSettingsFor, readSettings, siteDisabled, sitePatternFor } from '../../../src/shared/settings.ts';

describe('readSettings', () => {
  it('gives defaults when nothing is stored', () => {
    expect(readSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, fellBack: [] });
  });

  it('reads valid settings as they are', () => {
    const stored = { ...DEFAULT_SETTINGS, badge: false, disabledSites: ['example.com'] };
    expect(readSettings(stored)).toEqual({ settings: stored, fellBack: [] });
  });

  it('migrates unversioned settings (paused → enabled)', () => {
    const { settings, fellBack } = readSettings({ paused: true, badge: false });
    expect(settings).toMatchObject({ version: 1, enabled: false, badge: false });
    expect(fellBack).toEqual([]);
  });

  it('falls back field by field, keeps what is valid, and says which fields fell back', () => {
    const { settings, fellBack } = readSettings({ ...DEFAULT_SETTINGS, minConfidence: 'high', badge: false, disabledSites: ['ok.example', 'not a host!', 42], colour: 'red' });
    expect(settings.minConfidence).toBe(DEFAULT_SETTINGS.minConfidence);
    expect(settings.badge).toBe(false);
    expect(settings.disabledSites).toEqual(['ok.example']);
    // An unknown field is not "fallen back": the store keeps it (settings-storage.test.ts).
    expect(fellBack).toEqual(['disabledSites', 'minConfidence']);
  });

  it('survives garbage', () => {
    expect(readSettings('nonsense')).toEqual({ settings: DEFAULT_SETTINGS, fellBack: ['settings'] });
    expect(readSettings([1, 2])).toEqual({ settings: DEFAULT_SETTINGS, fellBack: ['settings'] });
  });
});

describe('site patterns', () => {
  it('disables a site and its subdomains, on word boundaries', () => {
    const settings = { disabledSites: ['rt.com', '*.example.org'] };
    expect(siteDisabled(settings, 'rt.com')).toBe(true);
    expect(siteDisabled(settings, 'news.rt.com')).toBe(true);
    expect(siteDisabled(settings, 'deviantart.com')).toBe(false);
    expect(siteDisabled(settings, 'a.example.org')).toBe(true);
  });

  it('turns a page host into a pattern and page settings into a decision', () => {
    expect(sitePatternFor('www.BBC.com')).toBe('bbc.com');
    expect(pageSettingsFor({ ...DEFAULT_SETTINGS, enabled: false }, 'bbc.com')).toMatchObject({ active: false, reason: 'paused' });
    expect(pageSettingsFor({ ...DEFAULT_SETTINGS, disabledSites: ['bbc.com'] }, 'www.bbc.com')).toMatchObject({ active: false, reason: 'site-disabled' });
    expect(pageSettingsFor(DEFAULT_SETTINGS, 'bbc.com')).toMatchObject({ active: true, reason: 'enabled' });
  });
});
