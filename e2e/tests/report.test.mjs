// The study report end to end: a small study on the 4-zone model (district heating, ideal loads)
// runs on the real EnergyPlus, the Report button saves its HTML report (the dev build's save
// dialog answers with EPSM_E2E_SAVE_DIR and the suggested name: app/e2eseam_dev.go), and the
// report, opened in Chromium from its file, shows the figures of the app's variant table: each
// variant's EP_pet, energy class and carbon per m² Atemp, the Pareto-optimal ones labelled on
// its scatter, and nothing it loads from elsewhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openSession, shared, until, freshDir } from '../lib/app.mjs';
import { shoot } from '../lib/shots.mjs';

let session, page, go, saveDir;
const STUDY = 'e2e report study';

before(async () => {
  saveDir = freshDir('epsm-e2e-report-');
  session = await openSession({ env: { EPSM_E2E_SAVE_DIR: saveDir } });
  ({ page, go } = session);
});

after(async () => {
  await session?.close();
});

const close = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

// dominated: another point is no worse on both figures and better on one.
const dominated = (p, all) => all.some((q) => q !== p && q.x <= p.x && q.y <= p.y && (q.x < p.x || q.y < p.y));

test('the Report button saves an HTML report whose figures are the variant table’s', async () => {
  const rep = await go('ImportFiles', [join(shared, 'testdata/epsm/test.idf'), join(shared, 'testdata/energyplus/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw')]);
  assert.equal(rep.errors?.length ?? 0, 0);
  const model = rep.models[0], chicago = rep.weather[0];
  // The user's own district heating network replaces the national default factor, as the
  // settings advise. Prices stay blank, so costs are missing.
  const lca = await go('GetLCASettings');
  lca.fuels['District Heating Water'] = { ...lca.fuels['District Heating Water'], kgCO2ePerKWh: 0.0582, carbonSource: 'e2e: Stockholm 2022' };
  await go('SaveLCASettings', lca);

  const info = await go('CreateStudy', {
    name: STUDY, modelId: model.id, weatherIds: [chicago.id],
    options: { wall: ['keep', 'wall_concrete_etics_sw100'], roof: ['keep', 'flat_roof_concrete_pir120'] },
    sampling: { mode: 'factorial' },
  });
  const table = await until(async () => {
    const t = await go('StudyTable', info.study.id);
    return t.finished === 4 ? t : null;
  }, 240_000, 'all 4 runs of the study');
  for (const r of table.rows) assert.ok(['succeeded', 'succeeded-with-severe'].includes(r.status), `${r.name}: ${r.status} ${r.message}`);

  await page.reload();
  await page.getByTestId('nav-studies').click();
  await page.getByTestId(`study-${info.study.id}`).click();
  await page.getByTestId('study-table').waitFor();
  const before = new Set(readdirSync(saveDir));
  await page.getByTestId('study-report').click();
  const name = await until(() => readdirSync(saveDir).find((f) => !before.has(f) && f.endsWith(' report.html')), 60_000, 'the saved report');
  await page.getByText(`Report of “${STUDY}” saved`).waitFor();
  const file = join(saveDir, name);
  assert.ok(existsSync(file));

  // The report in a page of its own, from its file, with the network cut: it needs nothing else.
  const ctx = await session.browser.newContext({ offline: true, viewport: { width: 1280, height: 900 } });
  const requests = [];
  ctx.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
  const report = await ctx.newPage();
  await report.goto(pathToFileURL(file).href);
  await report.locator('table[data-table="variants"]').waitFor();
  assert.deepEqual(requests, [], 'the report asked for nothing beyond its file');
  assert.equal(await report.locator('script').count(), 0, 'the report runs no script');

  const rows = await report.locator('tr[data-variant]').evaluateAll((trs) => trs.map((tr) => ({
    key: tr.dataset.variant, weather: tr.dataset.weather, baseline: tr.dataset.baseline === 'true',
    values: Object.fromEntries([...tr.querySelectorAll('td[data-field]')].map((td) => [td.dataset.field, td.dataset.value])),
    texts: Object.fromEntries([...tr.querySelectorAll('td[data-field]')].map((td) => [td.dataset.field, td.textContent.trim()])),
  })));
  assert.equal(rows.length, table.rows.length, 'a row per variant');
  assert.ok(rows[0].baseline, 'the baseline first');
  const points = [];
  for (const r of table.rows) {
    const row = rows.find((x) => x.key === r.label && x.weather === r.weatherName);
    assert.ok(row, `a report row for ${r.label}`);
    assert.ok(r.primaryEnergyNumber != null && r.energyClass, `${r.label} has EP_pet and a class in the app`);
    assert.ok(close(Number(row.values.primaryEnergyNumber), r.primaryEnergyNumber), `${r.label} EP_pet ${row.values.primaryEnergyNumber} vs ${r.primaryEnergyNumber}`);
    assert.equal(row.texts.primaryEnergyNumber, r.primaryEnergyNumber.toFixed(1), `${r.label} EP_pet shown with one decimal`);
    assert.equal(row.values.energyClass, r.energyClass);
    assert.equal(row.texts.energyClass, r.energyClass);
    assert.ok(r.lca.lifeCycleKgCO2e.complete && r.lca.embodiedKgCO2e.complete, `${r.label}: complete carbon in the app`);
    const lc = r.lca.lifeCycleKgCO2e.value / r.atemp;
    assert.ok(close(Number(row.values.lifeCycleKgPerM2), lc), `${r.label} life-cycle carbon ${row.values.lifeCycleKgPerM2} vs ${lc}`);
    assert.ok(close(Number(row.values.embodiedKgPerM2), r.lca.embodiedKgCO2e.value / r.atemp), `${r.label} embodied per m²`);
    assert.equal(row.values.lifeCycleCost, '', `${r.label}: no prices, no cost`);
    assert.equal(row.texts.lifeCycleCost, '—');
    points.push({ key: r.label, x: r.primaryEnergyNumber, y: lc });
  }

  // The scatter of EP_pet × life-cycle carbon labels exactly the variants no other beats.
  const drawn = await report.locator('figure[data-chart="carbon-0"] [data-point]').evaluateAll((gs) => gs.map((g) => ({
    key: g.dataset.variant, x: Number(g.dataset.x), y: Number(g.dataset.y), pareto: g.dataset.pareto === 'true', label: g.querySelector('text')?.textContent ?? '',
  })));
  assert.equal(drawn.length, points.length);
  for (const p of points) {
    const d = drawn.find((x) => x.key === p.key);
    assert.ok(d && close(d.x, p.x) && close(d.y, p.y), `${p.key} plotted at (${p.x}, ${p.y}): ${JSON.stringify(d)}`);
    const optimal = !dominated(p, points);
    assert.equal(d.pareto, optimal, `${p.key} Pareto-optimal: ${optimal}`);
    assert.equal(d.label, optimal ? p.key : '', `${p.key} labelled only when optimal`);
  }
  assert.ok(drawn.some((d) => d.pareto), 'a Pareto front');

  // What is missing names the blank prices; the assumptions name the factor entered above.
  const missing = await report.locator('#missing').innerText();
  assert.match(missing, /District Heating Water price/);
  assert.doesNotMatch(missing, /Electricity price/, "electricity has a cited default price");
  assert.match(missing, /Life-cycle cost/);
  assert.match(await report.locator('#assumptions').innerText(), /e2e: Stockholm 2022/);
  assert.match(await report.locator('#assumptions').innerText(), /EnergyPlus's conditioned floor area/);
  await shoot(report, '52-study-report.png', report.locator('#variants'));
  await report.locator('#scatter').scrollIntoViewIfNeeded();
  await shoot(report, '53-study-report-scatter.png', report.locator('#scatter'));
  await ctx.close();
});
