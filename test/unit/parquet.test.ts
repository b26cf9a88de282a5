// Snapshot tables in Parquet: what hyparquet-writer writes, DuckDB (an independent reader) reads with the same
// rows and types, and our reader reads back exactly; the manifest parser refuses what a reader must not trust.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLatest, parseManifest, publicationFiles, seedOfManifest, sha256Hex } from '../../src/export/manifest.ts';
import { edgesParquet, nodesParquet, readEdgesParquet, readNodesParquet } from '../../src/export/parquet.ts';
import { edge, node, smallLineage } from './fixtures.ts';

const lineage = smallLineage();
lineage.nodes[0] = node('Q/base', { downloads: 3_000_000_000, likes: 7, gated: 'manual', license: '' });
lineage.nodes[1] = node('Q/inst', { created_at: '', last_modified: '2025-03-04T05:06:07.089Z', status: 'missing' });
lineage.nodes[2] = node('u/ft1', { author: 'u', license: 'a "quoted", \u00e9t\u00e9 \u{1F600}', status: 'disabled' });
// A parent outside the families the crawl did not read: its counts are unknown.
lineage.nodes.push(
  node('ext/base', {
    family: 'other',
    created_at: '',
    pipeline_tag: '',
    library_name: '',
    license: '',
    status: 'unread',
  }),
);
lineage.edges.push(edge('u/ft1', 'Q/inst', 'unknown', true), edge('ext/base', 'u/merge', 'merge'));

let dir: string;
let db: Awaited<ReturnType<DuckDBInstance['connect']>>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'forkscope-parquet-'));
  await writeFile(join(dir, 'nodes.parquet'), nodesParquet(lineage.nodes));
  await writeFile(join(dir, 'edges.parquet'), edgesParquet(lineage.edges));
  db = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(async () => {
  db.closeSync();
  await rm(dir, { recursive: true, force: true });
});

const query = async (sql: string): Promise<Record<string, unknown>[]> =>
  (await db.runAndReadAll(sql.replaceAll('$DIR', dir))).getRowObjectsJS();

describe('Parquet snapshot tables', () => {
  it('read back exactly with our reader', async () => {
    expect(await readNodesParquet(nodesParquet(lineage.nodes))).toEqual(lineage.nodes);
    expect(await readEdgesParquet(edgesParquet(lineage.edges))).toEqual(lineage.edges);
  });

  it('have typed columns for DuckDB: integers, UTC timestamps, strings, a boolean', async () => {
    const types = async (file: string): Promise<Record<string, string>> =>
      Object.fromEntries(
        (await query(`DESCRIBE SELECT * FROM '$DIR/${file}'`)).map((r) => [r.column_name, r.column_type]),
      );
    expect(await types('nodes.parquet')).toEqual({
      id: 'VARCHAR',
      author: 'VARCHAR',
      family: 'VARCHAR',
      depth: 'INTEGER',
      downloads: 'BIGINT',
      likes: 'BIGINT',
      created_at: 'TIMESTAMP WITH TIME ZONE',
      last_modified: 'TIMESTAMP WITH TIME ZONE',
      pipeline_tag: 'VARCHAR',
      library_name: 'VARCHAR',
      license: 'VARCHAR',
      gated: 'VARCHAR',
      status: 'VARCHAR',
    });
    expect(await types('edges.parquet')).toEqual({
      parent: 'VARCHAR',
      child: 'VARCHAR',
      relation: 'VARCHAR',
      cycle: 'BOOLEAN',
    });
  });

  it('hold the same rows for DuckDB, empty text as null', async () => {
    const rows = await query(
      `SELECT id, author, depth, downloads, likes, epoch_ms(created_at) AS created, epoch_ms(last_modified) AS modified,
              license, gated, status FROM '$DIR/nodes.parquet'`,
    );
    expect(rows).toHaveLength(lineage.nodes.length);
    for (const [i, n] of lineage.nodes.entries()) {
      const ms = (s: string): bigint | null => (s ? BigInt(Date.parse(s)) : null);
      expect(rows[i]).toEqual({
        id: n.id,
        author: n.author,
        depth: n.depth,
        // An unread node's counts are unknown: null, not 0.
        downloads: n.status === 'unread' ? null : BigInt(n.downloads),
        likes: n.status === 'unread' ? null : BigInt(n.likes),
        created: ms(n.created_at),
        modified: ms(n.last_modified),
        license: n.license || null,
        gated: n.gated || null,
        status: n.status,
      });
    }
    const edges = await query(`SELECT parent, child, relation, cycle FROM '$DIR/edges.parquet'`);
    expect(edges).toEqual(lineage.edges);
  });

  it('read a table written before the unread status, whose counts are REQUIRED columns', async () => {
    expect(await readNodesParquet(handWritten(false, 12n, 'ok'))).toEqual([
      node('Q/base', { author: 'Q', downloads: 12, likes: 3 }),
    ]);
    // A null count is unknown only on an unread node: on a node that was read, the table is broken.
    expect((await readNodesParquet(handWritten(true, null, 'unread')))[0]).toMatchObject({ downloads: 0 });
    await expect(readNodesParquet(handWritten(true, null, 'ok'))).rejects.toThrow(/row 0: downloads is not a count/);
  });

  it('dictionary-encode the relation and status columns', async () => {
    const rows = await query(
      `SELECT path_in_schema AS col, encodings FROM parquet_metadata('$DIR/*.parquet') WHERE path_in_schema IN ('relation', 'status')`,
    );
    expect(rows.map((r) => r.col).sort()).toEqual(['relation', 'status']);
    for (const r of rows) expect(String(r.encodings)).toContain('DICTIONARY');
  });

  it('refuse a table with a wrong column type or an unknown status, saying where', async () => {
    const bad = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'id', data: [1, 2], type: 'INT32' }] }));
    await expect(readNodesParquet(bad)).rejects.toThrow(/nodes\.parquet: column "id" is INT32, not BYTE_ARRAY/);
    const odd = nodesParquet([node('a/b', { status: 'weird' as 'ok' })]);
    await expect(readNodesParquet(odd)).rejects.toThrow(/row 0: unknown status "weird"/);
    await expect(readEdgesParquet(new Uint8Array([1, 2, 3]))).rejects.toThrow(/edges\.parquet: not a Parquet file/);
  });
});

/** One node, Q/base, written column by column as an earlier writer (REQUIRED counts) or another tool would. */
function handWritten(nullable: boolean, downloads: bigint | null, status: string): Uint8Array {
  const text = (name: string, data: (string | null)[], required = false) => ({
    name,
    data,
    type: 'STRING' as const,
    ...(required && { nullable: false }),
  });
  return new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        text('id', ['Q/base'], true),
        text('author', ['Q'], true),
        text('family', ['Qwen'], true),
        { name: 'depth', data: Int32Array.of(0), type: 'INT32', nullable: false },
        {
          name: 'downloads',
          data: nullable ? [downloads] : BigInt64Array.of(downloads ?? 0n),
          type: 'INT64',
          nullable,
        },
        { name: 'likes', data: BigInt64Array.of(3n), type: 'INT64', nullable: false },
        { name: 'created_at', data: [new Date('2025-01-01T00:00:00.000Z')], type: 'TIMESTAMP' },
        { name: 'last_modified', data: [null], type: 'TIMESTAMP' },
        text('pipeline_tag', ['text-generation']),
        text('library_name', ['transformers']),
        text('license', ['apache-2.0']),
        text('gated', [null]),
        text('status', [status], true),
      ],
    }),
  );
}

describe('the manifest and latest.json', () => {
  const meta = {
    hub: 'http://127.0.0.1:1',
    seeds: { orgs: ['Qwen'], roots: [] },
    crawl: { startedAt: '2026-11-30T10:00:00.000Z', finishedAt: '2026-11-30T11:00:00.000Z' },
    publishedAt: new Date('2026-12-01T15:20:00.123Z'),
  };

  it('name a dated folder, take the watermark from the crawl start, and hash each table', async () => {
    const { files, manifest, latest } = await publicationFiles(lineage, meta);
    expect(files.map((f) => f.path)).toEqual([
      'snapshots/20261201T152000Z/nodes.parquet',
      'snapshots/20261201T152000Z/edges.parquet',
      'snapshots/20261201T152000Z/manifest.json',
      'latest.json',
    ]);
    expect(manifest.watermark).toBe(meta.crawl.startedAt);
    expect(manifest.files.nodes.sha256).toBe(await sha256Hex(files[0]?.bytes as Uint8Array));
    expect(manifest.counts).toEqual({ nodes: 10, edges: 10 });
    const text = (i: number): unknown => JSON.parse(new TextDecoder().decode(files[i]?.bytes));
    expect(parseManifest(text(2))).toEqual({ ok: true, value: manifest });
    expect(parseLatest(text(3))).toEqual({ ok: true, value: latest });
  });

  it("carry the page size the publisher was served into a visitor's seed, and drop one that is no page size", async () => {
    const { manifest } = await publicationFiles(lineage, { ...meta, crawl: { ...meta.crawl, pageSize: 250 } });
    const read = parseManifest(JSON.parse(JSON.stringify(manifest)));
    if (!read.ok) throw new Error(read.error);
    expect(seedOfManifest(read.value, 'http://127.0.0.1:2')).toEqual({
      hub: 'http://127.0.0.1:2',
      seeds: meta.seeds,
      watermark: meta.crawl.startedAt,
      finishedAt: meta.crawl.finishedAt,
      pageSize: 250,
    });
    for (const pageSize of [0, 1001, 2.5, '250', -1]) {
      const odd = parseManifest({ ...manifest, crawl: { ...manifest.crawl, pageSize } });
      expect(odd.ok && odd.value.crawl).toEqual({ startedAt: meta.crawl.startedAt, finishedAt: meta.crawl.finishedAt });
    }
  });

  it('refuse manifests that escape their folder, lie about counts or carry no hash', async () => {
    const { manifest } = await publicationFiles(lineage, meta);
    type Loose = {
      v: number;
      watermark: string;
      counts: { nodes: number };
      files: Record<string, { path: string; sha256: string }>;
    };
    const variant = (patch: (m: Loose) => void): unknown => {
      const m = structuredClone(manifest) as unknown as Loose;
      patch(m);
      return m;
    };
    const errors = [
      variant((m) => ((m.files.nodes as { path: string }).path = '../x.parquet')),
      variant((m) => (m.counts.nodes = 3)),
      variant((m) => ((m.files.edges as { sha256: string }).sha256 = 'abc')),
      variant((m) => (m.watermark = 'yesterday')),
      variant((m) => (m.v = 2)),
      null,
    ].map((raw) => parseManifest(raw));
    expect(errors.map((e) => e.ok)).toEqual([false, false, false, false, false, false]);
    expect(errors[0]).toMatchObject({ error: 'manifest: files.nodes: path is not a .parquet file name' });
    expect(parseLatest({ format: 'forkscope-lineage-latest', v: 1, path: 'snapshots/../x' })).toMatchObject({
      ok: false,
    });
  });
});
