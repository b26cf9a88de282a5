// Ordering for statistics tables: code-unit string order (stable across locales, and far cheaper than
// localeCompare on 100,000-row tables), and the k largest items of a long list without sorting all of it.

export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The `k` items of largest size, ties by name, largest first. */
export function topBy<T>(items: Iterable<T>, size: (t: T) => number, name: (t: T) => string, k: number): T[] {
  const before = (x: T, y: T): boolean => size(x) > size(y) || (size(x) === size(y) && name(x) < name(y));
  const top: T[] = [];
  for (const item of items) {
    if (top.length === k && !before(item, top[k - 1] as T)) continue;
    let i = Math.min(top.length, k - 1);
    while (i > 0 && before(item, top[i - 1] as T)) i--;
    top.splice(i, 0, item);
    if (top.length > k) top.pop();
  }
  return top;
}
