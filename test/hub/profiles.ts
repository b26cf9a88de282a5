// Hub profiles: how much of the synthetic Hub is lineage and how that lineage splits between families. The default
// profile is the families' own shares (about 85% derivatives: a crawl-heavy Hub for tests); the 'real' profile
// has the public Hub's proportions in late 2026 (about 3.1 million models, 28% with a parent, the Qwen and Llama
// families together about 300,000), for the real-size benchmark.
import { FAMILIES, UNRELATED_SHARE, type FamilySpec } from './families.ts';

export type HubProfileName = 'default' | 'real';

export interface DerivativeMix {
  /** Chance that a new model belongs to no lineage. */
  unrelatedShare: number;
  /** Each family's weight among derivatives, in the order of FAMILIES. */
  shares: number[];
  /** Chance that a merge's further parent is drawn from a family picked at random (one in FAMILIES.length is its
   * own) rather than its own. */
  crossFamilyParent: number;
}

/** Real merges rarely mix families: in ../shared/hub-data's Hub-declared edges, 4 of the 41 models with several
 * parents one of which is in the Qwen or Llama family have a parent outside both (9.8%; a small sample). This
 * chance gives about that share (test/unit/hub-table.test.ts); the default profile keeps 20%. */
const REAL_CROSS_FAMILY = 0.033;

/** The public Hub's size and proportions (hub-api.md: ~3.1M models, 28% with a base_model parent). */
export const REAL_HUB = {
  size: 3_100_000,
  derivativeShare: 0.28,
  seededFamilies: ['qwen', 'llama'],
  seededShare: 0.097,
};

export function derivativeMix(profile: HubProfileName = 'default'): DerivativeMix {
  const own = FAMILIES.map((f) => f.share);
  if (profile === 'default') return { unrelatedShare: UNRELATED_SHARE, shares: own, crossFamilyParent: 0.2 };
  const isSeeded = (f: FamilySpec): boolean => REAL_HUB.seededFamilies.includes(f.family);
  const seededOwn = FAMILIES.filter(isSeeded).reduce((s, f) => s + f.share, 0);
  const otherOwn = FAMILIES.filter((f) => !isSeeded(f)).reduce((s, f) => s + f.share, 0);
  const otherShare = REAL_HUB.derivativeShare - REAL_HUB.seededShare;
  return {
    unrelatedShare: 1 - REAL_HUB.derivativeShare,
    // Scaled within each group so the families keep their order (Qwen ahead of Llama) and their relative sizes.
    shares: FAMILIES.map((f) =>
      isSeeded(f) ? (f.share / seededOwn) * REAL_HUB.seededShare : (f.share / otherOwn) * otherShare,
    ),
    crossFamilyParent: REAL_CROSS_FAMILY,
  };
}
