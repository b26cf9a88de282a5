// Which kind of model a chart counts: every kind, or language models only (the Hub's text-generation and
// image-text-to-text pipeline tags, as the ATOM Project's charts count them), narrowed further by the explorer's
// pipeline and library filters. One filter, applied alike to the crawled families (numerator) and to the Hub-wide
// table (denominator), so a share never mixes kinds.
import type { LineageGraph } from '../graph/graph.ts';

export type KindName = 'all' | 'language';
export const KIND_NAMES: readonly KindName[] = ['all', 'language'];

/** Pipeline tags of language models: text in, text out, and the vision-language models that answer in text. */
export const LANGUAGE_PIPELINES: readonly string[] = ['text-generation', 'image-text-to-text'];

export interface KindFilter {
  /** Pipeline tags a model must have; null means any (also none). */
  pipelines: readonly string[] | null;
  /** Library a model must have; null means any. */
  library: string | null;
}

/** The kind filter of a preset, narrowed by the explorer's pipeline and library filters (null = not set). */
export function kindFilter(kind: KindName, pipeline: string | null = null, library: string | null = null): KindFilter {
  const preset = kind === 'language' ? LANGUAGE_PIPELINES : null;
  const pipelines = pipeline === null ? preset : preset === null || preset.includes(pipeline) ? [pipeline] : [];
  return { pipelines, library };
}

export function matchesKind(f: KindFilter, pipeline: string, library: string): boolean {
  return (f.pipelines === null || f.pipelines.includes(pipeline)) && (f.library === null || f.library === library);
}

/** The kind in words, for chart notes and answers. */
export function describeKind(f: KindFilter): string {
  const parts: string[] = [];
  if (f.pipelines !== null)
    parts.push(f.pipelines.length === 0 ? 'no pipeline (filters exclude each other)' : f.pipelines.join(' or '));
  if (f.library !== null) parts.push(`library ${f.library}`);
  return parts.length === 0 ? 'models of any kind' : parts.join(', ');
}

/** Drops from a scope the models not of the kind (pipeline tag and library as the graph holds them). */
export function keepKind(mask: Uint8Array, graph: LineageGraph, ids: readonly string[], f: KindFilter): Uint8Array {
  return keepKindOf(mask, (i) => graph.getNodeAttributes(ids[i] as string), f);
}

/** The same, reading model i's pipeline tag and library from wherever they are held. */
export function keepKindOf(
  mask: Uint8Array,
  nodeAt: (i: number) => { pipeline_tag: string; library_name: string },
  f: KindFilter,
): Uint8Array {
  if (f.pipelines === null && f.library === null) return mask;
  const out = mask.slice();
  for (let i = 0; i < out.length; i++) {
    if (out[i] !== 1) continue;
    const a = nodeAt(i);
    if (!matchesKind(f, a.pipeline_tag, a.library_name)) out[i] = 0;
  }
  return out;
}
