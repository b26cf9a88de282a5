// The house's fence (.eslint.config.js) refuses imports that run against the arrows of README "Layout", sub-paths
// included, and lets the allowed ones through: each case lints one line as if it stood in a file of that folder.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ overrideConfigFile: '.eslint.config.js' });

async function fenceErrors(file: string, line: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${line}\nexport const probe = 1;\n`, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the lint fence', () => {
  it.each([
    ['src/stats/probe.ts', "import { useState } from 'react';"],
    ['src/stats/probe.ts', "import { createRoot } from 'react-dom/client';"],
    ['src/charts/probe.ts', "import { useState } from 'react';"],
    ['src/ui/probe.tsx', "import type { CameraState } from 'sigma/types';"],
    ['src/ui/probe.tsx', "import Sigma from 'sigma';"],
    ['src/ui/probe.tsx', "import embed from 'vega-embed';"],
    ['src/ui/probe.tsx', "import { openDB } from 'idb';"],
    ['src/graph/probe.ts', "import { listModels } from '@huggingface/hub';"],
    ['src/lineage/probe.ts', "import { HubHttp } from '../hub/http.ts';"],
    ['src/hub/probe.ts', "import { buildLineage } from '../crawl/closure.ts';"],
    ['src/stats/probe.ts', "import { App } from '../ui/App.tsx';"],
    ['src/view/probe.ts', "import { LineageRenderer } from '../render/renderer.ts';"],
    ['src/workers/probe.ts', "import { readFile } from 'node:fs/promises';"],
    ['src/export/probe.ts', "import { loadPublishedSnapshot } from '../snapshot/load.ts';"],
    ['src/snapshot/probe.ts', "import { commit } from '@huggingface/hub';"],
    ['src/ui/session/probe.ts', "import { useState } from 'react';"],
    ['src/ui/session/probe.ts', "import Sigma from 'sigma';"],
  ])('refuses %s: %s', async (file, line) => {
    expect(await fenceErrors(file, line)).not.toEqual([]);
  });

  it.each([
    ['src/ui/probe.tsx', "import { useState } from 'react';"],
    ['src/render/probe.ts', "import type { CameraState } from 'sigma/types';"],
    ['src/stats/probe.ts', "import { RELATIONS } from '../lineage/model.ts';"],
    ['src/store/probe.ts', "import { openDB } from 'idb';"],
    ['src/cli/probe.ts', "import { readFile } from 'node:fs/promises';"],
    ['src/ui/dynamics/probe.tsx', "import type { ChartSpec } from '../../charts/specs.ts';"],
    ['src/snapshot/probe.ts', "import { datasetFile } from '../hub/dataset-files.ts';"],
    ['src/ui/probe.tsx', "import { loadPublishedSnapshot } from '../snapshot/load.ts';"],
    ['src/ui/session/probe.ts', "import { ForkscopeStore } from '../../store/db.ts';"],
  ])('allows %s: %s', async (file, line) => {
    expect(await fenceErrors(file, line)).toEqual([]);
  });
});
