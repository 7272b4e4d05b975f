// The Swedish figures end to end with the real engine: a year of the office model (district
// heating by ideal loads, hot water, People, no cooling) in Chicago. The run's panel shows EP_pet
// and its class as the Go side computed them, Atemp labelled as EnergyPlus's conditioned area;
// entering an Atemp in the model's settings changes EP_pet by the ratio of the areas; blanking
// district heating's weighting factor in Settings › Swedish rules makes EP_pet missing, named,
// with a link that opens that setting; and the heating load-duration curve is drawn.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openSession, openRun, shared, until } from '../lib/app.mjs';
import { shoot } from '../lib/shots.mjs';

let session, page, go;

before(async () => {
  session = await openSession();
  ({ page, go } = session);
});

after(async () => {
  await session?.close();
});

const num = (text) => Number(text.replace(/,/g, ''));

test("a run's Swedish figures follow its model's Atemp and the weighting factors", async () => {
  const rep = await go('ImportFiles', [join(shared, 'testdata/epsm/test.idf'), join(shared, 'testdata/energyplus/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw')]);
  assert.equal(rep.errors?.length ?? 0, 0);
  const model = rep.models[0], chicago = rep.weather[0];
  const runs = await go('StartRuns', { modelIds: [model.id], weatherId: chicago.id, weatherIds: [], forceAnnual: true, designDaysOnly: false, force: true, name: 'swedish' });
  const id = runs[0].id;
  await until(async () => (await go('RunDetails', id)).run.status === 'succeeded', 180_000, 'the annual run');
  const before = (await go('RunDetails', id)).swedish;
  assert.ok(before.primaryEnergyNumber.value > 0 && before.energyClass, 'Go computed EP_pet and a class');

  await page.reload();
  await openRun(page, id);
  const panel = page.getByTestId('swedish-panel');
  await panel.waitFor();
  assert.equal(num(await page.getByTestId('sw-ep-value').innerText()), Math.round(before.primaryEnergyNumber.value * 10) / 10);
  assert.equal(await page.getByTestId('sw-energy-class').innerText(), before.energyClass);
  assert.match(await page.getByTestId('sw-atemp').innerText(), /conditioned floor area/);
  assert.match(await page.getByTestId('sw-overheating').innerText(), /Hours above 26\.0 °C[\s\S]*occupied hours/);
  // District heating for heating and hot water, and the household electricity left out of EP_pet.
  assert.ok(await page.getByTestId('sw-carrier-districtHeating').isVisible());
  assert.match(await page.getByTestId('sw-delivered').innerText(), /Household electricity/);
  // The table fits the detail pane beside the run table: no carrier column cut off at its edge.
  const overflow = await page.getByTestId('sw-delivered-scroll').evaluate((el) => el.scrollWidth - el.clientWidth);
  assert.ok(overflow <= 1, `the delivered-energy table overflows its pane by ${overflow} px`);
  // ...and the run table beside it keeps its last column (the energy class) in view.
  const runOverflow = await page.locator('.run-table-scroll').evaluate((el) => el.scrollWidth - el.clientWidth);
  assert.ok(runOverflow <= 1, `the run table overflows its pane by ${runOverflow} px`);

  await page.getByTestId('sw-duration').locator('summary').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="heating-duration-chart"]')?.dataset.drawn === 'true', null, { timeout: 30_000 });
  await shoot(page, '50-swedish-figures.png', panel);

  // Atemp entered in the model's settings: EP_pet is per m² of it.
  await page.getByTestId('sw-mapping').locator('summary').click();
  await page.getByTestId('sw-edit-mapping').click();
  const dialog = page.getByTestId('model-settings');
  await dialog.waitFor();
  await page.getByTestId('model-atemp').fill('2000');
  await page.getByTestId('model-atemp-source').fill('e2e: from the drawings');
  await shoot(page, '51-model-settings.png', dialog);
  await page.getByTestId('model-settings-save').click();
  await dialog.waitFor({ state: 'detached' });
  const want = before.primaryEnergyNumber.value * before.atemp.value / 2000;
  await until(async () => Math.abs(num(await page.getByTestId('sw-ep-value').innerText()) - want) < 0.051, 10_000, `EP_pet over 2,000 m² (${want.toFixed(1)})`);
  assert.match(await page.getByTestId('sw-atemp').innerText(), /2,000[\s\S]*from the drawings/);
  const after = (await go('RunDetails', id)).swedish;
  assert.ok(Math.abs(after.primaryEnergyNumber.value - want) < 1e-9 * want, 'the Go side agrees');
  // The run table's EP_pet follows the new Atemp too, without a reload.
  await until(async () => Math.abs(num(await page.getByTestId(`run-energy-${id}`).innerText()) - want) < 0.051, 10_000, 'the run table to show the new EP_pet');
  assert.equal(await page.getByTestId(`run-class-${id}`).innerText(), after.energyClass);

  // A blank weighting factor: EP_pet is missing, says which input, and the link opens it.
  const rules = await go('SwedishSettings');
  await go('SaveSwedishSettings', { ...rules, weights: { ...rules.weights, districtHeating: null } });
  await page.getByTestId('nav-runs').click().catch(() => {});
  await page.reload();
  await openRun(page, id);
  await page.getByTestId('sw-ep-missing').waitFor();
  assert.equal(await page.getByTestId('sw-ep-value').innerText(), '\u2014');
  assert.match(await page.getByTestId('sw-ep-missing').innerText(), /weighting factor of districtHeating/);
  await page.getByTestId('sw-ep-fix').click();
  await page.getByTestId('swedish-settings').waitFor();
  await page.getByTestId('sw-weight-districtHeating').fill('0.7');
  await page.getByTestId('swedish-save').click();
  await page.getByTestId('swedish-saved').waitFor();
  await page.getByTestId('settings-close').click();
  await until(async () => Math.abs(num(await page.getByTestId('sw-ep-value').innerText()) - want) < 0.051, 10_000, 'EP_pet back once the factor is set');
});

test('the run table sorts by EP_pet per m² Atemp, filters, and opens the chosen run beside it', async () => {
  // The office model again, in Golden's milder climate: a second EP_pet to sort by.
  const files = await go('Files');
  const office = files.models.find((m) => m.name === 'test.idf');
  const golden = files.weather.find((w) => /Golden/.test(w.name));
  const [run] = await go('StartRuns', { modelIds: [office.id], weatherId: golden.id, weatherIds: [], forceAnnual: true, designDaysOnly: false, force: true, name: 'golden' });
  await until(async () => (await go('RunDetails', run.id)).run.status === 'succeeded', 180_000, 'the Golden run');
  await page.reload();
  const all = (await go('Overview')).runs;
  const withEP = all.filter((r) => r.figures?.primaryEnergyNumber !== undefined);
  assert.ok(withEP.length >= 2, `two runs with EP_pet, got ${JSON.stringify(all.map((r) => [r.id, r.status, r.figures]))}`);
  const ascending = [...withEP].sort((a, b) => a.figures.primaryEnergyNumber - b.figures.primaryEnergyNumber).map((r) => r.id);
  assert.notEqual(withEP[0].figures.primaryEnergyNumber, withEP[1].figures.primaryEnergyNumber);

  const order = () => page.evaluate(() => [...document.querySelectorAll('[data-testid^="run-row-"]')].map((r) => Number(r.dataset.testid.slice('run-row-'.length))));
  await page.getByTestId('sort-energy').click();
  assert.deepEqual((await order()).slice(0, ascending.length), ascending, 'lowest EP_pet first');
  assert.equal(await page.getByTestId('run-table').locator('th[data-column="energy"]').getAttribute('aria-sort'), 'ascending');
  await page.getByTestId('sort-energy').click();
  assert.deepEqual((await order()).slice(0, ascending.length), [...ascending].reverse(), 'highest EP_pet first');
  // Each row's number is the Go side's.
  for (const r of withEP) assert.equal(num(await page.getByTestId(`run-energy-${r.id}`).innerText()), Math.round(r.figures.primaryEnergyNumber * 10) / 10);

  await page.getByTestId('run-filter').fill('golden test');
  await until(async () => JSON.stringify(await order()) === JSON.stringify([run.id]), 5_000, 'only the Golden run of the office model');
  await page.getByTestId('run-filter').fill('');
  await page.getByTestId('run-status-filter').selectOption('failed');
  await page.getByTestId('run-table-empty').waitFor();
  await page.getByTestId('run-status-filter').selectOption('succeeded');
  await until(async () => (await order()).length === all.filter((r) => r.status === 'succeeded').length, 5_000, 'the succeeded runs');

  await page.getByTestId(`run-row-${run.id}`).locator('td[data-column="weather"]').click();
  await page.waitForFunction((id) => document.querySelector('[data-testid="run-detail"]')?.getAttribute('data-run-id') === String(id), run.id);
  assert.equal(await page.getByTestId(`run-row-${run.id}`).getAttribute('aria-current'), 'true');
  assert.match(await page.locator('#detail-heading').innerText(), new RegExp(`Run #${run.id}: test\\.idf with .*Golden`));
  await page.getByTestId('sw-ep-value').waitFor();
  assert.equal(num(await page.getByTestId('sw-ep-value').innerText()), num(await page.getByTestId(`run-energy-${run.id}`).innerText()));
  await shoot(page, '53-run-table.png');
  await page.getByTestId('run-status-filter').selectOption('all');
});

test('a selected run opens in its own pane beside the run list, each scrolling on its own', async () => {
  await page.reload();
  const runs = (await go('Overview')).runs ?? [];
  const id = runs.find((r) => r.status === 'succeeded').id;
  await openRun(page, id);
  const pane = page.getByTestId('detail-pane');
  await pane.waitFor();
  const list = page.getByTestId('run-list');
  const [p, l] = [await pane.boundingBox(), await list.boundingBox()];
  assert.ok(p.x >= l.x + l.width - 1, `the pane (x ${p.x}) is right of the list (ends at ${l.x + l.width})`);
  // The page itself does not scroll: the pane does, so the list stays in view beside it.
  const scroll = await page.evaluate(() => {
    const pane = document.querySelector('[data-testid="detail-pane"]');
    const before = window.scrollY;
    pane.scrollTop = pane.scrollHeight;
    return { page: document.documentElement.scrollHeight <= window.innerHeight + 1 && window.scrollY === before, pane: pane.scrollTop > 0 };
  });
  assert.deepEqual(scroll, { page: true, pane: true });
  await page.evaluate(() => { document.querySelector('[data-testid="detail-pane"]').scrollTop = 0; });
  await shoot(page, '52-runs-master-detail.png');
  await page.getByTestId('detail-close').click();
  await pane.waitFor({ state: 'detached' });
});
