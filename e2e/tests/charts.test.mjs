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

  for (const f of ['png', 'svg']) {
    await page.getByTestId('study-scatter-export').click();
    await page.getByTestId(`study-scatter-export-${f}`).click();
    await until(async () => readdirSync(saveDir).some((n) => n.endsWith(`.${f}`)), 10_000, `the ${f} file`);
  }
  const files = readdirSync(saveDir);
  const png = readFileSync(join(saveDir, files.find((n) => n.endsWith('.png'))));
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const svg = readFileSync(join(saveDir, files.find((n) => n.endsWith('.svg'))), 'utf8');
  assert.match(svg, /<svg[\s\S]*Annual site energy/);
});
