// The Hub token the command line uses, by the Hub ecosystem's conventions: $HF_TOKEN, else
// $HUGGING_FACE_HUB_TOKEN, else the file `hf auth login` writes ($HF_HOME/token, default ~/.cache/huggingface/token).
// The token is returned, never printed; `describeToken` says where it came from without showing it.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface FoundToken {
  token: string;
  from: 'HF_TOKEN' | 'HUGGING_FACE_HUB_TOKEN' | 'file';
  path?: string;
}

export function tokenFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.HF_HOME || join(homedir(), '.cache', 'huggingface'), 'token');
}

export async function findToken(env: NodeJS.ProcessEnv = process.env): Promise<FoundToken | null> {
  if (env.HF_TOKEN?.trim()) return { token: env.HF_TOKEN.trim(), from: 'HF_TOKEN' };
  if (env.HUGGING_FACE_HUB_TOKEN?.trim())
    return { token: env.HUGGING_FACE_HUB_TOKEN.trim(), from: 'HUGGING_FACE_HUB_TOKEN' };
  const path = tokenFilePath(env);
  const text = await readFile(path, 'utf8').catch(() => '');
  return text.trim() ? { token: text.trim(), from: 'file', path } : null;
}

export function describeToken(found: FoundToken): string {
  return found.from === 'file' ? `the token in ${found.path ?? 'the token file'}` : `the token in $${found.from}`;
}
