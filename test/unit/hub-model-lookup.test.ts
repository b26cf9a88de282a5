// A single-model read answers for its id whatever the Hub says: 403 "disabled" is `disabled`; any other 4xx but
// 429, a wrong-shaped or truncated 200 body is `missing` with the reason; only faults (5xx, network) still throw.
import { describe, expect, it } from 'vitest';
import { HubClient } from '../../src/hub/client.ts';

const MODEL = {
  _id: '66e7750000000000000000aa',
  id: 'Qwen/Qwen2.5-7B-Instruct',
  author: 'Qwen',
  tags: ['base_model:finetune:Qwen/Qwen2.5-7B'],
  lastModified: '2025-01-12T02:10:10.000Z',
};

function clientAnswering(answer: () => Response | Promise<Response>): { client: HubClient; calls: () => number } {
  let calls = 0;
  const fetch = async (): Promise<Response> => {
    calls++;
    return answer();
  };
  const client = new HubClient({
    hubUrl: 'http://hub.test',
    quota: 1000,
    windowMs: 1000,
    maxAttempts: 2,
    baseDelayMs: 1,
    fetch: fetch as typeof globalThis.fetch,
  });
  return { client, calls: () => calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });

describe('HubClient.model', () => {
  it('reads a model, keeping its ObjectId, also when the Hub gives no lastModified', async () => {
    for (const body of [MODEL, { ...MODEL, lastModified: undefined }]) {
      const found = await clientAnswering(() => json(200, body)).client.model(MODEL.id);
      expect(found).toMatchObject({ kind: 'ok', model: { id: MODEL.id, objectId: MODEL._id } });
    }
  });

  it('says disabled for a 403 with the Hub message, missing for other refusals, never asking twice', async () => {
    const cases: [Response, string, number][] = [
      [json(403, { error: 'x' }, { 'x-error-message': 'Access to this resource is disabled.' }), 'disabled', 403],
      [json(403, { error: 'Forbidden' }, { 'x-error-message': 'Forbidden' }), 'missing', 403],
      [json(400, { error: 'Invalid repo name' }, { 'x-error-message': 'Invalid repo name' }), 'missing', 400],
      [json(401, { error: 'Invalid username or password.' }), 'missing', 401],
      [json(404, { error: 'Repository not found' }, { 'x-error-code': 'RepoNotFound' }), 'missing', 404],
      [json(410, '{"error": "Gone'), 'missing', 410],
      [new Response('<html>nope</html>', { status: 451, headers: { 'content-type': 'text/html' } }), 'missing', 451],
    ];
    for (const [res, kind, status] of cases) {
      const { client, calls } = clientAnswering(() => res.clone());
      expect(await client.model('some/id'), `${status} ${kind}`).toMatchObject({ kind, status });
      expect(calls()).toBe(1);
    }
  });

  it('says missing, with the reason, for a 200 that is not a model or is cut short on every try', async () => {
    for (const body of ['null', '[1,2]', '"text"', '{"error":"x"}', '{"id":"not a repo id"}', '{"id":"a/b"']) {
      const { client } = clientAnswering(() => json(200, body));
      const found = await client.model('some/id');
      expect(found.kind, body).toBe('missing');
      expect(found.kind === 'missing' && found.reason, body).toMatch(/malformed|truncated/);
    }
  });

  it('still throws on faults: a 5xx and a network error after the retries', async () => {
    await expect(clientAnswering(() => json(500, { error: 'x' })).client.model('some/id')).rejects.toThrow();
    await expect(
      clientAnswering(() => Promise.reject(new TypeError('fetch failed'))).client.model('some/id'),
    ).rejects.toThrow(/network/);
  });
});
