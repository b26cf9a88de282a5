// Where the CLI finds a token (the Hub tools' order), with a temporary HOME; and HF_HUB_OFFLINE.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findToken, offline, tokenPath } from '../../src/cli/token.ts';

async function home(token?: string, sub = '.cache/huggingface'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'forkscope-home-'));
  if (token !== undefined) {
    await mkdir(join(dir, sub), { recursive: true });
    await writeFile(join(dir, sub, 'token'), token);
  }
  return dir;
}

describe('findToken', () => {
  it('takes HF_TOKEN, else HUGGING_FACE_HUB_TOKEN, else the token file', async () => {
    const h = await home('hf_file\n');
    expect(await findToken({ HF_TOKEN: 'hf_a', HUGGING_FACE_HUB_TOKEN: 'hf_b' }, h)).toEqual({
      token: 'hf_a',
      source: '$HF_TOKEN',
    });
    expect(await findToken({ HF_TOKEN: '', HUGGING_FACE_HUB_TOKEN: 'hf_b' }, h)).toEqual({
      token: 'hf_b',
      source: '$HUGGING_FACE_HUB_TOKEN',
    });
    expect(await findToken({}, h)).toEqual({ token: 'hf_file', source: join(h, '.cache/huggingface/token') });
  });

  it('reads the file under $HF_HOME, $XDG_CACHE_HOME or $HF_TOKEN_PATH when set', async () => {
    const h = await home('hf_home', 'custom');
    expect((await findToken({ HF_HOME: join(h, 'custom') }, h))?.token).toBe('hf_home');
    const x = await home('hf_xdg', 'xdg/huggingface');
    expect((await findToken({ XDG_CACHE_HOME: join(x, 'xdg') }, x))?.token).toBe('hf_xdg');
    expect(tokenPath({ HF_TOKEN_PATH: '/t/tok', HF_HOME: '/h' }, '/home/u')).toBe('/t/tok');
    expect(tokenPath({}, '/home/u')).toBe('/home/u/.cache/huggingface/token');
  });

  it('finds none without variables or file, and ignores an empty file', async () => {
    expect(await findToken({}, await home())).toBeNull();
    expect(await findToken({}, await home('  \n'))).toBeNull();
  });
});

describe('offline', () => {
  it('reads HF_HUB_OFFLINE as the Hub tools do', () => {
    for (const v of ['1', 'ON', 'yes', 'True']) expect(offline({ HF_HUB_OFFLINE: v })).toBe(true);
    for (const v of [undefined, '', '0', 'off', 'false']) expect(offline({ HF_HUB_OFFLINE: v })).toBe(false);
  });
});
