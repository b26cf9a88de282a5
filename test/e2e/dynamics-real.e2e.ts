// The question behind Forkscope on the real records of ../shared/hub-data, served by the local Hub: crawl Qwen and
// Llama, and read when Qwen passed Llama as a base, and by which relation, from the chart, its CSV and the answer.
import Papa from 'papaparse';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { crossoverAnswer, type Crossover, type CrossoverAnswer } from '../../src/stats/crossover.ts';
import { describeCrossover } from '../../src/stats/crossover-words.ts';
import { loadRealHub } from '../hub/real-data.ts';
import { openApp, useE2E, waitForCrawl, waitForHubTable } from './app.ts';
import { checkView } from './visual.ts';
import { resolvedTo, truthMonthly } from './dynamics-truth.ts';

const env = useE2E({ dataset: loadRealHub() });
const ORGS = ['Qwen', 'meta-llama'];

describe('family dynamics on the real hub-data records', () => {
  it('answers when Qwen passed Llama, and by which relation', async () => {
    const { page, errors } = await openApp(env(), undefined, '&dyn=1&dm=count&da=Qwen&db=meta-llama');
    await waitForCrawl(page, { timeout: 240_000 });
    await waitForHubTable(page);
    const card = page.getByTestId('chart-new-derivatives');
    await card.locator('.chart[data-ready="1"] svg').first().waitFor({ timeout: 60_000 });

    const truth = truthMonthly(env().hub.dataset, ORGS);
    const answers = ORGS.map((f) => crossoverAnswer(resolvedTo(truth, f), 'Qwen', 'meta-llama', 3));
    const text = await page.getByTestId('crossover-answer').innerText();
    const overall = answers[0]?.overall;
    const facts = (c: Crossover | undefined) => ({ passes: c?.passes, leader: c?.leader, since: c?.since });
    expect(facts(answers[1]?.overall)).toEqual(facts(overall));
    // Whatever the records say, the panel must say the same, word for word when the few merges do not matter.
    const said = answers.map((x) => describeCrossover(x as CrossoverAnswer));
    if (said[0] === said[1]) expect(text).toContain(said[0]);
    else if (overall?.leader === 'Qwen' && !overall.throughout)
      expect(text).toContain(`Qwen passed meta-llama as a base in ${overall.since}`);
    await checkView(page, 'dynamics-real-data', { graph: false, baseline: true });

    const [d] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: 'Answer as CSV' }).click(),
    ]);
    const rows = Papa.parse<Record<string, string>>(await readFile((await d.path()) as string, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows[0]).toMatchObject({
      relation: 'all',
      leader: overall?.leader ?? '',
      leader_since: overall?.since ?? '',
    });
    await page.getByRole('button', { name: 'Back to the graph' }).click();
    await checkView(page, 'dynamics-real-data-graph', { graph: { colours: 2 } });
    expect(errors).toEqual([]);
  });
});
