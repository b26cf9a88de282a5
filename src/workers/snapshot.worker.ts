// Snapshot worker: reads a snapshot JSON (a linked http(s) address or a picked file) as a stream, telling the
// page how many bytes have arrived, then parses and validates it and hands back the graph in columnar form
// (transferred), so a file of a million edges never freezes the tab.
import { parseSnapshot } from '../export/snapshot.ts';
import { encodeLineage } from '../lineage/columnar.ts';
import { transferables, type SnapshotEvent, type SnapshotRequest } from './protocol.ts';

interface WorkerScope {
  onmessage: ((e: MessageEvent<SnapshotRequest>) => void) | null;
  postMessage(message: SnapshotEvent, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
const post = (event: SnapshotEvent, transfer: Transferable[] = []): void => scope.postMessage(event, transfer);
/** Progress at most this often, so the messages cost nothing next to the reading. */
const PROGRESS_MS = 100;

scope.onmessage = (e) => void read(e.data);

async function read(req: SnapshotRequest): Promise<void> {
  const what = req.type === 'url' ? 'The linked snapshot' : req.file.name;
  let text: string;
  try {
    text = req.type === 'url' ? await fromUrl(req.url) : await readStream(req.file.stream(), req.file.size);
  } catch (e) {
    return post({ type: 'error', message: `${what} could not be read (${(e as Error).message}).` });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return post({ type: 'error', message: `${what} is not JSON.` });
  }
  const parsed = parseSnapshot(raw);
  if (!parsed.ok) return post({ type: 'error', message: `${what} is not a Forkscope snapshot: ${parsed.error}` });
  const { hub, orgs, roots, crawledAt, nodes, edges, hubDerivatives } = parsed.snapshot;
  const lineage = encodeLineage({ nodes, edges });
  const meta = { hub, orgs, roots, crawledAt, ...(hubDerivatives && { hubDerivatives }) };
  post({ type: 'done', lineage, meta }, transferables(lineage));
}

async function fromUrl(url: string): Promise<string> {
  const res = await fetch(url, { credentials: 'omit' });
  if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
  const length = Number(res.headers.get('content-length'));
  return readStream(res.body, Number.isFinite(length) && length > 0 ? length : null);
}

async function readStream(stream: ReadableStream<Uint8Array>, total: number | null): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  let last = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    parts.push(decoder.decode(value, { stream: true }));
    if (performance.now() - last >= PROGRESS_MS) {
      last = performance.now();
      post({ type: 'progress', bytes, total });
    }
  }
  parts.push(decoder.decode());
  post({ type: 'progress', bytes, total });
  return parts.join('');
}
