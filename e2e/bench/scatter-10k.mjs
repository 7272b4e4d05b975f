// Benchmark (not part of `make test`): the study screen's scatter plot, KPI tiles and selection
// with 10,000 variants. Needs a seeded data folder and the dev binary:
//
//   go run ./bench/seedresults -dir /tmp/epsm-10k -n 10000 && make build-dev
//   node e2e/bench/scatter-10k.mjs /tmp/epsm-10k
//
// It prints the median of 5 repetitions of each step; docs/BENCHMARKS.md records the figures.
import { startApp, launchBrowser } from '../lib/app.mjs';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: node e2e/bench/scatter-10k.mjs DATA_DIR (seeded with bench/seedresults)');
const app = await startApp({ dataDir });
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
page.setDefaultTimeout(120_000);
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));

// Time in the page from an action to the second animation frame after it (drawn).
const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;

try {
  await page.goto(app.url);
  await page.getByTestId('engine-version').waitFor();
  const t0 = Date.now();
  await page.getByTestId('nav-studies').click();
  await page.getByTestId('study-scatter').locator('canvas').first().waitFor();
  await page.waitForFunction(() => /plotted/.test(document.querySelector('[data-testid="scatter-count"]')?.textContent ?? ''));
  const open = Date.now() - t0;
  const count = await page.getByTestId('scatter-count').innerText();
  const rows = await page.getByTestId('study-rowcount').innerText();

  // Energy and EUI exist for every variant with results: all points are plotted (the seeded
  // library lacks some GWP and cost figures, so other pairs plot fewer).
  const axes = [];
  for (const [x, y] of [['energy', 'eui'], ['eui', 'energy'], ['energy', 'eui'], ['eui', 'energy'], ['energy', 'eui']]) {
    const t = Date.now();
    await page.getByTestId('scatter-x').selectOption(x);
    await page.getByTestId('scatter-y').selectOption(y);
    await page.evaluate(frames);
    axes.push((Date.now() - t) / 2); // two changes, each a full recomputation and redraw
  }

  const plotted = await page.getByTestId('scatter-count').innerText();
  const select = [];
  for (let i = 0; i < 5; i++) {
    const row = page.locator('[data-testid^="study-row-"]').nth(3 + i);
    const t = Date.now();
    await row.click();
    await page.getByTestId('variant-kpis').waitFor();
    await page.evaluate(frames);
    select.push(Date.now() - t);
  }
  const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
  console.log(`study screen with ${rows}: ${count}`);
  console.log(`open the study screen until the scatter is drawn: ${ms(open)}`);
  console.log(`energy × EUI: ${plotted}`);
  console.log(`change one axis (front recomputed, chart redrawn), median: ${ms(median(axes))}`);
  console.log(`select a row (KPI tiles, ring on its point, end-use chart), median: ${ms(median(select))}`);
  if (heap) console.log(`JS heap after: ${(heap / 2 ** 20).toFixed(0)} MB`);
  if (errors.length) console.log('page errors:', errors);
} finally {
  await browser.close();
  await app.stop();
}
