// The model families of the synthetic Hub: official roots under their orgs, with the license, architecture and
// gating each org really uses, and each family's share of all derivatives (Qwen ahead of Llama, as in 2025-26).

export interface RootSpec {
  name: string;
  /** Parent inside the org (base → instruct), or null for a pretrained root. */
  parent: string | null;
  createdAt: string;
  /** Relative pull on derivatives; the flagship of a family gets most. */
  weight: number;
}

export interface FamilySpec {
  family: string;
  org: string;
  arch: string;
  license: string;
  gated: false | 'manual' | 'auto';
  share: number;
  roots: RootSpec[];
}

const r = (name: string, parent: string | null, createdAt: string, weight = 1): RootSpec => ({
  name,
  parent,
  createdAt,
  weight,
});

export const FAMILIES: readonly FamilySpec[] = [
  {
    family: 'qwen',
    org: 'Qwen',
    arch: 'qwen2',
    license: 'apache-2.0',
    gated: false,
    share: 0.4,
    roots: [
      r('Qwen2-0.5B', null, '2024-06-03'),
      r('Qwen2.5-0.5B', null, '2024-09-15'),
      r('Qwen2.5-0.5B-Instruct', 'Qwen2.5-0.5B', '2024-09-16', 3),
      r('Qwen2.5-7B', null, '2024-09-15', 2),
      r('Qwen2.5-7B-Instruct', 'Qwen2.5-7B', '2024-09-16', 12),
      r('Qwen2.5-7B-Instruct-1M', 'Qwen2.5-7B', '2025-01-23'),
      r('Qwen2.5-Coder-7B-Instruct', 'Qwen2.5-7B', '2024-09-17', 2),
      r('Qwen2.5-72B-Instruct', null, '2024-09-16', 2),
      r('Qwen2.5-VL-7B-Instruct', null, '2025-01-26', 2),
      r('Qwen3-0.6B-Base', null, '2025-04-28'),
      r('Qwen3-0.6B', 'Qwen3-0.6B-Base', '2025-04-29', 4),
      r('Qwen3-8B-Base', null, '2025-04-28'),
      r('Qwen3-8B', 'Qwen3-8B-Base', '2025-04-29', 6),
      r('Qwen3-30B-A3B', null, '2025-04-29', 3),
    ],
  },
  {
    family: 'llama',
    org: 'meta-llama',
    arch: 'llama',
    license: 'llama3.1',
    gated: 'manual',
    share: 0.22,
    roots: [
      r('Llama-2-7b-hf', null, '2023-07-13', 2),
      r('Llama-2-7b-chat-hf', 'Llama-2-7b-hf', '2023-07-13', 5),
      r('Meta-Llama-3-8B', null, '2024-04-17', 2),
      r('Meta-Llama-3-8B-Instruct', 'Meta-Llama-3-8B', '2024-04-17', 5),
      r('Llama-3.1-8B', null, '2024-07-14', 2),
      r('Llama-3.1-8B-Instruct', 'Llama-3.1-8B', '2024-07-18', 10),
      r('Llama-3.2-1B', null, '2024-09-18'),
      r('Llama-3.2-1B-Instruct', 'Llama-3.2-1B', '2024-09-18', 3),
      r('Llama-3.3-70B-Instruct', null, '2024-11-26', 2),
    ],
  },
  fam('mistral', 'mistralai', 'mistral', 'apache-2.0', 0.06, [
    r('Mistral-7B-v0.1', null, '2023-09-20', 2),
    r('Mistral-7B-Instruct-v0.2', 'Mistral-7B-v0.1', '2023-12-11', 3),
    r('Mistral-Nemo-Instruct-2407', null, '2024-07-17', 2),
  ]),
  fam('gemma', 'google', 'gemma2', 'gemma', 0.06, [
    r('gemma-2-2b', null, '2024-07-16'),
    r('gemma-2-2b-it', 'gemma-2-2b', '2024-07-16', 3),
    r('gemma-3-4b-it', null, '2025-03-12', 2),
  ]),
  fam('deepseek', 'deepseek-ai', 'deepseek_v3', 'mit', 0.04, [
    r('DeepSeek-V3', null, '2024-12-25'),
    r('DeepSeek-R1', 'DeepSeek-V3', '2025-01-20', 3),
    r('DeepSeek-R1-Distill-Qwen-7B', null, '2025-01-20', 2),
  ]),
  fam('glm', 'zai-org', 'glm4_moe', 'mit', 0.02, [
    r('GLM-4.5-Air', null, '2025-07-20', 2),
    r('GLM-4.6', null, '2025-09-30'),
  ]),
  fam('kimi', 'moonshotai', 'kimi_k2', 'other', 0.01, [r('Kimi-K2-Instruct', null, '2025-07-11', 2)]),
  fam('minimax', 'MiniMaxAI', 'minimax_m2', 'other', 0.01, [r('MiniMax-M2', null, '2025-10-22', 2)]),
  fam('phi', 'microsoft', 'phi3', 'mit', 0.03, [r('Phi-3.5-mini-instruct', null, '2024-08-16', 2)]),
];

function fam(family: string, org: string, arch: string, license: string, share: number, roots: RootSpec[]): FamilySpec {
  return { family, org, arch, license, gated: false, share, roots };
}

/** Share of the Hub that belongs to no lineage at all (BERTs, diffusion models, one-off uploads). */
export const UNRELATED_SHARE = 1 - FAMILIES.reduce((s, f) => s + f.share, 0);

export const QUANTIZERS = ['TheBloke', 'bartowski', 'mradermacher', 'unsloth', 'lmstudio-community', 'QuantFactory'];
export const WORDS = ['sft', 'dpo', 'orpo', 'math', 'code', 'chat', 'rp', 'med', 'law', 'zh', 'ja', 'tool', 'r1', 'v2'];
