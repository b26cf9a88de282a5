// Layout worker: runs the radial tree layout off the main thread, transfers the positions back and stores them in
// the Hub's cache (layout-job.ts). A request it cannot use gets an answer saying why, never silence; the page's
// owner of this worker (ui/session/layout-owner.ts) handles the worker's own failures and its end.
import { answerLayout, storeOpener } from './layout-job.ts';
import type { LayoutResponse } from './protocol.ts';

interface WorkerScope {
  onmessage: ((e: MessageEvent<unknown>) => void) | null;
  postMessage(message: LayoutResponse, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
const openStore = storeOpener();

scope.onmessage = (e) => {
  void answerLayout(e.data, openStore).then(({ response }) =>
    scope.postMessage(response, response.ok ? [response.placed.buffer as ArrayBuffer] : []),
  );
};
