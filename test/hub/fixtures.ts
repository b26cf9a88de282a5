// The hand-made corner cases of hub-api.md §7.8 that every synthetic Hub carries, whatever its size:
// deep chain, 7-parent merge, renamed/deleted/private/gated/disabled parents, self-reference, 2-cycle, junk cards.
import type { RecordSink, RecordSpec } from './builder.ts';
import type { Relation } from './records.ts';

const day = (iso: string): number => Date.parse(`${iso}T12:00:00Z`);
const rel = (id: string, relation: Relation) => ({ id, relation });

/** Ids the tests look for. */
export const FIXTURE = {
  qwenBase: 'Qwen/Qwen2.5-7B',
  qwenInstruct: 'Qwen/Qwen2.5-7B-Instruct',
  llamaInstruct: 'meta-llama/Llama-3.1-8B-Instruct',
  llamaOldName: 'meta-llama/Meta-Llama-3.1-8B-Instruct',
  chainTip: 'deep-chain/step-12',
  merge7: 'YOYO-AI/Qwen2.5-7B-YOYO-super',
  renamedParentChild: 'Team-ACE/ToolACE-8B',
  deletedParentMerge: 'ghost-user/merge-with-deleted',
  deletedParent: 'deleted-org/vanished-7B',
  privateParent: 'secret-lab/private-base',
  privateParentMerge: 'secret-lab/public-merge',
  gatedAuto: 'gated-lab/Qwen2.5-7B-gated-ft',
  disabled: 'bad-actor/Llama-3.1-8B-disabled',
  selfRef: 'loop-user/self-ref',
  cycleA: 'cycle-user/A',
  cycleB: 'cycle-user/B',
  urlCard: 'url-user/from-url',
  whitespaceCard: 'ws-user/from-whitespace',
  wrongCaseCard: 'case-user/from-wrong-case',
  localPathOrphan: 'path-user/local-path-only',
  localPathMerge: 'path-user/merge-with-local-path',
  mirror: 'unsloth/Meta-Llama-3.1-8B-Instruct',
  legacy: 'openai-community/gpt2',
} as const;

export function addFixtures(b: RecordSink): void {
  const F = FIXTURE;
  const qwen = { arch: 'qwen2', license: 'apache-2.0' };
  const llama = { arch: 'llama', license: 'llama3.1' };
  b.alias('meta-llama/Meta-Llama-3.1-8B', 'meta-llama/Llama-3.1-8B');
  b.alias(F.llamaOldName, F.llamaInstruct);
  let parent: string = F.qwenInstruct;
  for (let step = 1; step <= 12; step++) {
    const id = `deep-chain/step-${step}`;
    b.add(
      { id, createdAt: day('2025-02-01') + step * 86_400_000, parents: [rel(parent, 'finetune')], ...qwen },
      'qwen',
    );
    parent = id;
  }
  const community = [1, 2, 3, 4].map((n) => `mergekit-community/mergekit-ties-${n}`);
  for (const id of community)
    b.add({ id, createdAt: day('2025-02-10'), parents: [rel(F.qwenInstruct, 'finetune')], ...qwen }, 'qwen');
  const mergeParents = [F.qwenBase, F.qwenInstruct, 'Qwen/Qwen2.5-7B-Instruct-1M', ...community];
  b.add(
    {
      id: F.merge7,
      createdAt: day('2025-02-20'),
      parents: mergeParents.map((p) => rel(p, 'merge')),
      cardBase: [...mergeParents.slice(0, 1), 'Qwen/Qwen2.5-7B-instruct', ...mergeParents.slice(2)],
      library: 'transformers',
      extraTags: ['mergekit', 'merge'],
      ...qwen,
    },
    'qwen',
  );
  const llamaTuned = (id: string, extra: Partial<RecordSpec> = {}): void => {
    b.add(
      { id, createdAt: day('2024-10-01'), parents: [rel(F.llamaInstruct, 'finetune')], ...llama, ...extra },
      'llama',
    );
  };
  llamaTuned(F.renamedParentChild, { cardBase: F.llamaOldName });
  b.add(
    {
      id: F.deletedParentMerge,
      createdAt: day('2024-11-01'),
      parents: [rel(F.llamaInstruct, 'merge')],
      cardBase: [F.llamaInstruct, F.deletedParent],
      ...llama,
    },
    'llama',
  );
  llamaTuned(F.privateParent, { private: true });
  b.add(
    {
      id: F.privateParentMerge,
      createdAt: day('2024-11-05'),
      parents: [rel(F.llamaInstruct, 'merge')],
      cardBase: [F.llamaInstruct, F.privateParent],
      ...llama,
    },
    'llama',
  );
  llamaTuned(F.disabled, { disabled: true });
  llamaTuned(F.whitespaceCard, { cardBase: `  ${F.llamaInstruct} \n` });
  llamaTuned(F.mirror, { downloads: 250_000 });
  b.add(
    {
      id: 'bartowski/Meta-Llama-3.1-8B-Instruct-mirror-GGUF',
      createdAt: day('2024-10-02'),
      parents: [rel(F.mirror, 'quantized')],
      library: 'gguf',
      ...llama,
    },
    'llama',
  );
  const qwenTuned = (id: string, extra: Partial<RecordSpec> = {}): void => {
    b.add({ id, createdAt: day('2025-03-01'), parents: [rel(F.qwenInstruct, 'finetune')], ...qwen, ...extra }, 'qwen');
  };
  qwenTuned(F.gatedAuto, { gated: 'auto' });
  b.add(
    {
      id: `${F.gatedAuto}-GGUF`,
      createdAt: day('2025-03-02'),
      parents: [rel(F.gatedAuto, 'quantized')],
      library: 'gguf',
      ...qwen,
    },
    'qwen',
  );
  b.add(
    {
      id: F.selfRef,
      createdAt: day('2025-03-03'),
      parents: [rel(F.qwenInstruct, 'finetune'), rel(F.selfRef, 'finetune')],
      cardBase: [F.qwenInstruct, F.selfRef],
      ...qwen,
    },
    'qwen',
  );
  qwenTuned(F.cycleA, {
    parents: [rel(F.qwenInstruct, 'merge'), rel(F.cycleB, 'merge')],
    cardBase: [F.qwenInstruct, F.cycleB],
  });
  qwenTuned(F.cycleB, { parents: [rel(F.cycleA, 'finetune')] });
  qwenTuned(F.urlCard, { cardBase: `https://huggingface.co/${F.qwenInstruct}` });
  qwenTuned(F.wrongCaseCard, { cardBase: 'qwen/qwen2.5-7b-INSTRUCT', explicitRelation: true });
  qwenTuned(F.localPathOrphan, { parents: [], cardBase: '/data/huangxu/OpenLLMs/Qwen2.5-7B-Instruct' });
  qwenTuned(F.localPathMerge, {
    parents: [rel(F.qwenInstruct, 'merge')],
    cardBase: [F.qwenInstruct, 'D:/Huggingface/Qwen2.5-7B'],
    extraTags: ['mergekit', 'merge'],
  });
  b.alias('gpt2', F.legacy);
  b.add(
    {
      id: F.legacy,
      createdAt: day('2022-03-02'),
      legacyCreatedAt: true,
      arch: 'gpt2',
      license: 'mit',
      downloads: 9_000_000,
    },
    'gpt2',
  );
  for (let n = 1; n <= 3; n++)
    b.add(
      {
        id: `gpt2-fan/distilgpt2-ft-${n}`,
        createdAt: day('2023-05-01'),
        parents: [rel(F.legacy, 'finetune')],
        arch: 'gpt2',
        license: 'mit',
        cardBase: 'gpt2',
      },
      'gpt2',
    );
}
