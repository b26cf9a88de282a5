// The real Hub's quirks that a crawl meets at scale (hub-api.md §9), carried by every synthetic Hub:
// - disabled repos: absent from listings, their info route answers 403 "Access to this resource is disabled.";
//   named as tag parents, as card entries and as a root;
// - uploader-written lineage tags that name no repo: PEFT's `base_model:adapter:<local path>` and a relation word
//   the Hub does not compute (`base_model:distill:…`);
// - legacy creation dates (builder.ts gives every repo made before March 2022 the Hub's legacy date).
// Generated (or loaded) models get their quirks from a random stream of their own.
import type { RecordSink } from './builder.ts';
import { FIXTURE } from './fixtures.ts';
import type { Rng } from './random.ts';
import type { HubRecord, Relation } from './records.ts';

export const QUIRK = {
  disabledParent: 'bad-actor/Llama-3.1-8B-disabled-parent',
  disabledMergeChild: 'bad-actor-fan/Llama-3.1-8B-disabled-merge',
  disabledCard: 'bad-actor/Qwen2.5-7B-disabled-base',
  disabledCardChild: 'card-user/Qwen2.5-7B-names-a-disabled-base',
  disabledRoot: 'bad-actor/Disabled-Root-7B',
  disabledRootChildren: ['root-fan/Disabled-Root-7B-sft', 'root-fan/Disabled-Root-7B-GGUF'],
  localPathAdapter: 'peft-user/Qwen2.5-7B-lora-local-path',
  dotPathAdapter: 'peft-user/Llama-3.1-8B-lora-dot-path',
  distilled: 'distill-user/Qwen2.5-7B-R1-distilled',
  junkOnlyAdapter: 'peft-user/lora-checkpoint-only',
  legacyChild: 'legacy-user/gpt2-ft-2021',
} as const;

export const LOCAL_PATH_TAGS = [
  'base_model:adapter:/workspace/outputs/run/checkpoint-500',
  'base_model:adapter:./llama-7b',
] as const;
/** Names a real model of another family: read into a parent, it would be a wrong edge, not only a junk node. */
export const UNKNOWN_RELATION_TAG = 'base_model:distill:deepseek-ai/DeepSeek-R1';

const day = (iso: string): number => Date.parse(`${iso}T12:00:00Z`);

/** The models the quirk fixtures hang under (they exist in the synthetic Hub and in ../shared/hub-data). */
export interface QuirkAnchors {
  qwen: string;
  llama: string;
  /** A repo made before March 2022 to hang a legacy-dated child under, where the data has one. */
  legacy?: string;
}

export const SYNTHETIC_ANCHORS: QuirkAnchors = {
  qwen: FIXTURE.qwenInstruct,
  llama: FIXTURE.llamaInstruct,
  legacy: FIXTURE.legacy,
};

export function addQuirkFixtures(b: RecordSink, anchors: QuirkAnchors = SYNTHETIC_ANCHORS): void {
  const Q = QUIRK;
  const llama = { arch: 'llama', license: 'llama3.1' };
  const qwen = { arch: 'qwen2', license: 'apache-2.0' };
  const adapter = { library: 'peft' };
  const at = day('2025-04-01');
  const tuned = (id: string, parent: string, relation: 'finetune' | 'adapter' = 'finetune') => ({
    id,
    createdAt: at,
    parents: [{ id: parent, relation }],
  });
  // A disabled parent of a listed merge, a disabled card entry the Hub gave no tag for, a disabled root.
  b.add({ ...tuned(Q.disabledParent, anchors.llama), createdAt: at - 86_400_000, disabled: true, ...llama }, 'llama');
  const mergeParents = [anchors.llama, Q.disabledParent].map((id) => ({ id, relation: 'merge' as const }));
  b.add({ ...tuned(Q.disabledMergeChild, anchors.llama), parents: mergeParents, ...llama }, 'llama');
  b.add({ ...tuned(Q.disabledCard, anchors.qwen), disabled: true, ...qwen }, 'qwen');
  b.add({ ...tuned(Q.disabledCardChild, anchors.qwen), cardBase: [anchors.qwen, Q.disabledCard], ...qwen }, 'qwen');
  b.add({ id: Q.disabledRoot, createdAt: day('2024-06-01'), disabled: true, ...qwen }, 'other');
  for (const id of Q.disabledRootChildren) b.add({ ...tuned(id, Q.disabledRoot), ...qwen }, 'other');
  // Tags that name no repo, on models with a real parent, and alone on a model with none.
  const localPath = [LOCAL_PATH_TAGS[0]];
  b.add({ ...tuned(Q.localPathAdapter, anchors.qwen, 'adapter'), extraTags: localPath, ...adapter }, 'qwen');
  const dotPath = [LOCAL_PATH_TAGS[1]];
  b.add({ ...tuned(Q.dotPathAdapter, anchors.llama, 'adapter'), extraTags: dotPath, ...adapter }, 'llama');
  b.add({ ...tuned(Q.distilled, anchors.qwen), extraTags: [UNKNOWN_RELATION_TAG], ...qwen }, 'qwen');
  b.add({ id: Q.junkOnlyAdapter, createdAt: at, extraTags: [...LOCAL_PATH_TAGS], ...adapter }, 'none');
  if (anchors.legacy)
    b.add({ ...tuned(Q.legacyChild, anchors.legacy), createdAt: day('2021-06-01'), license: 'mit' }, 'gpt2');
}

/** Shares among generated models: disabled derivatives, adapters with a local-path tag, finetunes with an unknown
 * relation word, and models without lineage made before March 2022 (a tenth of them: about 1.5% of the Hub). */
const SHARE = { disabled: 0.003, localPath: 0.03, unknownRelation: 0.01, legacy: 0.1 };
const LEGACY_FROM = Date.UTC(2019, 0, 1);
const LEGACY_TO = Date.UTC(2022, 1, 28);

/** What the quirks do to one record: an old repo's legacy date (and its real creation time in the ObjectId), a
 * disabled repo, an uploader-written lineage tag that names no repo. */
export interface Quirk {
  legacyCreated?: number;
  disabled?: boolean;
  tag?: string;
}

/** Gives records (generated ones, not the fixtures) their quirks, from their own random stream; with a legacy
 * date, some models without lineage become old repos (never for real records, whose dates are real). */
export function applyQuirks(records: readonly HubRecord[], rng: Rng, legacyDate?: string): void {
  for (const r of records) {
    const hasLineageTag = r.tags.some((t) => t.startsWith('base_model:'));
    applyQuirk(r, drawQuirk(rng, r.parents[0]?.relation, hasLineageTag, legacyDate), legacyDate);
  }
}

/** One record's quirk, drawn from the quirks' stream (the compact table draws it as it generates the record). */
export function drawQuirk(
  rng: Rng,
  relation: Relation | undefined,
  hasLineageTag: boolean,
  legacyDate: string | undefined,
): Quirk {
  if (!relation) {
    if (!legacyDate || hasLineageTag || !rng.chance(SHARE.legacy)) return {};
    return { legacyCreated: LEGACY_FROM + rng.int(Math.floor((LEGACY_TO - LEGACY_FROM) / 1000)) * 1000 };
  }
  const q: Quirk = {};
  if (rng.chance(SHARE.disabled)) q.disabled = true;
  if (relation === 'adapter' && rng.chance(SHARE.localPath)) q.tag = rng.pick(LOCAL_PATH_TAGS);
  if (relation === 'finetune' && rng.chance(SHARE.unknownRelation)) q.tag = UNKNOWN_RELATION_TAG;
  return q;
}

export function applyQuirk(r: HubRecord, q: Quirk, legacyDate: string | undefined): void {
  if (q.legacyCreated !== undefined && legacyDate) {
    // An old repo: the legacy date, and an ObjectId from its real (earlier) creation time.
    r._id =
      Math.floor(q.legacyCreated / 1000)
        .toString(16)
        .padStart(8, '0') + r._id.slice(8);
    r.createdAt = legacyDate;
  }
  if (q.disabled) r.disabled = true;
  if (q.tag) r.tags.push(q.tag);
}
