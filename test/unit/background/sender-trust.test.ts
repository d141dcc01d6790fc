import { describe, expect, it } from 'vitest';
import { isTopActiveDocument, senderHostname } from '../../../src/background/sender-trust.ts';

describe('senderHostname', () => {
  it('takes the host from the URL the browser gives, not from anything the message says', () => {
    expect(senderHostname({ url: 'https://www.Example.com:8443/a?b#c' })).toBe('www.example.com');
    expect(senderHostname({ url: 'http://127.0.0.1:3000/' })).toBe('127.0.0.1');
  });

  it('knows no host for non-web or missing URLs', () => {
    expect(senderHostname({})).toBeNull();
    expect(senderHostname({ url: 'about:blank' })).toBeNull();
    expect(senderHostname({ url: 'file:///etc/passwd' })).toBeNull();
    expect(senderHostname({ url: 'not a url' })).toBeNull();
  });
});

describe('isTopActiveDocument', () => {
  it('accepts the top frame’s active document (Chrome labels it, Firefox does not)', () => {
    expect(isTopActiveDocument({ frameId: 0, documentLifecycle: 'active' })).toBe(true);
    expect(isTopActiveDocument({ frameId: 0 })).toBe(true);
  });

  it('refuses frames, prerendered pages and pages in the back/forward cache', () => {
    expect(isTopActiveDocument({ frameId: 3, documentLifecycle: 'active' })).toBe(false);
    expect(isTopActiveDocument({ frameId: 0, documentLifecycle: 'prerender' })).toBe(false);
    expect(isTopActiveDocument({ frameId: 0, documentLifecycle: 'cached' })).toBe(false);
    expect(isTopActiveDocument({})).toBe(false);
  });
});
