// A second (and third) Hub address for e2e tests: a loopback proxy in front of a local Hub that records the
// Authorization header of every request it forwards, so a test can tell which Hub saw a token. Each proxy is
// its own origin, hence its own Hub and cache for the app.
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingHub {
  url: string;
  /** Authorization headers seen, in order (preflights carry none; they list the header names instead). */
  authorizations: string[];
  /** Requests forwarded (preflights included). */
  requests: number;
  close(): Promise<void>;
}

/** Rewrites a response body the Hub sent (for `path`), or returns null to pass it on untouched. */
export type Mangle = (path: string, body: string) => string | null;

export interface ProxyOptions {
  mangle?: Mangle;
  /** Extra latency per request (a slow Hub), in milliseconds. */
  latencyMs?: number;
}

export async function recordingProxy(target: string, options: ProxyOptions = {}): Promise<RecordingHub> {
  const { mangle, latencyMs = 0 } = options;
  const to = new URL(target);
  const hub: RecordingHub = { url: '', authorizations: [], requests: 0, close: async () => undefined };
  const server = createServer((req, res) => {
    if (latencyMs > 0) req.pause();
    setTimeout(() => forward(req, res), latencyMs);
  });
  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    hub.requests++;
    if (req.headers.authorization) hub.authorizations.push(req.headers.authorization);
    // The Host header is kept, so the Hub writes its Link headers with the proxy's address, as a Hub would.
    const headers: IncomingHttpHeaders = { ...req.headers };
    const upstream = request(
      { hostname: to.hostname, port: to.port, path: req.url, method: req.method, headers },
      (answer) => {
        if (!mangle) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          const changed = mangle(req.url ?? '/', body);
          const out = changed ?? body;
          const headers = { ...answer.headers, 'content-length': String(Buffer.byteLength(out)) };
          delete headers['transfer-encoding'];
          res.writeHead(answer.statusCode ?? 502, headers);
          res.end(out);
        });
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
    req.resume();
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  hub.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return hub;
}
