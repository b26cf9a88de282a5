// Where the command line finds a Hub access token, as the Hub's own tools do: $HF_TOKEN, else
// $HUGGING_FACE_HUB_TOKEN, else the file `hf auth login` writes ($HF_TOKEN_PATH, else $HF_HOME/token, else
// ${XDG_CACHE_HOME:-~/.cache}/huggingface/token). Says where it came from; the token itself is never printed.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface FoundToken {
  token: string;
  /** Where it was found: an environment variable's name or the file's path. */
  source: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The token file `hf auth login` writes, by the Hub tools' rules. */
export function tokenPath(env: Env, home = homedir()): string {
  if (env.HF_TOKEN_PATH) return env.HF_TOKEN_PATH;
  const hfHome = env.HF_HOME || join(env.XDG_CACHE_HOME || join(home, '.cache'), 'huggingface');
  return join(hfHome, 'token');
}

export async function findToken(env: Env, home = homedir()): Promise<FoundToken | null> {
  for (const name of ['HF_TOKEN', 'HUGGING_FACE_HUB_TOKEN']) {
    const value = env[name]?.trim();
    if (value) return { token: value, source: `$${name}` };
  }
  const path = tokenPath(env, home);
  const text = await readFile(path, 'utf8').catch(() => null);
  const token = text?.trim();
  return token ? { token, source: path } : null;
}

/** HF_HUB_OFFLINE as the Hub tools read it: 1, ON, YES or TRUE (any case). */
export function offline(env: Env): boolean {
  return ['1', 'ON', 'YES', 'TRUE'].includes((env.HF_HUB_OFFLINE ?? '').trim().toUpperCase());
}
