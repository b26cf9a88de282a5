// What the end-to-end tests take out of the app: one download triggered by a click (its suggested name and bytes),
// a CSV read into rows, and a Vega chart card that has finished drawing. One copy, shared by every test file.
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';

export type Row = Record<string, string>;

export interface Download {
  name: string;
  data: Buffer;
  /** The bytes as UTF-8 text. */
  text: string;
}

/** Clicks and waits for the one download the click starts. */
export async function downloadOne(page: Page, click: () => Promise<void>): Promise<Download> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const data = await readFile((await d.path()) as string);
  return { name: d.suggestedFilename(), data, text: data.toString('utf8') };
}

export const csvRows = (data: Buffer): Row[] =>
  Papa.parse<Row>(data.toString('utf8'), { header: true, skipEmptyLines: true }).data;

/** Waits until the chart card `chart-NAME` has drawn its SVG (the card marks its chart data-ready="1"). */
export async function chartReady(page: Page, name: string): Promise<void> {
  await page.locator(`[data-testid="chart-${name}"] .chart[data-ready="1"] svg`).first().waitFor({ timeout: 30_000 });
}
