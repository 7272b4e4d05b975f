// Comparing two runs end to end with the real engine: the 4-zone office model and a copy with
// thicker wall insulation (and one construction nothing uses, which EnergyPlus warns about),
// a year each in Chicago. "Compare with…" on the edited model's run opens the comparison with
// the original as A; every figure shown is the Go side's for its run, Δ is B − A, the monthly
// energy adds up to the year, the messages only the edit has are listed under B (the unused
// construction's warning; the heavier wall also keeps two zones from converging in the warm-up
// days, a severe error the original does not have), and swapping A and B turns the signs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshDir, openRun, openSession, shared, until } from '../lib/app.mjs';
import { shoot } from '../lib/shots.mjs';

let session, page, go;

before(async () => {
  session = await openSession();
  ({ page, go } = session);
});

after(async () => {
  await session?.close();
});

// The window's numbers: "1,234.5", "−12.3" (U+2212), "+4".
const num = (text) => Number(text.trim().replace(/,/g, '').replace('\u2212', '-').replace(/^\+/, ''));
const round = (v, digits) => Math.round(v * 10 ** digits) / 10 ** digits;
const text = (id) => page.getByTestId(id).innerText();

// The edit: 0.0337 m of wall insulation becomes 0.2337 m, and an unused construction is added.
function editedModel() {
  const src = readFileSync(join(shared, 'testdata/epsm/test.idf'), 'utf8');
  const thick = src.replace(/(Wall Insulation \[31\],\s*!- Name\s*\n\s*MediumRough,\s*!- Roughness\s*\n\s*)0\.0337000000000001,/, '$10.2337,');
  assert.notEqual(thick, src, 'the wall insulation thickness was found and changed');
  const path = join(freshDir('epsm-e2e-compare-'), 'test-thick-wall.idf');
  writeFileSync(path, thick + '\nConstruction,\n    E2E unused wall,         !- Name\n    Generic Brick;           !- Outside Layer\n');
  return path;
}

test('two runs of a model before and after an edit, side by side with B − A', async () => {
  const rep = await go('ImportFiles', [join(shared, 'testdata/epsm/test.idf'), editedModel(), join(shared, 'testdata/energyplus/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw')]);
  assert.equal(rep.errors?.length ?? 0, 0);
  const original = rep.models.find((m) => m.name === 'test.idf');
  const edited = rep.models.find((m) => m.name === 'test-thick-wall.idf');
  const chicago = rep.weather[0];
  const started = await go('StartRuns', { modelIds: [original.id, edited.id], weatherId: chicago.id, weatherIds: [], forceAnnual: true, designDaysOnly: false, force: true, name: 'compare' });
  const idA = started.find((r) => r.modelId === original.id).id;
  const idB = started.find((r) => r.modelId === edited.id).id;
  assert.ok(idA < idB, 'the original runs first');
  await until(async () => {
    const s = await Promise.all([idA, idB].map(async (id) => (await go('RunDetails', id)).run.status));
    if (s.some((x) => !['succeeded', 'succeeded-with-severe', 'queued', 'preparing', 'running', 'collecting'].includes(x))) throw new Error(`a run ended ${s}`);
    return s.every((x) => x.startsWith('succeeded'));
  }, 400_000, 'both annual runs');
  const go2 = await go('CompareRuns', idA, idB);
  const [A, B] = [go2.a, go2.b];
  assert.equal(A.details.run.id, idA);
  assert.equal(B.details.run.id, idB);

  // From the edited run's pane: "Compare with…" suggests the previous run, the original, as A.
  await page.reload();
  await openRun(page, idB);
  await page.getByTestId('detail-compare').click();
  const view = page.getByTestId('compare-view');
  await view.waitFor();
  const body = page.getByTestId('compare-body');
  await body.waitFor();
  assert.equal(await body.getAttribute('data-a'), String(idA));
  assert.equal(await body.getAttribute('data-b'), String(idB));
  assert.equal(await page.getByTestId('compare-a-select').inputValue(), String(idA));
  assert.equal(await text('compare-model-a'), 'test.idf');
  assert.equal(await text('compare-model-b'), 'test-thick-wall.idf');
  assert.match(await text('compare-weather-b'), /Chicago/);
  assert.match(await text('compare-engine-a'), new RegExp(`EnergyPlus ${A.details.run.engineVersion.replace(/\./g, '\\.')}`));

  // Each figure is the Go side's for its run, and Δ is B − A.
  const figures = [
    ['site-energy', 0, (s) => s.details.results.totalSiteKWh],
    ['ep-pet', 1, (s) => s.details.swedish.primaryEnergyNumber.value],
    ['atemp', 0, (s) => s.details.swedish.atemp.value],
    ['energy-per-atemp', 1, (s) => s.details.results.totalSiteKWh / s.details.swedish.atemp.value],
    ['peak-heating', 1, (s) => s.details.swedish.peakHeating.value / 1000],
    ['peak-heating-per-m2', 1, (s) => s.details.swedish.peakHeatingPerM2.value],
    ['overheating-hours', 0, (s) => s.details.swedish.overheatingHours.value],
    ['unmet-heating', 0, (s) => s.details.results.unmetHeatingHours],
    ['warnings', 0, (s) => s.details.run.warnings],
    ['severe', 0, (s) => s.details.run.severe],
  ];
  for (const [id, digits, get] of figures) {
    const [a, b] = [get(A), get(B)];
    assert.equal(num(await text(`compare-row-${id}-a-value`)), round(a, digits), `${id}: A`);
    assert.equal(num(await text(`compare-row-${id}-b-value`)), round(b, digits), `${id}: B`);
    const delta = await text(`compare-row-${id}-delta`);
    assert.ok(Math.abs(num(delta) - (b - a)) <= 0.5 * 10 ** -digits + 1e-9, `${id}: Δ ${delta} is B − A = ${b - a}`);
  }
  assert.equal(await text('compare-row-energy-class-a'), A.details.swedish.energyClass);
  // Thicker insulation heats less: a negative Δ, shown as an improvement.
  const site = B.details.results.totalSiteKWh - A.details.results.totalSiteKWh;
  assert.ok(site < 0, `the thicker wall saves energy (Δ ${site} kWh)`);
  assert.match(await page.getByTestId('compare-row-site-energy-delta').getAttribute('class'), /delta-better/);
  assert.equal(await text('compare-row-site-energy-pct'), `${(site / A.details.results.totalSiteKWh * 100).toFixed(1).replace('-', '\u2212')} %`);

  // Delivered energy by purpose and carrier, with its chart drawn.
  assert.equal(await page.getByTestId('compare-enduses').getAttribute('data-basis'), 'carrier');
  const heat = (s) => s.details.swedish.delivered.filter((d) => d.purpose === 'heating' && d.carrier === 'districtHeating').reduce((t, d) => t + d.kWh, 0);
  assert.equal(num(await text('compare-row-heating/districtHeating-a-value')), Math.round(heat(A)));
  assert.equal(num(await text('compare-row-heating/districtHeating-b-value')), Math.round(heat(B)));
  await page.waitForFunction(() => document.querySelector('[data-testid="compare-enduse-chart"]')?.dataset.drawn === 'true', null, { timeout: 30_000 });

  // Monthly energy: Go's monthly totals, which add up to the year's site energy.
  for (const s of [A, B]) {
    const year = s.monthly.total.reduce((t, v) => t + v, 0);
    assert.ok(Math.abs(year - s.details.results.totalSiteKWh) < 0.01 * s.details.results.totalSiteKWh, `run ${s.details.run.id}: months ${year} kWh vs the year ${s.details.results.totalSiteKWh} kWh`);
  }
  for (const m of [1, 7]) {
    const [a, b] = [A.monthly.total[m - 1], B.monthly.total[m - 1]];
    assert.equal(num(await text(`compare-row-month-${m}-a-value`)), Math.round(a));
    assert.equal(num(await text(`compare-row-month-${m}-b-value`)), Math.round(b));
    assert.ok(Math.abs(num(await text(`compare-row-month-${m}-delta`)) - (b - a)) <= 0.5 + 1e-9);
  }
  await page.waitForFunction(() => document.querySelector('[data-testid="compare-monthly-chart"]')?.dataset.drawn === 'true', null, { timeout: 30_000 });

  // The messages only one run has: the unused construction's warning is the edit's.
  const key = (m) => `${m.kind}|${m.text}`;
  const inA = new Set(A.messages.messages.map(key));
  const onlyB = B.messages.messages.filter((m) => !inA.has(key(m)));
  assert.ok(onlyB.some((m) => /unused construction/i.test(m.text)), `B's own warnings name the unused construction: ${onlyB.map((m) => m.text).join(' / ')}`);
  // The heavier wall's warm-up: severe errors in B only, counted and listed.
  const severeOnlyB = onlyB.filter((m) => m.kind === 'severe');
  assert.equal(B.details.run.severe - A.details.run.severe, severeOnlyB.reduce((t, m) => t + m.count, 0), 'the severe errors B adds are the ones listed under B');
  const shownOnlyB = await page.getByTestId('compare-only-b').locator('li').allInnerTexts();
  assert.equal(shownOnlyB.length, onlyB.length);
  for (const m of onlyB) assert.ok(shownOnlyB.some((t) => t.includes(m.text)), `"${m.text}" is listed under B`);

  await view.evaluate((el) => el.parentElement.scrollTo(0, 0));
  await shoot(page, '60-compare.png');
  await page.getByTestId('compare-enduses').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shoot(page, '61-compare-charts.png');
  await view.evaluate((el) => el.parentElement.scrollTo(0, 0));

  // Swap A and B: the signs turn.
  await page.getByTestId('compare-swap').click();
  await until(async () => (await body.getAttribute('data-a')) === String(idB), 10_000, 'the swapped comparison');
  await until(async () => num(await text('compare-row-site-energy-delta')) === Math.round(-site), 10_000, 'Δ with its sign turned');
  assert.match(await page.getByTestId('compare-row-site-energy-delta').getAttribute('class'), /delta-worse/);
  await page.getByTestId('compare-close').click();
  await view.waitFor({ state: 'detached' });
});
