// The question behind Forkscope on the real records of ../shared/hub-data, served by the local Hub: crawl Qwen and
// Llama, and read when Qwen passed Llama as a base, and by which relation, from the chart, its CSV and the answer.
import Papa from 'papaparse';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { crossoverAnswer } from '../../src/stats/crossover.ts';
import { loadRealHub } from '../hub/real-data.ts';
import { openApp, useE2E, waitForCrawl } from './app.ts';
import { checkView } from './visual.ts';
import { resolvedTo, truthMonthly } from './dynamics-truth.ts';

const env = useE2E({ dataset: loadRealHub() });
const ORGS = ['Qwen', 'meta-llama'];

describe('family dynamics on the real hub-data records', () => {
  it('answers when Qwen passed Llama, and by which relation', async () => {
    const { page, errors } = await openApp(env(), undefined, '&dyn=1&dm=count&da=Qwen&db=meta-llama');
    await waitForCrawl(page, 240_000);
    const card = page.getByTestId('chart-new-derivatives');
    await card.locator('.chart[data-ready="1"] svg').first().waitFor({ timeout: 60_000 });

    const truth = truthMonthly(env().hub.dataset, ORGS);
    const answers = ORGS.map((f) => crossoverAnswer(resolvedTo(truth, f), 'Qwen', 'meta-llama', 3));
    const text = await page.getByTestId('crossover-answer').innerText();
    const overall = answers[0]?.overall;
    expect(answers[1]?.overall).toEqual(overall);
    // Whatever the records say, the panel must say the same, relation by relation.
    if (overall?.aheadSince)
      expect(text).toContain(`Qwen passed meta-llama as a base in ${overall.firstPassed ?? overall.aheadSince}`);
    else expect(text).toContain('Qwen has not passed meta-llama');
    for (const [i, c] of (answers[0]?.byRelation ?? []).entries()) {
      if (JSON.stringify(c) !== JSON.stringify(answers[1]?.byRelation[i])) continue;
      if (c.aheadSince && !c.neverBehind) expect(text).toContain(`${c.relation}: Qwen ahead since ${c.aheadSince}`);
      if (c.neverBehind) expect(text).toContain(`${c.relation}: Qwen ahead throughout`);
    }
    await checkView(page, 'dynamics-real-data', { graph: false, baseline: true });

    const [d] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: 'Answer as CSV' }).click(),
    ]);
    const rows = Papa.parse<Record<string, string>>(await readFile((await d.path()) as string, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows[0]).toMatchObject({ relation: 'all', first_passed: overall?.firstPassed ?? '' });
    await page.getByRole('button', { name: 'Back to the graph' }).click();
    await checkView(page, 'dynamics-real-data-graph', { graph: { colours: 2 } });
    expect(errors).toEqual([]);
  });
});
