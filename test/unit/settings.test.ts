// The settings parsers: saved settings and the stored token, which is bound to the Hub it was entered for. A
// token is handed out for that Hub only; old and damaged records give defaults, never an exception.
import { describe, expect, it } from 'vitest';
import {
  MAX_TOKEN,
  isTokenText,
  parseSavedSettings,
  parseSavedToken,
  tokenFor,
  type HubSettings,
} from '../../src/ui/settings.ts';

const DEFAULTS: HubSettings = {
  hubUrl: 'https://huggingface.co',
  quota: 500,
  windowSeconds: 300,
  tokenPersistence: 'memory',
  hubSizeEstimate: 3_200_000,
  dataset: 'forkscope/lineage',
};
const A = 'http://127.0.0.1:5001';
const B = 'http://127.0.0.1:5002';

describe('saved settings', () => {
  it('reads a saved Hub (as its origin), quota and token persistence', () => {
    const s = parseSavedSettings(
      JSON.stringify({ v: 1, hubUrl: `${A}/x`, quota: 1000.7, tokenPersistence: 'local' }),
      DEFAULTS,
    );
    expect(s).toEqual({ ...DEFAULTS, hubUrl: A, quota: 1000, tokenPersistence: 'local' });
  });

  it('keeps the default for each unreadable or out-of-range field', () => {
    const s = parseSavedSettings(
      JSON.stringify({ hubUrl: 'javascript:alert(1)', quota: 1e9, tokenPersistence: 'cookie' }),
      DEFAULTS,
    );
    expect(s).toEqual(DEFAULTS);
  });

  it('reads a saved lineage dataset (OWNER/NAME, or empty to always crawl) and refuses any other', () => {
    const read = (dataset: unknown) => parseSavedSettings(JSON.stringify({ v: 1, dataset }), DEFAULTS).dataset;
    expect(read('me/lineage')).toBe('me/lineage');
    expect(read('')).toBe('');
    for (const bad of ['me/lineage@main', 'a/b/c', '../x', 42, null]) expect(read(bad)).toBe(DEFAULTS.dataset);
  });

  it('gives the defaults for records that are not JSON objects', () => {
    for (const raw of [null, '', '{', 'null', '[1]', '"x"', '42'])
      expect(parseSavedSettings(raw, DEFAULTS)).toEqual(DEFAULTS);
  });
});

describe('stored token', () => {
  it('reads a token with the Hub it was entered for', () => {
    expect(parseSavedToken(JSON.stringify({ v: 1, hub: `${A}/`, token: 'hf_abc123' }), B)).toEqual({
      hub: A,
      token: 'hf_abc123',
    });
  });

  it('binds a bare token from an older version to the Hub the saved settings named', () => {
    expect(parseSavedToken('hf_abc123', A)).toEqual({ hub: A, token: 'hf_abc123' });
  });

  it('refuses records without a Hub, with a bad Hub, another version, or a token of the wrong shape or size', () => {
    for (const raw of [
      JSON.stringify({ v: 1, token: 'hf_abc' }),
      JSON.stringify({ v: 1, hub: 'file:///x', token: 'hf_abc' }),
      JSON.stringify({ v: 2, hub: A, token: 'hf_abc' }),
      JSON.stringify({ v: 1, hub: A, token: 'abc' }),
      JSON.stringify({ v: 1, hub: A, token: `hf_${'a'.repeat(MAX_TOKEN)}` }),
      'not a token',
      '{',
      '',
    ])
      expect(parseSavedToken(raw, A), raw).toBeNull();
  });

  it('hands the token out for its own Hub only; another Hub gets nothing and the app is told to ask', () => {
    const saved = { hub: A, token: 'hf_abc123' };
    expect(tokenFor(saved, A)).toEqual({ token: 'hf_abc123', other: null });
    expect(tokenFor(saved, `${A}/`)).toEqual({ token: 'hf_abc123', other: null });
    expect(tokenFor(saved, B)).toEqual({ token: null, other: saved });
    expect(tokenFor(saved, 'http://127.0.0.1:5001.evil.example')).toEqual({ token: null, other: saved });
    expect(tokenFor(null, A)).toEqual({ token: null, other: null });
  });

  it('bounds the token length', () => {
    expect(isTokenText(`hf_${'a'.repeat(MAX_TOKEN - 3)}`)).toBe(true);
    expect(isTokenText(`hf_${'a'.repeat(MAX_TOKEN)}`)).toBe(false);
  });
});
