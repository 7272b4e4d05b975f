// Measures and methods in the study builder, end to end with the real backend and EnergyPlus: on
// the bundled example, a custom measure on Exterior:Lights' Design Level optimised by NSGA-II
// for site energy and embodied carbon; the template the model cannot take is offered disabled,
// with its reason; the study runs to its end and its saved spec holds the measure and the method.
// Then the same measure in hand-picked packages: a column per measure, a variant per package.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, freshDir, until, openStudyBuilder } from '../lib/app.mjs';
import { shoot } from '../lib/shots.mjs';

let session, page, go, saveDir;

before(async () => {
  saveDir = freshDir('epsm-e2e-measures-');
  session = await openSession({ env: { EPSM_E2E_SAVE_DIR: saveDir } });
  ({ page, go } = session);
});

after(async () => {
  await session?.close();
});

test('a field measure optimised by NSGA-II is built, run to the end and saved in the spec', async () => {
  const files = await until(async () => { const o = await go('Files'); return o.models?.length && o.weather?.length ? o : null; }, 30_000, 'the bundled example');
  const model = files.models.find((m) => m.name === '1ZoneUncontrolled.idf');
  const weather = files.weather[0];
  assert.ok(model, 'the bundled example is imported on first start');
  await page.getByTestId('nav-studies').click();
  await page.getByTestId('studies-screen').waitFor();
  await openStudyBuilder(page);
  await page.getByTestId('study-model').selectOption(String(model.id));
  await page.getByTestId(`study-weather-${weather.id}`).check();
  await page.getByTestId('study-name').fill('e2e exterior lights NSGA-II');

  // The heat-recovery template needs ideal loads or an air-to-air heat exchanger: the 1-zone
  // model has neither, so it is offered disabled and the builder says why.
  const template = page.getByTestId('study-template-heat-recovery');
  await until(async () => (await template.count()) === 1, 15_000, 'the templates of the model');
  assert.equal(await template.isDisabled(), true, 'heat recovery cannot be picked');
  // The reasons wait behind one line (they name every object class a template looks for).
  await page.getByTestId('study-templates-inapplicable').locator('summary').click();
  const reason = page.getByTestId('study-template-reason-heat-recovery');
  await reason.waitFor();
  assert.match(await reason.innerText(), /Ventilation heat recovery does not apply: .*has no ZoneHVAC:IdealLoadsAirSystem and no HeatExchanger:AirToAir:SensibleAndLatent/);

  // A measure on any field: Exterior:Lights "ExtLights", Design Level 1000 or 2500 W (5250 in the model).
  await page.getByTestId('study-measure-add-field').click();
  const m = (what) => page.getByTestId(`study-measure-0-${what}`);
  await m('field-0-class').fill('Exterior:Lights');
  await m('field-0-name').fill('ExtLights');
  await m('field-0-field').fill('Design Level');
  assert.equal(await m('id').inputValue(), 'design-level', 'the id is made from the field');
  await m('list').fill('1000, 2500');
  await m('per').selectOption('fixed');
  await m('investment').fill('0');
  await m('gwp').fill('0');
  await m('life').fill('15');
  // Under a full factorial the values cannot be a continuous interval.
  assert.equal(await m('kind').locator('option[value="continuous"]').isDisabled(), true);

  await page.getByTestId('study-method-nsga2').click();
  assert.equal(await m('kind').locator('option[value="continuous"]').isDisabled(), false, 'an optimisation samples an interval');
  await page.getByTestId('study-objective-siteEnergyKWh').check();
  await page.getByTestId('study-objective-embodiedKgCO2e').check();
  await page.getByTestId('study-method-population').fill('4');
  await page.getByTestId('study-method-generations').fill('2');

  const estimate = page.getByTestId('study-estimate');
  await until(async () => (await estimate.getAttribute('data-state')) === 'ok', 15_000, 'the estimate');
  assert.match(await estimate.innerText(), /^budget: up to 8 variants \+ baseline × 1 weather file = up to 9 runs/);
  // The measures from their heading, and the method below them (the header is sticky).
  await page.getByTestId('study-measures').evaluate((el) => { el.scrollIntoView({ block: 'start' }); window.scrollBy(0, -80); });
  await shoot(page, '54-study-measures.png');

  // The method's progress arrives as study:method events: keep them all from before the study starts.
  await page.evaluate(() => {
    window.__methodEvents = [];
    window.runtime.EventsOn('study:method', (p) => window.__methodEvents.push(p));
  });
  await page.getByTestId('study-create').click();
  const item = page.locator('[data-testid^="study-"][data-study-id]').filter({ hasText: 'e2e exterior lights NSGA-II' });
  await item.waitFor({ timeout: 30_000 });
  const studyId = Number(await item.getAttribute('data-study-id'));
  const done = await page.waitForFunction(
    (id) => (window.__methodEvents ?? []).find((p) => p.studyId === id && (p.status === 'done' || p.status === 'failed')),
    studyId,
    { timeout: 300_000, polling: 'raf' },
  );
  const progress = await done.jsonValue();
  assert.equal(progress.status, 'done', `the optimisation ended ${progress.status}: ${progress.message ?? ''}`);
  assert.equal(progress.generation, 2, 'both generations ran');

  // Every run the optimisation asked for has finished, and succeeded.
  const table = await go('StudyTable', studyId);
  assert.ok(table.total > 1 && table.finished === table.total, `${table.finished} of ${table.total} runs finished`);
  for (const r of table.rows) assert.ok(['succeeded', 'succeeded-with-severe'].includes(r.status), `${r.name}: ${r.status} ${r.message ?? ''}`);
  const baseline = table.rows.find((r) => r.baseline);
  const dimmed = table.rows.find((r) => r.measures?.['design-level'] === '1000');
  assert.ok(dimmed, `a variant with 1000 W exterior lights among ${table.rows.map((r) => JSON.stringify(r.measures ?? {})).join(', ')}`);
  assert.ok(dimmed.results.totalSiteKWh < baseline.results.totalSiteKWh, `1000 W uses less site energy (${dimmed.results.totalSiteKWh}) than 5250 W (${baseline.results.totalSiteKWh})`);

  // The saved spec, exported as the user does, holds the measure and the method.
  await item.click();
  await page.getByTestId('study-export-spec').click();
  const specFile = await until(() => readdirSync(saveDir).find((f) => f.endsWith('.json')), 15_000, 'the exported spec');
  const spec = JSON.parse(readFileSync(join(saveDir, specFile), 'utf8'));
  assert.deepEqual(spec.measures, [{
    id: 'design-level',
    fields: [{ class: 'Exterior:Lights', name: 'ExtLights', field: 'Design Level' }],
    values: [{ values: ['1000'] }, { values: ['2500'] }],
    per: 'fixed',
    investment: 0,
    gwpKgCO2e: 0,
    lifeYears: 15,
  }]);
  assert.equal(spec.method.kind, 'nsga2');
  assert.deepEqual(spec.method.objectives, ['siteEnergyKWh', 'embodiedKgCO2e']);
  assert.equal(spec.method.population, 4);
  assert.equal(spec.method.generations, 2);
});

test('hand-picked packages set the measure too: one variant per package, run with the real engine', async () => {
  await openStudyBuilder(page);
  // The builder keeps the last study's inputs: the model, its weather and the lights measure.
  assert.equal(await page.getByTestId('study-measure-0-list').inputValue(), '1000, 2500');
  await page.getByTestId('study-name').fill('e2e packages with a measure');
  // Named, the measure gets an id from its name: the packages' column and the spec use it.
  await page.getByTestId('study-measure-0-name').fill('Exterior lights');
  assert.equal(await page.getByTestId('study-measure-0-id').inputValue(), 'exterior-lights');
  await page.getByTestId('study-method-sampling').click();
  await page.getByTestId('study-mode-list').click();
  await page.getByTestId('study-package-add').click();
  // Each measure is a column of the packages: keep it, or pick one of its options.
  const pick = (i) => page.getByTestId(`study-package-${i}-measure-0`);
  assert.equal(await pick(0).inputValue(), 'keep');
  await pick(0).selectOption('1000');
  // The second package: a copy of the first, changed in one choice.
  await page.getByTestId('study-package-copy-0').click();
  assert.equal(await pick(1).inputValue(), '1000');
  await pick(1).selectOption('2500');
  const estimate = page.getByTestId('study-estimate');
  await until(async () => (await estimate.getAttribute('data-state')) === 'ok', 15_000, 'the estimate');
  assert.match(await estimate.innerText(), /^2 variants \+ baseline × 1 weather file = 3 runs/);
  // The first test's "spec saved" toast would sit in the picture.
  for (const dismiss of await page.getByTestId('toast-dismiss').all()) await dismiss.click();
  await shoot(page, '55-study-packages.png', page.getByTestId('study-packages'));
  await page.getByTestId('study-create').click();

  const item = page.locator('[data-testid^="study-"][data-study-id]').filter({ hasText: 'e2e packages with a measure' });
  await item.waitFor({ timeout: 30_000 });
  const studyId = Number(await item.getAttribute('data-study-id'));
  const table = await until(async () => {
    const t = await go('StudyTable', studyId);
    return t.total === 3 && t.finished === 3 ? t : null;
  }, 180_000, 'the three runs of the packages');
  for (const r of table.rows) assert.ok(['succeeded', 'succeeded-with-severe'].includes(r.status), `${r.name}: ${r.status} ${r.message ?? ''}`);
  const baseline = table.rows.find((r) => r.baseline);
  const at = (w) => table.rows.find((r) => r.measures?.['exterior-lights'] === w);
  assert.ok(at('1000') && at('2500'), `one variant per package: ${table.rows.map((r) => JSON.stringify(r.measures ?? {})).join(', ')}`);
  // Less exterior lighting, less site energy: 1000 W < 2500 W < the model's 5250 W.
  assert.ok(at('1000').results.totalSiteKWh < at('2500').results.totalSiteKWh, `1000 W (${at('1000').results.totalSiteKWh} kWh) below 2500 W (${at('2500').results.totalSiteKWh} kWh)`);
  assert.ok(at('2500').results.totalSiteKWh < baseline.results.totalSiteKWh, `2500 W below the baseline's 5250 W (${baseline.results.totalSiteKWh} kWh)`);
  // The variant table shows the three rows.
  await item.click();
  await until(async () => (await page.locator('[data-testid^="study-row-"]').count()) === 3, 15_000, 'three rows in the variant table');
});
