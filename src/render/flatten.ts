// sigma's disc and edge programs without instancing, for WebGL rasterized in software. sigma 3 draws each disc and
// edge as one instance of a few constant vertices; SwiftShader (Chromium's WebGL without a GPU, and every test and
// benchmark here) emulates an instanced draw instance by instance, so a frame of 300,000 discs and 330,000 edges took
// 32 s where the same vertices written out per item take 7.5 s, discs alone 14.5 s against 1.0 s (measured in
// Chromium, 1400×780 canvas). The shaders and the pixels are sigma's own (a screenshot compares equal byte for byte);
// only the vertex buffer is written out. A GPU keeps sigma's instanced programs and their smaller buffers; in software
// the app flattens its discs, and draws edges as sigma's lines, which are plain already and smaller still (settings.ts).
import type {
  EdgeProgramType,
  NodeProgramType,
  ProgramAttributeSpecification,
  ProgramDefinition,
} from 'sigma/rendering';

interface InstancedDefinition extends ProgramDefinition {
  CONSTANT_ATTRIBUTES?: ProgramAttributeSpecification[];
  CONSTANT_DATA?: number[][];
}

/** What the flattened program's constructor and writer call on sigma's program. */
interface ProgramInternals {
  array: Float32Array;
  ATTRIBUTES_ITEMS_COUNT: number;
  getDefinition(): InstancedDefinition;
  processVisibleItem(index: number, start: number, ...data: unknown[]): void;
}
type ProgramClass = new (...args: never[]) => ProgramInternals;

/** `Program` with its constant per-vertex data written beside each item's, for every vertex: a plain draw. */
export function flattened<P extends NodeProgramType | EdgeProgramType>(Program: P): P {
  const Base = Program as unknown as ProgramClass;
  // The same for every instance: read by the first getDefinition (sigma's constructor calls it).
  let constants: number[][] = [];
  class Flattened extends Base {
    override getDefinition(): InstancedDefinition {
      const { CONSTANT_ATTRIBUTES, CONSTANT_DATA, ...plain } = super.getDefinition();
      if (!CONSTANT_ATTRIBUTES || !CONSTANT_DATA) return plain;
      constants = CONSTANT_DATA;
      return { ...plain, ATTRIBUTES: [...plain.ATTRIBUTES, ...CONSTANT_ATTRIBUTES] };
    }

    /** sigma writes the item's own attributes once at `start`; they are copied to each vertex, then its constants. */
    override processVisibleItem(index: number, start: number, ...data: unknown[]): void {
      super.processVisibleItem(index, start, ...data);
      const array = this.array;
      const perVertex = this.ATTRIBUTES_ITEMS_COUNT;
      const own = perVertex - (constants[0]?.length ?? 0);
      for (let vertex = 0; vertex < constants.length; vertex++) {
        const at = start + vertex * perVertex;
        if (vertex > 0) array.copyWithin(at, start, start + own);
        array.set(constants[vertex] as number[], at + own);
      }
    }
  }
  return Flattened as unknown as P;
}
