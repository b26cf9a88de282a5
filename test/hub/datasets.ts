// The local Hub's dataset routes, as the Hub answers them and as @huggingface/hub calls them (its createRepo,
// repoExists, datasetInfo, listCommits, commit/uploadFiles, downloadFile):
//   POST /api/repos/create                                  create (token; 409 when it exists)
//   GET  /api/datasets/{repo}[/revision/{rev}]              repo info with `sha` and `siblings`
//   GET  /api/datasets/{repo}/commits/{rev}?limit=&p=       commit list, newest first, `Link` to the next page
//   POST /api/datasets/{repo}/preupload/{rev}               which files go through LFS
//   POST /datasets/{repo}.git/info/lfs/objects/batch        LFS batch (basic transfer) → PUT /__lfs/{oid}?ticket=
//   POST /api/datasets/{repo}/commit/{rev}                  NDJSON commit (header, file, lfsFile, deletedFile)
//   GET  /datasets/{repo}/resolve/{rev}/{path}              302 to the CDN for LFS files, 307 to
//        /api/resolve-cache/datasets/{repo}/{oid}/{path} for regular ones (private repos are served directly)
//   GET  /__cdn/{sha256}                                    the CDN: any origin, byte ranges
// Reads of a missing or private repo answer 401 anonymously and 404 RepoNotFound with a token, like model info.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { DatasetStore, sha256, storedFile, wantsLfs, type DatasetRepo, type StoredFile } from './dataset-store.ts';
import { commitList, readBody, repoInfo, serveBytes } from './dataset-http.ts';

export interface DatasetContext {
  /** The Hub's headers for this response (CORS, request id, RateLimit). */
  headers: Record<string, string>;
  token?: string;
  count: (status: number) => void;
}

const ANON = 'Invalid username or password.';
/** A user name for a token, so commit authors never show the token itself. */
const userOf = (token: string): string => `user-${sha256(new TextEncoder().encode(token)).slice(0, 8)}`;

/** Tokens of this prefix read but cannot write, to answer 403 as the Hub does for a read-only token. */
export const READ_ONLY_PREFIX = 'hf_ro';

export class DatasetRoutes {
  readonly store = new DatasetStore();
  private readonly tickets = new Map<string, string>();

  /** Answers a dataset request; false when the path is not one of the routes above. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL, ctx: DatasetContext): Promise<boolean> {
    const p = url.pathname;
    const json = (status: number, body: unknown, extra: Record<string, string> = {}): true => {
      ctx.count(status);
      res.writeHead(status, { ...ctx.headers, ...extra, 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
      return true;
    };
    const error = (status: number, message: string, code?: string): true =>
      json(status, { error: message }, { 'X-Error-Message': message, ...(code ? { 'X-Error-Code': code } : {}) });
    const readable = (id: string): DatasetRepo | true => {
      const repo = this.store.get(id);
      if (repo && (!repo.private || repo.owner === ctx.token)) return repo;
      return ctx.token ? error(404, 'Repository not found', 'RepoNotFound') : error(401, ANON);
    };
    const writable = (id: string): DatasetRepo | true => {
      if (!ctx.token) return error(401, ANON);
      const repo = this.store.get(id);
      if (!repo || (repo.private && repo.owner !== ctx.token))
        return error(404, 'Repository not found', 'RepoNotFound');
      if (ctx.token.startsWith(READ_ONLY_PREFIX) || repo.owner !== ctx.token)
        return error(403, `You don't have the rights to write to datasets/${repo.id}`);
      return repo;
    };

    if (p === '/api/repos/create' && req.method === 'POST') {
      if (!ctx.token) return error(401, ANON);
      const body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as Record<string, unknown>;
      const id = `${String(body.organization ?? 'local-user')}/${String(body.name ?? '')}`;
      if (body.type !== 'dataset') return error(400, 'The local Hub creates dataset repos only');
      if (!/^[\w.-]+\/[\w.-]{1,96}$/.test(id)) return error(400, `Invalid repo name ${id}`);
      if (ctx.token.startsWith(READ_ONLY_PREFIX))
        return error(403, `You don't have the rights to create a dataset under the namespace "${id.split('/')[0]}"`);
      const url0 = `${url.origin}/datasets/${id}`;
      if (this.store.get(id)) return json(409, { error: 'You already created this dataset repo', url: url0 });
      const isPrivate = body.visibility === 'private' || body.private === true;
      const repo = this.store.create(id, ctx.token, userOf(ctx.token), isPrivate);
      return json(200, { url: url0, name: repo.id, id: repo.id });
    }

    const lfsUpload = /^\/__lfs\/([0-9a-f]{64})$/.exec(p);
    if (lfsUpload && req.method === 'PUT') {
      const oid = lfsUpload[1] as string;
      if (this.tickets.get(url.searchParams.get('ticket') ?? '') !== oid) return error(403, 'Invalid upload ticket');
      const bytes = new Uint8Array(await readBody(req));
      if (sha256(bytes) !== oid) return error(400, 'The uploaded content does not match its SHA-256');
      this.store.lfs.set(oid, bytes);
      return json(200, {}, { ETag: `"${oid}"` });
    }

    const cdn = /^\/__cdn\/([0-9a-f]{64})$/.exec(p);
    if (cdn) {
      const bytes = this.store.lfs.get(cdn[1] as string);
      if (!bytes) return error(404, 'Not found');
      const cors = {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Expose-Headers': ctx.headers['Access-Control-Expose-Headers'] ?? '',
      };
      serveBytes(req, res, bytes, { ...cors, ETag: `"${cdn[1]}"` }, ctx.count);
      return true;
    }

    const batch = /^\/datasets\/([^/]+\/[^/]+)\.git\/info\/lfs\/objects\/batch$/.exec(p);
    if (batch && req.method === 'POST') {
      const repo = writable(batch[1] as string);
      if (repo === true) return true;
      const body = JSON.parse((await readBody(req)).toString('utf8')) as { objects: { oid: string; size: number }[] };
      const objects = body.objects.map(({ oid, size }) => {
        if (this.store.lfs.has(oid)) return { oid, size, authenticated: true };
        const ticket = randomBytes(12).toString('hex');
        this.tickets.set(ticket, oid);
        return {
          oid,
          size,
          authenticated: true,
          actions: { upload: { href: `${url.origin}/__lfs/${oid}?ticket=${ticket}`, header: {} } },
        };
      });
      return json(
        200,
        { transfer: 'basic', objects, hash_algo: 'sha256' },
        { 'Content-Type': 'application/vnd.git-lfs+json' },
      );
    }

    const resolve = /^\/datasets\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(p);
    if (resolve) return this.resolve(req, res, url, ctx, resolve.slice(1).map(decodeURIComponent), readable, error);

    const cache = /^\/api\/resolve-cache\/datasets\/([^/]+\/[^/]+)\/([0-9a-f]{40})\/(.+)$/.exec(p);
    if (cache) {
      const repo = readable(decodeURIComponent(cache[1] as string));
      if (repo === true) return true;
      const file = this.store.at(repo, cache[2] as string)?.files.get(decodeURIComponent(cache[3] as string));
      if (!file) return error(404, 'Entry not found', 'EntryNotFound');
      serveBytes(
        req,
        res,
        file.bytes,
        { ...ctx.headers, ETag: `"${file.gitOid}"`, 'X-Repo-Commit': cache[2] as string },
        ctx.count,
      );
      return true;
    }

    const api = /^\/api\/datasets\/([^/]+\/[^/]+?)(?:\/(revision|commits|preupload|commit)\/([^/]+))?$/.exec(p);
    if (!api) return false;
    const [, id, verb, rev = 'main'] = api as unknown as [string, string, string | undefined, string | undefined];
    const isWrite = verb === 'preupload' || verb === 'commit';
    const repo = isWrite ? writable(decodeURIComponent(id)) : readable(decodeURIComponent(id));
    if (repo === true) return true;
    const at = this.store.at(repo, decodeURIComponent(rev));
    if (!at && !isWrite) return error(404, `Invalid rev id: ${rev}`, 'RevisionNotFound');
    if (!verb || verb === 'revision') return json(200, repoInfo(repo, at ?? this.store.at(repo, 'main')));
    if (verb === 'commits') {
      const page = commitList(repo, at, url);
      return json(200, page.items, { 'X-Total-Count': String(page.total), ...(page.link ? { Link: page.link } : {}) });
    }
    if (rev !== 'main') return error(400, 'The local Hub commits to main only');
    const body = await readBody(req);
    if (verb === 'preupload') {
      const { files } = JSON.parse(body.toString('utf8')) as {
        files: { path: string; size: number; sample: string }[];
      };
      return json(200, {
        files: files.map((f) => ({
          path: f.path,
          uploadMode: wantsLfs(f.path, f.size, Buffer.from(f.sample, 'base64')) ? 'lfs' : 'regular',
          shouldIgnore: false,
        })),
      });
    }
    return this.commit(repo, body, ctx.token as string, url, json, error);
  }

  private resolve(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    ctx: DatasetContext,
    [id, rev, path]: string[],
    readable: (id: string) => DatasetRepo | true,
    error: (status: number, message: string, code?: string) => true,
  ): true {
    const repo = readable(id as string);
    if (repo === true) return true;
    const commit = this.store.at(repo, rev as string);
    if (!commit) return error(404, `Invalid rev id: ${rev}`, 'RevisionNotFound');
    const file = commit.files.get(path as string);
    if (!file) return error(404, 'Entry not found', 'EntryNotFound');
    const meta = { 'X-Repo-Commit': commit.oid, ETag: `"${file.lfs ? file.sha256 : file.gitOid}"` };
    if (repo.private) {
      serveBytes(req, res, file.bytes, { ...ctx.headers, ...meta }, ctx.count);
      return true;
    }
    const location = file.lfs
      ? `${url.origin}/__cdn/${file.sha256}`
      : `/api/resolve-cache/datasets/${repo.id}/${commit.oid}/${encodeURI(path as string)}?etag=${encodeURIComponent(meta.ETag)}`;
    const status = file.lfs ? 302 : 307;
    ctx.count(status);
    const linked = file.lfs ? { 'X-Linked-Size': String(file.bytes.length), 'X-Linked-ETag': meta.ETag } : {};
    res.writeHead(status, {
      ...ctx.headers,
      ...meta,
      ...linked,
      Location: location,
      'Content-Type': 'text/plain; charset=utf-8',
    });
    res.end(`Found. Redirecting to ${location}`);
    return true;
  }

  private commit(
    repo: DatasetRepo,
    body: Buffer,
    token: string,
    url: URL,
    json: (status: number, body: unknown) => true,
    error: (status: number, message: string, code?: string) => true,
  ): true {
    const lines = body
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { key: string; value: Record<string, unknown> });
    const header = lines.find((l) => l.key === 'header')?.value ?? {};
    const head = this.store.at(repo, 'main');
    if (typeof header.parentCommit === 'string' && header.parentCommit !== head?.oid)
      return error(412, 'A commit has happened since. Please refresh and try again.');
    const put: [string, StoredFile][] = [];
    const del: string[] = [];
    for (const { key, value } of lines) {
      const path = String(value.path ?? '');
      if (key === 'file')
        put.push([path, storedFile(new Uint8Array(Buffer.from(String(value.content), 'base64')), false)]);
      else if (key === 'lfsFile') {
        const bytes = this.store.lfs.get(String(value.oid));
        if (!bytes)
          return error(
            422,
            `Your push was rejected because an LFS pointer pointed to a file that does not exist (${path})`,
          );
        put.push([path, storedFile(bytes, true)]);
      } else if (key === 'deletedFile') del.push(path);
    }
    const title = typeof header.summary === 'string' && header.summary ? header.summary : 'Upload files';
    const message = typeof header.description === 'string' ? header.description : '';
    const commit = this.store.commit(repo, { title, message, author: userOf(token), put, del });
    return json(200, {
      success: true,
      commitOid: commit.oid,
      commitUrl: `${url.origin}/datasets/${repo.id}/commit/${commit.oid}`,
      hookOutput: '',
    });
  }
}
