// The values the filter menus offer: every license, pipeline tag and library present in the models, sorted. Read from
// the laid-out lineage's own records (not the shared graph), so it can be computed after the first frame.
import type { ModelNode } from '../lineage/types.ts';

export function filterOptions(models: readonly ModelNode[]): {
  licenses: string[];
  pipelines: string[];
  libraries: string[];
} {
  const sets = { licenses: new Set<string>(), pipelines: new Set<string>(), libraries: new Set<string>() };
  for (const a of models) {
    if (a.license) sets.licenses.add(a.license);
    if (a.pipeline_tag) sets.pipelines.add(a.pipeline_tag);
    if (a.library_name) sets.libraries.add(a.library_name);
  }
  const sorted = (s: Set<string>) => [...s].sort();
  return { licenses: sorted(sets.licenses), pipelines: sorted(sets.pipelines), libraries: sorted(sets.libraries) };
}
