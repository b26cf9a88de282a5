// Runs `npm run crawl` as a user does (a child process) and reads what it wrote, for the CLI contract tests.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';

const CLI = new URL('../../src/cli/crawl.ts', import.meta.url).pathname;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; with `killAfterLine`, SIGKILLs it as soon as its stderr matches. */
export function crawlCli(args: string[], killAfterLine?: RegExp): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { env: { ...process.env, HF_TOKEN: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (killAfterLine && killAfterLine.test(stderr)) child.kill('SIGKILL');
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export async function readCsv<T>(dir: string, file: string): Promise<T[]> {
  const text = await readFile(join(dir, file), 'utf8');
  return Papa.parse<T>(text, { header: true, skipEmptyLines: true }).data;
}

export const readEdges = (dir: string) =>
  readCsv<{ parent: string; child: string; relation: string }>(dir, 'edges.csv');
export const readNodes = (dir: string) => readCsv<{ id: string; status: string; created_at: string }>(dir, 'nodes.csv');
