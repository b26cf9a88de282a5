// Repo-id rules of the Hub: turns what uploaders write in `base_model` into an `owner/name` id, or null for
// junk (local paths, foreign URLs, whitespace-only, invalid names).

const HUB_PREFIXES = [
  /^https?:\/\/(www\.)?huggingface\.co\//i,
  /^https?:\/\/hf\.co\//i,
  /^(www\.)?huggingface\.co\//i,
  /^hf\.co\//i,
];
// The Hub's validate_repo_id: word characters, '.', '-'; starts and ends with a word character.
const PART = /^\w([\w.-]*\w)?$/;

export function isRepoId(id: string): boolean {
  if (id.length > 96 + 40) return false;
  const parts = id.split('/');
  if (parts.length !== 2) return false;
  return parts.every(
    (p) => p.length <= 96 && PART.test(p) && !p.includes('--') && !p.includes('..') && !p.endsWith('.'),
  );
}

/** The repo id a card entry names, or null when it names nothing on the Hub. */
export function normalizeRepoId(raw: string): string | null {
  let id = raw.trim();
  for (const prefix of HUB_PREFIXES) id = id.replace(prefix, '');
  id = id.replace(/\/(tree|blob|resolve)\/.*$/, '').replace(/\/+$/, '');
  return isRepoId(id) ? id : null;
}

// An owner's name as the Hub allows it: a word character, then word characters, '.' or '-' (96 at most).
const ORG = /^\w[\w.-]{0,95}$/;

/** An org (owner) name: a family seeded by an org. */
export const isOrgName = (s: string): boolean => ORG.test(s);
/** A family label: an org, or a root model's id. */
export const isFamilyName = (s: string): boolean => isOrgName(s) || isRepoId(s);
