// The flattened programs (src/render/flatten.ts) write each item's attributes and the constant per-vertex data for
// every vertex, in the order the definition lists them: what sigma's instanced draw reads, as one plain draw. The
// pixels are checked in Chromium by the end-to-end screenshots (the renderer draws with these programs there).
import type { NodeProgramType } from 'sigma/rendering';
import { describe, expect, it } from 'vitest';
import { flattened } from '../../src/render/flatten.ts';

/** sigma's Program as far as flattening reads it: the definition read in the constructor, one item written. */
class FakeInstancedProgram {
  ATTRIBUTES_ITEMS_COUNT: number;
  VERTICES: number;
  array: Float32Array;
  constructor() {
    const def = this.getDefinition();
    this.VERTICES = def.VERTICES;
    this.ATTRIBUTES_ITEMS_COUNT = def.ATTRIBUTES.reduce((sum, a) => sum + a.size, 0);
    // Room for two items of a plain (flattened) draw: every vertex holds all attributes.
    this.array = new Float32Array(2 * this.ATTRIBUTES_ITEMS_COUNT * this.VERTICES).fill(-1);
  }
  getDefinition() {
    return {
      VERTICES: 3,
      VERTEX_SHADER_SOURCE: '',
      FRAGMENT_SHADER_SOURCE: '',
      UNIFORMS: [],
      METHOD: 4,
      ATTRIBUTES: [
        { name: 'a_position', size: 2, type: 5126 },
        { name: 'a_size', size: 1, type: 5126 },
      ],
      CONSTANT_ATTRIBUTES: [{ name: 'a_angle', size: 1, type: 5126 }],
      CONSTANT_DATA: [[10], [20], [30]],
    };
  }
  processVisibleItem(_index: number, start: number, data: { x: number; y: number; size: number }): void {
    this.array.set([data.x, data.y, data.size], start);
  }
}

const Flat = flattened(FakeInstancedProgram as unknown as NodeProgramType) as unknown as typeof FakeInstancedProgram;

describe('flattened sigma programs', () => {
  it('declares the constant attributes per vertex and no instancing', () => {
    const def = new Flat().getDefinition();
    expect(def.ATTRIBUTES.map((a) => a.name)).toEqual(['a_position', 'a_size', 'a_angle']);
    expect('CONSTANT_ATTRIBUTES' in def || 'CONSTANT_DATA' in def).toBe(false);
  });

  it("writes the item's attributes and each vertex's constants, for every vertex, in place", () => {
    const program = new Flat();
    const stride = 3 * 4;
    program.processVisibleItem(0, 0, { x: 1, y: 2, size: 3 });
    program.processVisibleItem(1, stride, { x: 4, y: 5, size: 6 });
    expect([...program.array]).toEqual([
      ...[1, 2, 3, 10, 1, 2, 3, 20, 1, 2, 3, 30],
      ...[4, 5, 6, 10, 4, 5, 6, 20, 4, 5, 6, 30],
    ]);
  });
});
