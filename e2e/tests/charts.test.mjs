// The results charts end to end with the real engine: a run's hourly meter (line and heat map)
// whose total is the run's own electricity, SI/IP in Settings, and a study's scatter, KPI tiles
// and end uses for a selected variant, exported to PNG and SVG files through the save seam.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, openRun, freshDir, shared, until } from '../lib/app.mjs';
import { shoot } from '../lib/shots.mjs';

let session, page, go, saveDir;

before(async () => {
  saveDir = freshDir('epsm-e2e-charts-');
  session = await openSession({ env: { EPSM_E2E_SAVE_DIR: saveDir } });
  ({ page, go } = session);
});

after(async () => {
  await session?.close();
});

test("a run's hourly meter: 8,760 hours summing to its electricity, in SI and IP", async () => {
  const ov = await until(async () => { const o = await go('Files'); return o.models?.length && o.weather?.length ? o : null; }, 30_000, 'the bundled example');
  const runs = await go('StartRuns', { modelIds: [ov.models[0].id], weatherId: ov.weather[0].id, weatherIds: [], forceAnnual: false, designDaysOnly: false, force: true, name: 'hourly' });
  const id = runs[0].id;
  await until(async () => (await go('RunDetails', id)).run.status === 'succeeded', 120_000, 'the annual run');
  const details = await go('RunDetails', id);
  const electricity = details.results.endUses.filter((e) => e.fuel === 'Electricity').reduce((s, e) => s + e.kWh, 0);

  // Record the text each canvas draws: a canvas chart's labels are pixels, not page text.
  await page.addInitScript(() => {
    const fill = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
      (this.canvas.__texts ??= new Set()).add(String(text));
      return fill.call(this, text, ...rest);
    };
  });
  await page.reload();
  await openRun(page, id, 'hourly');
  const summary = page.getByTestId('meter-summary');
  await summary.waitFor();
  await page.getByTestId('meter-heatmap').locator('canvas').first().waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="meter-heatmap"]')?.dataset.drawn === 'true');
  const text = await summary.innerText();
  assert.match(text, /^8,760 hours/);
  const total = Number(text.match(/total ([\d,]+) kWh/)[1].replace(/,/g, ''));
  assert.ok(Math.abs(total - electricity) / electricity < 0.001, `hourly total ${total} kWh, annual electricity ${electricity} kWh`);
  await shoot(page, '19-hourly-heatmap.png', page.getByTestId('meter-heatmap'));

  // The year by day, not 8,760 hours in 600 px: 365 daily totals in the band of their hours.
  const series = page.getByTestId('meter-series-chart');
  const view = page.getByTestId('meter-view');
  assert.match(await view.innerText(), /^365 daily totals, Jan 1 – Dec 31/);
  await page.waitForFunction(() => document.querySelector('[data-testid="meter-series-chart"]')?.dataset.drawn === 'true');
  const chartText = await series.locator('svg text').allTextContents();
  assert.ok(chartText.includes('kWh per day') && chartText.includes('kWh per hour'), `axis names: ${chartText.join(' | ')}`);
  // the zoom handles' labels (the axis itself says "Jan", "Feb", ...)
  assert.ok(chartText.includes('Jan 1') && chartText.includes('Dec 31'), `handle labels: ${chartText.join(' | ')}`);
  // A click on a day in the middle of the plot zooms to its week, hour by hour.
  const box = await series.boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await until(async () => /^7 days hour by hour/.test(await view.innerText()), 5_000, 'the week of the clicked day');
  const [, from, to] = (await view.innerText()).match(/hour by hour, (\w+ \d+) – (\w+ \d+)/);
  assert.ok(/^(Jun|Jul)/.test(from) && /^(Jun|Jul)/.test(to), `mid-plot click opened ${from} – ${to}`);
  await page.waitForFunction(() => document.querySelector('[data-testid="meter-series-chart"]')?.dataset.drawn === 'true');
  const days = (await series.locator('svg text').allTextContents()).filter((t) => /^[A-Z][a-z]{2} \d+$/.test(t));
  assert.equal(days[0], from, `day labels of the week: ${days.join(', ')}`);
  const weekText = await series.locator('svg text').allTextContents();
  assert.ok(weekText.includes('kWh per hour') && !weekText.includes('kWh per day'), `the week's axes: ${weekText.join(' | ')}`);
  // The slider's handles name the first and last hour shown, not indices.
  const handles = (await series.locator('svg text').allTextContents()).filter((t) => /^[A-Z][a-z]{2} \d+ \d\d:00$/.test(t));
  assert.deepEqual(handles, [`${from} 00:00`, `${to} 23:00`]);
  await shoot(page, '19b-hourly-week.png', series);
  await page.getByTestId('meter-year').click();
  await until(async () => /^365 daily totals/.test(await view.innerText()), 5_000, 'back to the year');

  // The heat map: its Export button sits above the plot, not over its cells.
  const heat = page.getByTestId('meter-heatmap');
  const exportBox = await page.getByTestId('meter-heatmap-export').boundingBox();
  const heatBox = await heat.boundingBox();
  assert.ok(exportBox.y + exportBox.height <= heatBox.y, `export button ${JSON.stringify(exportBox)} overlaps the heat map ${JSON.stringify(heatBox)}`);
  // What the canvas drew (recorded by the init script): hour ticks up to 24:00, and one legend,
  // its two ends each with the unit, no bare handle values beside them.
  const drawn = (await heat.locator('canvas').evaluateAll((cs) => cs.flatMap((c) => [...(c.__texts ?? [])])));
  assert.deepEqual(drawn.filter((t) => /^\d\d:00$/.test(t)).sort(), ['00:00', '06:00', '12:00', '18:00', '24:00']);
  assert.equal(drawn.filter((t) => / kWh$/.test(t)).length, 2, `legend labels: ${drawn.join(' | ')}`);
  assert.deepEqual(drawn.filter((t) => /^[\d.,]+$/.test(t)), [], `bare numbers on the heat map: ${drawn.join(' | ')}`);

  await page.getByTestId('settings-button').click();
  await page.getByTestId('settings-tab-display').click();
  await page.getByTestId('settings-units-ip').check();
  await shoot(page, '20-settings-units.png');
  await page.getByTestId('settings-close').click();
  await until(async () => /kBtu/.test(await summary.innerText()), 5_000, 'the meter in kBtu');
  const kbtu = Number((await summary.innerText()).match(/total ([\d,]+) kBtu/)[1].replace(/,/g, ''));
  assert.ok(Math.abs(kbtu / (electricity * 3.412141633) - 1) < 0.001, `${kbtu} kBtu for ${electricity} kWh`);
  await page.evaluate(() => localStorage.setItem('epsm.units', 'si'));

  // Help -> About (F1 in the page; the native menu sends the same action): app, engine, library.
  await page.keyboard.press('F1');
  const about = page.getByTestId('about-dialog');
  await about.waitFor();
  assert.match(await page.getByTestId('about-engine').innerText(), /25\.2/);
  await shoot(page, '21-about.png');
  await page.getByTestId('about-close').click();
});

test("a study's scatter, KPI tiles and end uses for the selected variant, exported", async () => {
  const ov = await go('Files');
  // The 4-zone model: a roof changes its heating, so the variant differs from the baseline.
  const rep = await go('ImportFiles', [join(shared, 'testdata/epsm/test.idf')]);
  const info = await go('CreateStudy', { name: 'charts e2e', modelId: rep.models[0].id, weatherIds: [ov.weather[0].id], options: { roof: ['keep', 'flat_roof_concrete_pir120'] }, sampling: { mode: 'factorial', n: 0, seed: 0, packages: [] }, model: '', weather: [], forceAnnual: false, designDaysOnly: false });
  await until(async () => { const t = await go('StudyTable', info.study.id); return t.finished === t.total; }, 120_000, 'the study runs');
  const table = await go('StudyTable', info.study.id);
  const variant = table.rows.find((r) => !r.baseline);
  const base = table.rows.find((r) => r.baseline);

  await page.evaluate(() => localStorage.setItem('epsm.units', 'si'));
  await page.reload();
  await page.getByTestId('nav-studies').click();
  await page.getByTestId('study-scatter').locator('canvas').first().waitFor();
  await page.getByTestId('scatter-x').selectOption('energy');
  await page.getByTestId('scatter-y').selectOption('eui');
  await until(async () => /^2 plotted/.test(await page.getByTestId('scatter-count').innerText()), 5_000, 'both runs plotted');

  await page.getByTestId(`study-row-${variant.variantId}-${variant.weatherId}`).click();
  const delta = page.getByTestId('variant-kpi-energy-delta');
  await delta.waitFor();
  const d = variant.results.totalSiteKWh - base.results.totalSiteKWh;
  const shown = (await delta.innerText()).replace('\u2212', '-');
  assert.notEqual(d, 0);
  const [, sign, num, unit] = shown.match(/^([-+])([\d,.]+) (kWh|MWh)/) ?? [];
  assert.equal(sign, d < 0 ? '-' : '+', `energy delta ${shown}, Go says ${d} kWh`);
  const kwh = Number(num.replace(/,/g, '')) * (unit === 'MWh' ? 1000 : 1);
  assert.ok(Math.abs(kwh - Math.abs(d)) / Math.abs(d) < 0.01, `energy delta ${shown}, Go says ${d} kWh`);
  await page.getByTestId('study-end-uses').locator('svg').first().waitFor();

  // The end-use bars carry their totals with the unit.
  const barLabels = (await page.getByTestId('study-end-uses').locator('svg text').allTextContents()).filter((t) => /^[\d,.]+ (kWh|MWh)$/.test(t));
  assert.ok(barLabels.length >= 2, `end-use totals: ${barLabels.join(', ')}`);

  const scatterFile = (f) => readdirSync(saveDir).find((n) => n.startsWith('annual-site-energy') && n.endsWith(`.${f}`));
  for (const f of ['png', 'svg']) {
    await page.getByTestId('study-scatter-export').click();
    await page.getByTestId(`study-scatter-export-${f}`).click();
    await until(() => scatterFile(f), 10_000, `the ${f} file`);
  }
  const png = readFileSync(join(saveDir, scatterFile('png')));
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const svg = readFileSync(join(saveDir, scatterFile('svg')), 'utf8');
  assert.match(svg, /<svg[\s\S]*Annual site energy/);
  // Pareto points carry their short ids (as in the table): the variant is on the front unless the baseline
  // is at least as good on both axes.
  const [ve, vu, be, bu] = [variant.results.totalSiteKWh, variant.results.euiKWhPerM2, base.results.totalSiteKWh, base.results.euiKWhPerM2];
  const dominated = be <= ve && bu <= vu && (be < ve || bu < vu);
  assert.equal(svg.includes(`>${variant.label}<`), !dominated, `label ${variant.label} on the plot (dominated: ${dominated})`);
  assert.match(svg, />baseline</);
});
