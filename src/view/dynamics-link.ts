// The family-dynamics panel's part of the permalink: short keys, defaults omitted, every value validated; a
// value that cannot be used falls back to its default and is reported, like the rest of the link.
import { RELATIONS } from '../lineage/model.ts';
import { isFamily } from './link-rules.ts';
import { decodeGroupKeys, encodeGroupKeys } from './groups-link.ts';
import { defaultDynamics, MEASURES, WINDOWS, type DynamicsView, type TimelineRelation } from './state.ts';

const TIMELINE_RELATIONS: readonly string[] = ['all', 'split', ...RELATIONS];
const isScope = (s: string): boolean => s === 'all' || s === 'selection' || isFamily(s);

export function encodeDynamics(d: DynamicsView, q: URLSearchParams): void {
  const def = defaultDynamics();
  encodeGroupKeys(d, q);
  if (d.open) q.set('dyn', '1');
  if (d.measure !== def.measure) q.set('dm', d.measure);
  if (d.relation !== def.relation) q.set('dr', d.relation);
  if (d.window !== def.window) q.set('dw', String(d.window));
  if (d.communityOnly) q.set('dc', '1');
  if (d.scope !== def.scope && isScope(d.scope)) q.set('ds', d.scope);
  if (d.a && isFamily(d.a)) q.set('da', d.a);
  if (d.b && isFamily(d.b)) q.set('db', d.b);
}

export function decodeDynamics(q: URLSearchParams, drop: (what: string) => void): DynamicsView {
  const d = defaultDynamics();
  decodeGroupKeys(q, d, drop);
  d.open = q.get('dyn') === '1';
  const measure = q.get('dm');
  if (measure !== null) {
    if ((MEASURES as readonly string[]).includes(measure)) d.measure = measure as DynamicsView['measure'];
    else drop('chart measure');
  }
  const relation = q.get('dr');
  if (relation !== null) {
    if (TIMELINE_RELATIONS.includes(relation)) d.relation = relation as TimelineRelation;
    else drop('chart relation');
  }
  const window = q.get('dw');
  if (window !== null) {
    if (WINDOWS.includes(Number(window))) d.window = Number(window);
    else drop('crossover window');
  }
  d.communityOnly = q.get('dc') === '1';
  const scope = q.get('ds');
  if (scope !== null) {
    if (isScope(scope)) d.scope = scope;
    else drop('statistics scope');
  }
  for (const key of ['da', 'db'] as const) {
    const raw = q.get(key);
    if (raw === null) continue;
    if (isFamily(raw)) d[key === 'da' ? 'a' : 'b'] = raw;
    else drop('compared family');
  }
  return d;
}
