// Forkscope's version, kept here once, and the User-Agent it names itself with where a caller may set one:
// the CLI does; the app does not (a browser does not let a page set User-Agent).
export const FORKSCOPE_VERSION = '0.1.0';

/** `forkscope/<version>`, with the runtime after it when given (e.g. `node/22.1.0`). */
export function forkscopeUserAgent(runtime?: string): string {
  return `forkscope/${FORKSCOPE_VERSION}${runtime ? `; ${runtime}` : ''}`;
}
