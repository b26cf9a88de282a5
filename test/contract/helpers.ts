// Starts local Hubs for contract tests and reads their responses.
import { afterAll, beforeAll } from 'vitest';
import { generateHub } from '../hub/generate.ts';
import type { HubDataset } from '../hub/records.ts';
import { startLocalHub, type LocalHub, type LocalHubOptions } from '../hub/server.ts';

const datasets = new Map<string, HubDataset>();

export function syntheticHub(size: number, seed = 1): HubDataset {
  const key = `${size}:${seed}`;
  if (!datasets.has(key)) datasets.set(key, generateHub({ size, seed }));
  return datasets.get(key) as HubDataset;
}

/** Starts a Hub before the file's tests and stops it after; the getter is valid inside tests. */
export function useHub(options: () => LocalHubOptions): () => LocalHub {
  let hub: LocalHub | undefined;
  beforeAll(async () => {
    hub = await startLocalHub(options());
  });
  afterAll(async () => {
    await hub?.close();
  });
  return () => {
    if (!hub) throw new Error('hub not started');
    return hub;
  };
}

export async function getJson(
  url: string,
  init?: RequestInit,
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const res = await fetch(url, { redirect: 'manual', ...init });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
}

export function nextLink(headers: Headers): string | undefined {
  return headers.get('link')?.match(/^<([^>]+)>;\s+rel="next"$/)?.[1];
}
