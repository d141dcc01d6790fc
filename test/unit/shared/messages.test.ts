import { describe, expect, it } from 'vitest';
import { RuntimeMessageSchema } from '../../../src/shared/messages.ts';

describe('RuntimeMessageSchema in a shipped build', () => {
  it('has no test-only messages', () => {
    expect(RuntimeMessageSchema.safeParse({ type: 'ping' }).success).toBe(false);
    expect(RuntimeMessageSchema.safeParse({ type: 'page-cleared' }).success).toBe(false);
    expect(RuntimeMessageSchema.safeParse({ type: 'get-settings' }).success).toBe(true);
  });

  it('lets no content script name its own host: the sender’s URL decides', () => {
    expect(RuntimeMessageSchema.safeParse({ type: 'get-page-settings' }).success).toBe(true);
    expect(RuntimeMessageSchema.safeParse({ type: 'get-page-settings', hostname: 'trusted.example' }).success).toBe(false);
  });

  it('asks for the reader with nothing else in the message: no page names a file for the background to inject', () => {
    expect(RuntimeMessageSchema.safeParse({ type: 'read-page' }).success).toBe(true);
    expect(RuntimeMessageSchema.safeParse({ type: 'read-page', files: ['background.js'] }).success).toBe(false);
  });

  it('asks for the card’s stylesheet with nothing else in the message', () => {
    expect(RuntimeMessageSchema.safeParse({ type: 'card-style' }).success).toBe(true);
    expect(RuntimeMessageSchema.safeParse({ type: 'card-style', css: 'body{}' }).success).toBe(false);
  });
});
