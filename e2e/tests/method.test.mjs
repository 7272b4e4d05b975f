// Method studies end to end in a real browser with the real backend and EnergyPlus: a Morris
// screening, Sobol indices and a small NSGA-II optimisation on the bundled one-zone example, each made
// through the bound CreateStudy and followed on the Studies screen as the Go side pushes
// study:method: the screening's summary, chart and ranked factors, and the scatter ringing the
// first front of a chosen generation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openSession, root, until } from '../lib/app.mjs';
import { shoot } from '../lib/shots.mjs';

let session, page, go;

before(async () => {
  session = await openSession();
  ({ page, go } = session);
});

after(async () => {
  await session?.close();
});

const model = join(root, 'examples', '1ZoneUncontrolled.idf');
const weather = [join(root, 'examples', 'USA_CO_Golden-NREL.724666_TMY3.epw')];
const roof = { roof: ['keep', 'flat_roof_concrete_pir120'] };
const lights = (values) => ({
  id: 'extlights', name: 'Exterior lights', fields: [{ class: 'Exterior:Lights', field: 'Design Level' }],
  ...values, per: 'fixed', investment: 0, gwpKgCO2e: 0, lifeYears: 15,
});
const objectives = ['siteEnergyKWh', 'embodiedKgCO2e'];

// openStudy shows the Studies screen afresh (its list is read as it opens) with the study selected.
async function openStudy(id) {
  await page.reload();
  await page.getByTestId('nav-studies').click();
  await page.getByTestId('studies-screen').waitFor();
  await page.getByTestId(`study-${id}`).click();
  // The list knows a method study from a sampled one; its panel follows.
  assert.equal(await page.getByTestId(`study-${id}`).getAttribute('data-method'), 'true');
  await page.getByTestId('method-panel').waitFor();
}

// methodDone waits for the panel to say the method is done, pushed by the Go side; a failure
// fails the test with the panel's own message.
async function methodDone(what) {
  const panel = page.getByTestId('method-panel');
  await until(async () => {
    const status = await panel.getAttribute('data-status');
    if (status === 'failed') throw new Error(`${what} failed: ${await page.getByTestId('method-failed').innerText()}`);
    return status === 'done';
  }, 600_000, `${what} to be done`);
  return panel;
}

test('a Morris screening ranks the exterior lights first on site energy', async () => {
  const info = await go('CreateStudy', {
    name: 'e2e Morris screening', model, weather, options: roof, measures: [lights({ continuous: { min: 1000, max: 4000 } })],
    method: { kind: 'morris', objectives, trajectories: 3, seed: 1 },
  });
  await openStudy(info.study.id);
  // Live progress while the design runs, then done with the screening per objective.
  assert.match(await page.getByTestId('method-progress').innerText(), /^Morris screening: (running|done) · \d+ variants/);
  const panel = await methodDone('the Morris screening');
  assert.match(await page.getByTestId('method-progress').innerText(), /^Morris screening: done · \d+ variants$/);

  const view = await go('StudyMethod', info.study.id);
  const energy = view.screening.find((s) => s.objective.id === 'siteEnergyKWh');
  assert.equal(energy.effects[0].factor, 'Exterior lights', 'the lights move site energy most (roof insulation does little in an unheated zone)');

  const summary = await page.getByTestId('morris-summary-siteEnergyKWh').innerText();
  assert.match(summary, /^Matters most: Exterior lights\b/, summary);
  // The ranked table lists every factor in the Go side's order, "–" for a missing figure.
  for (const sc of view.screening) {
    const table = page.getByTestId(`morris-table-${sc.objective.id}`);
    const factors = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.factor));
    assert.deepEqual(factors, sc.effects.map((e) => e.factor));
    const cells = await table.locator('tbody tr').first().locator('td').allInnerTexts();
    assert.equal(cells[1], sc.effects[0].factor);
    if (sc.effects[0].sigma === null) assert.equal(cells[3], '–');
  }
  assert.deepEqual(new Set(view.screening[0].effects.map((e) => e.factor)), new Set(['Exterior lights', 'roof']));
  // The mu*-sigma chart of site energy is drawn, its factors labelled (SVG text).
  const chart = page.getByTestId('morris-chart-siteEnergyKWh');
  await until(async () => (await chart.getAttribute('data-drawn')) === 'true', 30_000, 'the Morris chart');
  const labels = await chart.locator('svg text').evaluateAll((ts) => ts.map((t) => t.textContent));
  assert.ok(labels.includes('Exterior lights'), `chart labels: ${labels.join(', ')}`);

  // The measure's option is in every variant's details.
  const t = await go('StudyTable', info.study.id);
  const lit = t.rows.find((r) => r.measures?.extlights && r.measures.extlights !== 'keep');
  await page.getByTestId(`study-expand-${lit.variantId}-${lit.weatherId}`).click();
  const measure = page.getByTestId(`study-details-${lit.variantId}-${lit.weatherId}`).getByTestId('study-measure-extlights');
  assert.match(await measure.innerText(), new RegExp(`Exterior lights\\s+${lit.measures.extlights}`));
  // The panel from its progress line down (the header is sticky: leave room for it).
  await panel.evaluate((el) => { el.scrollIntoView({ block: 'start' }); window.scrollBy(0, -80); });
  await shoot(page, '16b-study-morris.png');
});

test('an NSGA-II study shows the front of each generation on its scatter', async () => {
  const info = await go('CreateStudy', {
    name: 'e2e NSGA-II', model, weather, options: roof, measures: [lights({ values: [1000, 1500, 2000, 2500] })],
    method: { kind: 'nsga2', objectives, population: 4, generations: 2, seed: 1 },
  });
  await openStudy(info.study.id);
  assert.match(await page.getByTestId('method-progress').innerText(), /^NSGA-II: (generation [12] of 2|done · 2 generations) · \d+ variants/);
  await methodDone('the optimisation');
  assert.match(await page.getByTestId('method-progress').innerText(), /^NSGA-II: done · 2 generations · \d+ variants$/);
  const view = await go('StudyMethod', info.study.id);
  assert.equal(view.fronts.length, 2);
  // The list of studies counts the runs of both generations (each its own batch), not only the
  // first generation's: one weather file, so one run per row of the table.
  const table = await go('StudyTable', info.study.id);
  assert.ok(table.rows.length > 5, `generation 2 added variants to the baseline and generation 1's 4 (8 combinations): ${table.rows.length} rows`);
  await until(async () => (await page.getByTestId(`study-${info.study.id}-runs`).innerText()).startsWith(`${table.rows.length}/${table.rows.length}`), 30_000, `the list's count ${table.rows.length}/${table.rows.length}`);

  // The scatter opens on the objectives and rings the latest generation's front.
  const generation = page.getByTestId('scatter-generation');
  await until(async () => (await generation.locator('option').count()) === 2, 60_000, 'two generations to choose from');
  assert.equal(await generation.inputValue(), '2');
  assert.equal(await page.getByTestId('scatter-x').inputValue(), 'energy');
  assert.equal(await page.getByTestId('scatter-y').inputValue(), 'embodied');
  const figure = page.locator('figure[data-front-generation]');
  const ringed = async () => (await figure.getAttribute('data-front-labels')).split(' ').filter(Boolean).sort();
  const sorted = (ls) => [...ls].sort();
  // The table reloads as the last runs' results arrive; every front variant is then plotted.
  await until(async () => JSON.stringify(await ringed()) === JSON.stringify(sorted(view.fronts[1])), 60_000, `generation 2's front ${view.fronts[1]} ringed`);
  assert.match(await page.getByTestId('scatter-generation-front').innerText(), new RegExp(`^${view.fronts[1].length} of generation 2’s front ringed`));
  await page.getByTestId('study-scatter').scrollIntoViewIfNeeded();
  await shoot(page, '16c-study-nsga2-fronts.png', page.getByTestId('study-scatter'));

  // An earlier generation's front instead.
  await generation.selectOption('1');
  assert.equal(await figure.getAttribute('data-front-generation'), '1');
  assert.deepEqual(await ringed(), sorted(view.fronts[0]));
});

test('Sobol indices give the exterior lights the variance of site energy', async () => {
  const info = await go('CreateStudy', {
    name: 'e2e Sobol indices', model, weather, options: roof, measures: [lights({ continuous: { min: 1000, max: 4000 } })],
    method: { kind: 'sobol-indices', objectives: ['siteEnergyKWh'], samples: 8, seed: 2 },
  });
  await openStudy(info.study.id);
  assert.match(await page.getByTestId('method-progress').innerText(), /^Sobol indices: (running|done) · \d+ variants/);
  const panel = await methodDone('the Sobol indices');
  const view = await go('StudyMethod', info.study.id);
  const energy = view.indices.find((x) => x.objective.id === 'siteEnergyKWh');
  assert.equal(energy.indices[0].factor, 'Exterior lights');
  // The roof changes no energy in an unheated zone: its indices are exactly 0.
  const roofIndex = energy.indices.find((i) => i.factor === 'roof');
  assert.equal(roofIndex.s1, 0);
  assert.equal(roofIndex.st, 0);
  assert.match(await page.getByTestId('sobol-summary-siteEnergyKWh').innerText(), /Exterior lights/);
  const table = page.getByTestId('sobol-table-siteEnergyKWh');
  const factors = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.factor));
  assert.deepEqual(factors, energy.indices.map((i) => i.factor));
  const chart = page.getByTestId('sobol-chart-siteEnergyKWh');
  await until(async () => (await chart.getAttribute('data-drawn')) === 'true', 30_000, 'the Sobol chart');
  await panel.evaluate((el) => { el.scrollIntoView({ block: 'start' }); window.scrollBy(0, -80); });
  await shoot(page, '16d-study-sobol-indices.png');
});

test('cancelling the runs of an optimisation stops it, and Continue carries it to the end', async () => {
  const info = await go('CreateStudy', {
    // Values no other test ran, so the runs are not answered from the cache before the cancel.
    name: 'e2e stopped NSGA-II', model, weather, options: roof, measures: [lights({ values: [1200, 2700] })],
    method: { kind: 'nsga2', objectives, population: 4, generations: 2, seed: 4 },
  });
  await go('CancelBatch', info.study.batchId);
  await openStudy(info.study.id);
  const panel = page.getByTestId('method-panel');
  await until(async () => (await panel.getAttribute('data-status')) === 'stopped', 120_000, 'the method to stop');
  assert.match(await page.getByTestId('method-stopped').innerText(), /were cancelled/);
  await page.getByTestId('method-continue').click();
  await methodDone('the continued optimisation');
  const t = await go('StudyTable', info.study.id);
  assert.ok(t.rows.every((r) => r.status.startsWith('succeeded')), t.rows.map((r) => r.status).join(', '));
});
