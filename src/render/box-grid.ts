// Where labels may still go: the boxes already taken in a frame (labels, the discs they name, the page's controls
// over the canvas), bucketed in a coarse grid so a frame of a few hundred labels tests each box against few others.
// Viewport pixels throughout.

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Bucket size of the grid, in pixels. */
const CELL = 64;

export class BoxGrid {
  private buckets = new Map<number, Box[]>();

  clear(): void {
    this.buckets.clear();
  }

  /** Whether `b` meets a box taken before (touching edges do not meet). */
  collides(b: Box): boolean {
    for (const key of cellsOf(b))
      for (const o of this.buckets.get(key) ?? [])
        if (b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1) return true;
    return false;
  }

  occupy(b: Box): void {
    for (const key of cellsOf(b)) {
      const list = this.buckets.get(key);
      if (list) list.push(b);
      else this.buckets.set(key, [b]);
    }
  }
}

/** Grid cells a box touches, as one number each (labels are short: a box touches few cells). */
function* cellsOf(b: Box): Generator<number> {
  const [cx0, cx1] = [cell(b.x0), cell(b.x1)];
  const [cy0, cy1] = [cell(b.y0), cell(b.y1)];
  for (let cx = cx0; cx <= cx1; cx++) for (let cy = cy0; cy <= cy1; cy++) yield (cx + 4096) * 8192 + cy + 4096;
}

/** A coordinate's cell, kept within the grid's numbering (±4,096 cells, far beyond any canvas; NaN in cell 0). */
function cell(v: number): number {
  return Number.isNaN(v) ? 0 : Math.max(-4096, Math.min(4095, Math.floor(v / CELL)));
}
