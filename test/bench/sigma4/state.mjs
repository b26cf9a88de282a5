// Rerun: node state.mjs [size] [rounds] — cost of a camera move and of sigma 4's pan start/end with and without
// reducers, alternating, fresh Chromium each.
import { bundlePage, freshPage, median as med, serveOut } from './harness.mjs';

const size = Number(process.argv[2] ?? 200000);
const rounds = Number(process.argv[3] ?? 3);
bundlePage('state');
const { base, server } = serveOut();
const variants = [
  ['v3', true],
  ['v4', false],
  ['v4', true],
];
const all = {};
for (let r = 0; r < rounds; r++) {
  for (const [v, red] of r % 2 ? [...variants].reverse() : variants) {
    const { browser, page } = await freshPage();
    await page.goto(`${base}/state.html`);
    const res = await page.evaluate(([v, red, u]) => window.stateCost(v, red, u), [v, red, `/graph-${size}.json`]);
    await browser.close();
    const key = `${v}${red ? '+reducers' : ''}`;
    console.error(r, key, JSON.stringify(res));
    for (const [k, x] of Object.entries(res)) ((all[key] ??= {})[k] ??= []).push(x);
  }
}
server.close();
for (const [key, ms] of Object.entries(all))
  for (const [k, xs] of Object.entries(ms))
    console.log(
      `${key} ${k}: median ${med(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`,
    );
