// A second (and third) Hub address for e2e tests: a loopback proxy in front of a local Hub that records the
// Authorization header of every request it forwards, so a test can tell which Hub saw a token. Each proxy is
// its own origin, hence its own Hub and cache for the app.
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingHub {
  url: string;
  /** Authorization headers seen, in order (preflights carry none; they list the header names instead). */
  authorizations: string[];
  /** Requests forwarded (preflights included). */
  requests: number;
  close(): Promise<void>;
}

export async function recordingProxy(target: string): Promise<RecordingHub> {
  const to = new URL(target);
  const hub: RecordingHub = { url: '', authorizations: [], requests: 0, close: async () => undefined };
  const server = createServer((req, res) => {
    hub.requests++;
    if (req.headers.authorization) hub.authorizations.push(req.headers.authorization);
    // The Host header is kept, so the Hub writes its Link headers with the proxy's address, as a Hub would.
    const headers: IncomingHttpHeaders = { ...req.headers };
    const upstream = request(
      { hostname: to.hostname, port: to.port, path: req.url, method: req.method, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  hub.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return hub;
}
