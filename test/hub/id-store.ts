// The local Hub's model ids, compactly: UTF-8 bytes of every id in one buffer with their offsets, and an
// open-addressing hash index (typed arrays) over the lower-cased ids, since the Hub's ids are unique
// case-insensitively. Millions of ids cost their bytes plus ~30 bytes each, and no JS object per id.

const EMPTY = 0;

export class IdStore {
  private bytes: Buffer = Buffer.alloc(1 << 16);
  private used = 0;
  private offsets: Uint32Array;
  private count = 0;
  /** Row + 1 per slot (0 is empty), and each slot's hash so most misses skip decoding an id. */
  private slots = new Int32Array(1 << 10);
  private hashes = new Int32Array(1 << 10);

  constructor(expected = 1024) {
    this.offsets = new Uint32Array(expected + 1);
  }

  get length(): number {
    return this.count;
  }

  /** Appends an id and returns its row; a later id that differs only in case takes over the look-up. */
  add(id: string): number {
    const need = this.used + Buffer.byteLength(id, 'utf8');
    if (need > this.bytes.length) this.bytes = grown(this.bytes, need);
    if (this.count + 2 > this.offsets.length)
      this.offsets = copyInto(new Uint32Array(this.offsets.length * 2), this.offsets);
    this.used += this.bytes.write(id, this.used, 'utf8');
    const row = this.count++;
    this.offsets[row + 1] = this.used;
    if (this.count * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    this.place(row, id.toLowerCase());
    return row;
  }

  get(row: number): string {
    return this.bytes.toString('utf8', this.offsets[row], this.offsets[row + 1]);
  }

  /** The row of an id, case-insensitively; -1 when there is none. */
  indexOf(id: string): number {
    const lower = id.toLowerCase();
    const h = hash(lower);
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const at = this.slots[s] as number;
      if (at === EMPTY) return -1;
      if (this.hashes[s] === h && this.get(at - 1).toLowerCase() === lower) return at - 1;
    }
  }

  /** Bytes held, for the benchmarks. */
  get byteSize(): number {
    return this.bytes.length + this.offsets.byteLength + this.slots.byteLength + this.hashes.byteLength;
  }

  private place(row: number, lower: string): void {
    const h = hash(lower);
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const at = this.slots[s] as number;
      if (at === EMPTY || (this.hashes[s] === h && this.get(at - 1).toLowerCase() === lower)) {
        this.slots[s] = row + 1;
        this.hashes[s] = h;
        return;
      }
    }
  }

  private rehash(capacity: number): void {
    const [slots, hashes] = [this.slots, this.hashes];
    this.slots = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let i = 0; i < slots.length; i++) {
      const at = slots[i] as number;
      if (at === EMPTY) continue;
      const h = hashes[i] as number;
      let s = h & mask;
      while (this.slots[s] !== EMPTY) s = (s + 1) & mask;
      this.slots[s] = at;
      this.hashes[s] = h;
    }
  }
}

/** FNV-1a over UTF-16 code units. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

function grown(buf: Buffer, need: number): Buffer {
  const next = Buffer.alloc(Math.max(need, buf.length * 2));
  buf.copy(next);
  return next;
}

function copyInto<T extends Uint32Array>(to: T, from: Uint32Array): T {
  to.set(from);
  return to;
}
