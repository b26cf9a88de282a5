// The address bar's writer: a pick, a focus or a selection is a new history entry, anything else rewrites the
// current one at most a moment after a change; Copy link's `now` makes a waiting write first; an entry Back
// brought back is never overwritten by what waited for the one left. Fake history and location, fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AddressWriter, WRITE_DELAY_MS, WRITE_MAX_WAIT_MS, type HistoryLike } from '../../src/ui/address-bar.ts';
import { stepKey, withStep } from '../../src/view/history.ts';
import { defaultView, type ViewState } from '../../src/view/state.ts';
import { decodeLink, encodeLink } from '../../src/view/url-codec.ts';

/** A history of entries (queries), with the current index, as the browser keeps it. */
function fakeHistory() {
  const entries = ['/'];
  let at = 0;
  const location = {
    pathname: '/',
    get href(): string {
      return `http://app.test${entries[at]}`;
    },
  };
  // Addresses are resolved against the page's, as the browser does.
  const resolve = (url: string): string => {
    const u = new URL(url, `http://app.test${entries[at]}`);
    return `${u.pathname}${u.search}`;
  };
  const history: HistoryLike = {
    pushState: (_d, _u, url) => {
      entries.splice(at + 1, Infinity, resolve(url));
      at++;
    },
    replaceState: (_d, _u, url) => void (entries[at] = resolve(url)),
  };
  return { history, location, entries, back: () => entries[--at] as string, at: () => at };
}

const query = (view: ViewState): string =>
  encodeLink({ view, camera: null, crawledAt: null, hub: 'x', defaultHub: 'x', snap: null }).toString();

describe('the address writer', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('pushes picks, focus and selections, and rewrites the entry for anything else a moment later', () => {
    const h = fakeHistory();
    let view = defaultView();
    const writer = new AddressWriter(stepKey(view), h.history, h.location);
    const write = (v: ViewState): void => writer.write(query((view = v)), stepKey(v));

    write({ ...view, colorBy: 'license' });
    write({ ...view, filters: { ...view.filters, minDownloads: 5 } });
    expect(h.entries).toEqual(['/']);
    vi.advanceTimersByTime(WRITE_DELAY_MS);
    expect(h.entries).toEqual(['/?v=1&c=license&dmin=5']);

    write({ ...view, fold: false });
    write({ ...view, selected: 'Q/base' });
    // The filter waiting for the first entry went there before the pick got its own entry.
    expect(h.entries).toEqual(['/?v=1&c=license&fold=0&dmin=5', '/?v=1&s=Q%2Fbase&c=license&fold=0&dmin=5']);
    write({ ...view, focus: 'Q/base' });
    write({
      ...view,
      selection: { rule: { kind: 'lineage', root: 'Q/base', up: false, down: true, depth: 1 }, add: [], remove: [] },
    });
    write({ ...view, selected: null });
    expect(h.entries).toHaveLength(5);
    expect(h.entries.map((e) => decodeLink(e.slice(1)).view.focus)).toEqual([null, null, 'Q/base', 'Q/base', 'Q/base']);
    // Writing the same step again (a pan, a filter) adds no entry.
    write({ ...view, sizeBy: 'likes' });
    vi.advanceTimersByTime(WRITE_DELAY_MS);
    expect(h.entries).toHaveLength(5);
    expect(h.entries[4]).toMatch(/z=likes/);
  });

  it('writes a change at most a second after it even while the camera keeps moving, and at most once a second', () => {
    const h = fakeHistory();
    const view = defaultView();
    const writer = new AddressWriter(stepKey(view), h.history, h.location);
    const changed = { ...view, orgs: ['Qwen'] };
    const orgs = () => decodeLink(h.entries[0]?.slice(1) ?? '').view.orgs;
    writer.write(query(changed), stepKey(changed));
    // A framing animation: one write per frame, each with the changed view, for longer than the longest wait.
    const frame = 40;
    let waited = 0;
    while (h.entries[0] === '/') {
      vi.advanceTimersByTime(frame);
      waited += frame;
      writer.write(query(changed), stepKey(changed));
    }
    expect(waited).toBeGreaterThan(WRITE_DELAY_MS);
    expect(waited).toBeLessThanOrEqual(WRITE_MAX_WAIT_MS);
    expect(orgs()).toEqual(['Qwen']);
    // A change during the same animation goes out within the next second too: one write a second, not a frame.
    const again = { ...changed, orgs: ['Qwen', 'meta-llama'] };
    let writes = 0;
    const replace = h.history.replaceState;
    h.history.replaceState = (...args) => (writes++, replace(...args));
    for (let t = 0; t < WRITE_MAX_WAIT_MS; t += frame) {
      writer.write(query(again), stepKey(again));
      vi.advanceTimersByTime(frame);
    }
    expect(orgs()).toEqual(['Qwen', 'meta-llama']);
    expect(writes).toBe(1);
    expect(h.entries).toHaveLength(1);
  });

  it('keeps working when the browser refuses a history write', () => {
    const h = fakeHistory();
    const view = defaultView();
    const writer = new AddressWriter(stepKey(view), h.history, h.location);
    const refuse = (): never => {
      throw new DOMException('too many calls', 'SecurityError');
    };
    const [push, replace] = [h.history.pushState, h.history.replaceState];
    [h.history.pushState, h.history.replaceState] = [refuse, refuse];
    const picked = { ...view, selected: 'Q/base' };
    expect(() => writer.write(query(picked), stepKey(picked))).not.toThrow();
    const coloured = { ...picked, colorBy: 'license' as const };
    writer.write(query(coloured), stepKey(coloured));
    expect(() => vi.advanceTimersByTime(WRITE_MAX_WAIT_MS)).not.toThrow();
    [h.history.pushState, h.history.replaceState] = [push, replace];
    const sized = { ...coloured, sizeBy: 'likes' as const };
    writer.write(query(sized), stepKey(sized));
    vi.advanceTimersByTime(WRITE_MAX_WAIT_MS);
    expect(h.entries.at(-1)).toMatch(/z=likes/);
  });

  it('gives Copy link the view as it is now, not as it was before the last change', () => {
    const h = fakeHistory();
    const view = defaultView();
    const writer = new AddressWriter(stepKey(view), h.history, h.location);
    const changed = { ...view, filters: { ...view.filters, minDownloads: 200 } };
    writer.write(query(changed), stepKey(changed));
    expect(writer.now()).toBe('http://app.test/?v=1&dmin=200');
    vi.advanceTimersByTime(WRITE_DELAY_MS);
    expect(h.entries).toEqual(['/?v=1&dmin=200']);
  });

  it('drops what waited for the entry left when Back brings another one back, whose step it restores', () => {
    const h = fakeHistory();
    let view = defaultView();
    const writer = new AddressWriter(stepKey(view), h.history, h.location);
    const write = (v: ViewState): void => writer.write(query((view = v)), stepKey(v));
    write({ ...view, selected: 'Q/base' });
    write({ ...view, focus: 'Q/base' });
    write({ ...view, colorBy: 'relation' });
    const entry = decodeLink(h.back().slice(1)).view;
    writer.restored(stepKey(entry));
    vi.advanceTimersByTime(WRITE_DELAY_MS);
    expect(h.entries).toEqual(['/', '/?v=1&s=Q%2Fbase', '/?v=1&f=Q%2Fbase&s=Q%2Fbase']);
    // Back undoes the focus and keeps the colouring chosen since; the entry is then rewritten with that view.
    const restored = withStep(view, entry);
    expect([restored.selected, restored.focus, restored.colorBy]).toEqual(['Q/base', null, 'relation']);
    // An effect of a render made before Back (a camera frame) still carries the focus: it pushes nothing.
    write({ ...view });
    expect(h.entries).toHaveLength(3);
    expect(h.at()).toBe(1);
    write(restored);
    vi.advanceTimersByTime(WRITE_DELAY_MS);
    expect(h.entries[h.at()]).toBe('/?v=1&s=Q%2Fbase&c=relation');
    expect(h.entries).toHaveLength(3);
  });
});
