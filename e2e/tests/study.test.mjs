// A renovation study end to end in a real browser with the real backend and EnergyPlus: the
// library screen, a 2 x 2 factorial on the 4-zone model built in the study builder, its
// estimate, runs, and a variant table whose figures are the Go side's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openSession, shared, until, openStudyBuilder } from '../lib/app.mjs';
import { shoot } from '../lib/shots.mjs';

let session, page, go;

before(async () => {
  session = await openSession();
  ({ page, go } = session);
});

after(async () => {
  await session?.close();
});

test('the library shows computed U, GWP and cost, missing values as missing', async () => {
  await page.getByTestId('nav-library').click();
  await page.getByTestId('library-screen').waitFor();
  const lib = await go('Library');
  assert.equal(lib.constructions.length, 15);
  const roof = lib.constructions.find((c) => c.construction.id === 'flat_roof_concrete_pir120');
  assert.ok(Math.abs(roof.figures.u - 0.1593) < 1e-4);
  await page.getByText('Concrete flat roof + 120 mm PIR', { exact: false }).first().waitFor();
  await page.getByTestId('construction-unusable-window_vacuum_retrofit').waitFor();
  // Layers read as thickness and material, one after the other; costs say their currency.
  const layers = await page.getByTestId('construction-layers-flat_roof_concrete_pir120').innerText();
  assert.match(layers, /^[\d.]+ mm .+ \| [\d.]+ mm /);
  assert.match(await page.getByRole('columnheader', { name: /Cost/ }).innerText(), /SEK\/m²/);
  // "Usable" says what a variant gets, and what is missing for the rest.
  const usable = page.getByTestId('construction-usable-flat_roof_concrete_pir120');
  assert.match(await usable.innerText(), /^energy/);
  if (!roof.figures.costPerM2.complete) assert.match(await usable.getAttribute('title'), /No cost: missing/);
  await shoot(page, '14-library.png');
  // The element filter shows the roofs only.
  const roofs = lib.constructions.filter((c) => c.construction.element === 'roof').length;
  await page.getByTestId('library-element-filter').selectOption('roof');
  await until(async () => (await page.getByTestId('library-constructions-count').innerText()) === `${roofs} of 15`, 5_000, 'the roofs only');
  assert.equal(await page.getByTestId('library-constructions').locator('tbody tr').count(), roofs);
  await page.getByTestId('library-element-filter').selectOption('');
});

test('a 2 x 2 factorial study is built, estimated, run and tabulated', async () => {
  const rep = await go('ImportFiles', [join(shared, 'testdata/epsm/test.idf'), join(shared, 'testdata/energyplus/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw')]);
  assert.equal(rep.errors?.length ?? 0, 0);
  const model = rep.models[0], chicago = rep.weather[0];
  await page.reload();
  await page.getByTestId('nav-studies').click();
  await page.getByTestId('studies-screen').waitFor();
  await openStudyBuilder(page);
  await page.getByTestId('study-model').selectOption(String(model.id));
  await page.getByTestId(`study-weather-${chicago.id}`).check();
  for (const [el, id] of [['wall', 'wall_concrete_etics_sw100'], ['roof', 'flat_roof_concrete_pir120']]) {
    await page.getByTestId(`study-option-${el}-keep`).check();
    await page.getByTestId(`study-option-${el}-${id}`).check();
  }
  await page.getByTestId('study-mode-factorial').click();
  await page.getByTestId('study-name').fill('e2e envelope study');
  await until(async () => (await page.getByTestId('study-estimate').getAttribute('data-state')) === 'ok', 15_000, 'the estimate');
  // Before it runs, the checklist says which figures will be incomplete and why: every new
  // layer has a GWP (Boverket's klimatdatabas), so embodied carbon will be complete, but no
  // material of these constructions has a cited cost.
  const checklist = page.getByTestId('study-checklist');
  await until(async () => (await page.getByTestId('check-investment').getAttribute('data-state').catch(() => null)) === 'incomplete', 15_000, 'the checklist');
  assert.equal(await page.getByTestId('check-embodied').getAttribute('data-state'), 'complete');
  assert.match(await page.getByTestId('check-investment').innerText(), /cost of/);
  assert.ok(Number(await checklist.getAttribute('data-incomplete')) >= 1);
  const estimate = await page.getByTestId('study-estimate').innerText();
  assert.match(estimate, /3 variants/);
  assert.match(estimate, /4 runs/);
  await shoot(page, '15-study-builder.png', page.getByTestId('study-builder'));
  await page.getByTestId('study-create').click();

  const study = await until(async () => (await go('Studies')).find((s) => s.name === 'e2e envelope study'), 30_000, 'the study');
  // Once created, the builder folds into "New study…" so the study's results take the screen.
  await page.locator('[data-testid="study-builder"][data-open="false"]').waitFor({ timeout: 15_000 });
  assert.equal(await page.getByTestId('study-model').isVisible(), false, 'the folded builder hides its form');
  assert.equal(await page.getByTestId('study-builder-toggle').innerText(), 'New study…');
  const table = await until(async () => {
    const t = await go('StudyTable', study.id);
    return t.finished === 4 ? t : null;
  }, 180_000, 'all 4 runs of the study');
  assert.ok(table.rows[0].baseline, 'the baseline comes first');
  for (const r of table.rows) assert.ok(['succeeded', 'succeeded-with-severe'].includes(r.status), `${r.name}: ${r.status} ${r.message}`);
  const roofOnly = table.rows.find((r) => r.choices.roof !== 'keep' && r.choices.wall === 'keep');
  assert.ok(roofOnly.lca.embodiedKgCO2e.complete, 'the roof construction has every GWP');
  assert.ok(Math.abs(roofOnly.lca.embodiedKgCO2e.value - roofOnly.areas.roof * 20.4328) < 1, 'embodied = roof area x 20.4328 kg/m2 (Boverket: membrane 6.916 + PIR 13.5168)');
  assert.ok(table.rows.some((r) => r.paretoEnergyEmbodied), 'a Pareto front on (energy, embodied)');
  // Better insulation saves energy on this heated model.
  const both = table.rows.find((r) => r.choices.roof !== 'keep' && r.choices.wall !== 'keep');
  assert.ok(both.results.totalSiteKWh < table.rows[0].results.totalSiteKWh, 'the insulated variant uses less energy than the baseline');

  await page.getByTestId(`study-${study.id}`).click();
  await page.getByTestId('study-table').waitFor();
  await until(async () => (await page.locator('[data-testid^="study-row-"]').count()) === 4, 30_000, '4 rows in the table');
  const first = page.locator('[data-testid^="study-row-"]').first();
  assert.match(await first.innerText(), /baseline/i);

  // The table opens on numbers: the frozen variant column, then energy per m2 Atemp, EP_pet
  // and class, carbon per m2, cost and payback; the constructions are not columns.
  const headers = await page.getByTestId('study-table').locator('thead th').evaluateAll((ths) => ths.map((th) => th.innerText.replace(/\s+/g, ' ').trim()));
  assert.match(headers[0], /^Variant/);
  assert.match(headers[1], /^Δ energy.*kWh\/m²/, `second column ${headers[1]}`);
  assert.match(headers[3], /^EP_pet/);
  assert.match(headers[4], /^Class/);
  assert.ok(!headers.some((h) => /^(Wall|Roof)\b/.test(h)), `no construction columns: ${headers.join(' | ')}`);
  // Every row's short id, and the per-m2 change computed from the Go side's figures.
  for (const r of table.rows) {
    const row = page.getByTestId(`study-row-${r.variantId}-${r.weatherId}`);
    assert.equal(await row.getByTestId('variant-label').innerText(), r.label);
    if (r.baseline) continue;
    const want = (r.results.totalSiteKWh - table.rows[0].results.totalSiteKWh) / r.atemp;
    // The screen's table follows the runs through events: wait for the figure to arrive.
    const text = await until(async () => {
      const t = await row.locator('td[data-column="deltaM2"]').innerText();
      return /\d/.test(t) ? t : null;
    }, 30_000, `${r.label}'s Δ energy per m² on screen`);
    const shown = Number(text.replace('−', '-').replace(/[^\d.+-]/g, ''));
    assert.ok(Math.abs(shown - want) < 0.051, `${r.label}: Δ ${shown} kWh/m², want ${want.toFixed(2)}`);
  }
  assert.deepEqual(table.rows.map((r) => r.label), ['B', 'V1', 'V2', 'V3']);
  // The both-elements variant's constructions are in its expandable row.
  await page.getByTestId(`study-expand-${both.variantId}-${both.weatherId}`).click();
  const details = page.getByTestId(`study-details-${both.variantId}-${both.weatherId}`);
  assert.match(await details.innerText(), /stone-wool ETICS/);
  assert.match(await details.innerText(), /120 mm PIR/);
  await shoot(page, '16-study-table.png', page.getByTestId('study-table'));

  // Scrolled down to the charts, the study list is still beside them, not an empty column.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await until(async () => (await page.evaluate(() => window.scrollY)) > 200, 5_000, 'the page scrolled');
  const list = await page.getByTestId('studies-list').boundingBox();
  const viewport = page.viewportSize();
  assert.ok(list && list.y >= 0 && list.y < viewport.height / 2, `the study list is at y ${list?.y} in a ${viewport.height} px window after scrolling`);
  await page.evaluate(() => window.scrollTo(0, 0));
});

// A cost the default library has only as a published range (blown cellulose, 250-350 SEK/m²):
// the builder's choice takes its midpoint, the checklist says so before the run, and every cost
// built on it says where it came from (Go's figures and the variant's tile), instead of a blank.
test('a cost published only as a range is taken at its midpoint when the study asks, and says so', async () => {
  const files = await go('Files');
  const model = files.models.find((m) => m.name === '1ZoneUncontrolled.idf');
  const weather = files.weather.find((w) => /Golden/.test(w.name));
  assert.ok(model && weather, 'the bundled example and its weather file');
  await page.reload();
  await page.getByTestId('nav-studies').click();
  await page.getByTestId('studies-screen').waitFor();
  await openStudyBuilder(page);
  await page.getByTestId('study-model').selectOption(String(model.id));
  // The builder keeps its weather files from the study before: this one runs on Golden only.
  for (const w of files.weather) await page.getByTestId(`study-weather-${w.id}`).setChecked(w.id === weather.id);
  await page.getByTestId('study-option-roof-keep').check();
  await page.getByTestId('study-option-roof-loft_cellulose_300').check();
  await page.getByTestId('study-mode-factorial').click();
  await page.getByTestId('study-name').fill('e2e loft at the range midpoint');
  // Left missing (the default), the loft's cost is a gap that names its range.
  const investment = page.getByTestId('check-investment');
  await until(async () => (await investment.getAttribute('data-state').catch(() => null)) === 'incomplete', 15_000, 'the checklist');
  assert.match(await investment.innerText(), /only a range is published: 250-350 SEK/);
  await page.getByTestId('study-cost-ranges').selectOption('mid');
  await until(async () => (await investment.getAttribute('data-state')) === 'note', 10_000, 'the checklist takes the midpoint');
  assert.match(await investment.innerText(), /one is the midpoint of a published range/);
  await until(async () => (await page.getByTestId('study-estimate').getAttribute('data-state')) === 'ok', 15_000, 'the estimate');
  await page.getByTestId('study-create').click();

  const study = await until(async () => (await go('Studies')).find((s) => s.name === 'e2e loft at the range midpoint'), 30_000, 'the study');
  const table = await until(async () => {
    const t = await go('StudyTable', study.id);
    return t.total > 0 && t.finished === t.total ? t : null;
  }, 120_000, 'both runs of the study');
  assert.equal(table.total, 2, 'the baseline and the loft, on one weather file');
  const loft = table.rows.find((r) => !r.baseline);
  assert.ok(loft.lca, `the loft's life-cycle figures: ${JSON.stringify(table.rows.map((r) => [r.name, r.status, r.message, Boolean(r.results)]))}`);
  const inv = loft.lca.investmentCost;
  assert.ok(inv.complete, `the loft's investment is complete: ${JSON.stringify(inv)}`);
  assert.match(inv.assumed?.[0] ?? '', /^cost of cellulose_loosefill_50 .*: 300 SEK\/m², the midpoint of its published range 250-350/);
  // The roof's area times 300 SEK/m²: the investment is the midpoint's, not a blank or a guess.
  assert.ok(Math.abs(inv.value - 300 * loft.areas.roof) < 0.5, `investment ${inv.value} for ${loft.areas.roof} m² of roof`);
  assert.ok(loft.lca.lifeCycleCost.complete && loft.lca.lifeCycleCost.assumed?.length === 1, 'the life-cycle cost names the range too');

  await page.getByTestId(`study-${study.id}`).click();
  const row = page.getByTestId(`study-row-${loft.variantId}-${loft.weatherId}`);
  await row.waitFor();
  await row.click();
  const tile = page.getByTestId('variant-kpi-investment');
  await tile.waitFor();
  await page.getByTestId('variant-kpi-investment-assumed').waitFor();
  assert.match(await tile.getAttribute('title'), /^Taken from a published range: cost of cellulose_loosefill_50 .*midpoint of its published range 250-350/);
  const shown = Number((await page.getByTestId('variant-kpi-investment-value').innerText()).replace(/[^\d.]/g, ''));
  assert.equal(shown, Math.round(inv.value), 'the tile shows Go\'s investment');
  await shoot(page, '56-cost-from-range.png', page.getByTestId('variant-kpis'));
});
