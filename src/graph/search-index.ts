// Autocomplete over every model id, fast on 500,000 ids: prefix matches on the full id and on the name after
// the owner by binary search over sorted keys, then substring matches, ranked by downloads (an exact id first).

export interface SearchHit {
  id: string;
  downloads: number;
}

export class SearchIndex {
  private readonly keys: { key: string; i: number }[];
  private readonly lower: string[];

  constructor(
    private readonly ids: readonly string[],
    private readonly downloads: ArrayLike<number>,
  ) {
    this.lower = ids.map((id) => id.toLowerCase());
    this.keys = [];
    this.lower.forEach((id, i) => {
      this.keys.push({ key: id, i });
      const slash = id.indexOf('/');
      if (slash >= 0) this.keys.push({ key: id.slice(slash + 1), i });
    });
    this.keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
  }

  search(query: string, limit = 10): SearchHit[] {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const found = new Set<number>();
    for (let k = this.lowerBound(q); k < this.keys.length && found.size < 200; k++) {
      const entry = this.keys[k] as { key: string; i: number };
      if (!entry.key.startsWith(q)) break;
      found.add(entry.i);
    }
    const prefix = this.rank(found);
    // An exact id (or exact name after the owner) comes first, whatever its downloads.
    const exact = prefix.findIndex((h) => h.id.toLowerCase() === q || h.id.toLowerCase().endsWith(`/${q}`));
    if (exact > 0) prefix.unshift(...prefix.splice(exact, 1));
    if (prefix.length >= limit) return prefix.slice(0, limit);
    const more = new Set<number>();
    for (let i = 0; i < this.lower.length && more.size < 200; i++)
      if (!found.has(i) && (this.lower[i] as string).includes(q)) more.add(i);
    return [...prefix, ...this.rank(more)].slice(0, limit);
  }

  private rank(set: Set<number>): SearchHit[] {
    return [...set]
      .map((i) => ({ id: this.ids[i] as string, downloads: this.downloads[i] as number }))
      .sort((a, b) => b.downloads - a.downloads || (a.id < b.id ? -1 : 1));
  }

  private lowerBound(q: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.keys[mid] as { key: string }).key < q) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
