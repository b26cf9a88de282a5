// HTTP pieces of the local Hub's dataset routes: request bodies, byte serving with `Range` (206, as the Hub's
// resolve-cache and CDN answer, so hyparquet's asyncBufferFromUrl and @huggingface/hub's WebBlob can read parts),
// the repo info payload and the paginated commit list.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DatasetCommit, DatasetRepo } from './dataset-store.ts';

export function readBody(req: IncomingMessage, limit = 512 * 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) req.destroy(new Error('local hub: request body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** 200 with the whole file, or 206 with one `bytes=a-b` range; 416 for a range past the end; HEAD sends no body. */
export function serveBytes(
  req: IncomingMessage,
  res: ServerResponse,
  bytes: Uint8Array,
  headers: Record<string, string>,
  count: (status: number) => void,
): void {
  const base = { ...headers, 'Accept-Ranges': 'bytes', 'Content-Type': 'application/octet-stream' };
  const range = /^bytes=(\d*)-(\d*)$/.exec(String(req.headers.range ?? ''));
  let start = 0;
  let end = bytes.length - 1;
  let status = 200;
  if (range && (range[1] || range[2])) {
    if (range[1]) {
      start = Number(range[1]);
      if (range[2]) end = Math.min(end, Number(range[2]));
    } else start = Math.max(0, bytes.length - Number(range[2]));
    if (start >= bytes.length || start > end) {
      count(416);
      res.writeHead(416, { ...base, 'Content-Range': `bytes */${bytes.length}` });
      res.end();
      return;
    }
    status = 206;
  }
  count(status);
  const body = bytes.subarray(start, end + 1);
  res.writeHead(status, {
    ...base,
    'Content-Length': String(body.length),
    ...(status === 206 ? { 'Content-Range': `bytes ${start}-${end}/${bytes.length}` } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

export function repoInfo(repo: DatasetRepo, at: DatasetCommit | undefined): Record<string, unknown> {
  const created = repo.createdAt;
  return {
    _id: repo.id.replace(/[^\w]/g, '').slice(0, 24).padEnd(24, '0'),
    id: repo.id,
    author: repo.id.split('/')[0],
    sha: at?.oid,
    lastModified: at?.date ?? created,
    createdAt: created,
    private: repo.private,
    gated: false,
    disabled: false,
    downloads: 0,
    likes: 0,
    tags: [],
    siblings: [...(at?.files.keys() ?? [])].sort().map((rfilename) => ({ rfilename })),
  };
}

/** `?limit=N&p=K` pages of the history up to `at`, newest first, with an absolute `Link` to the next page. */
export function commitList(
  repo: DatasetRepo,
  at: DatasetCommit | undefined,
  url: URL,
): { items: unknown[]; total: number; link?: string } {
  const upTo = at ? repo.commits.indexOf(at) : -1;
  const history = repo.commits.slice(0, upTo + 1).reverse();
  const limit = Math.max(1, Math.min(1000, Number(url.searchParams.get('limit')) || 50));
  const page = Math.max(0, Number(url.searchParams.get('p')) || 0);
  const items = history.slice(page * limit, (page + 1) * limit).map((c) => ({
    id: c.oid,
    title: c.title,
    message: c.message,
    authors: [{ user: c.author, avatar: '' }],
    date: c.date,
  }));
  if ((page + 1) * limit >= history.length) return { items, total: history.length };
  const next = new URLSearchParams(url.searchParams);
  next.set('p', String(page + 1));
  return { items, total: history.length, link: `<${url.origin}${url.pathname}?${next.toString()}>; rel="next"` };
}
