// The queue in a real browser against the real backend and EnergyPlus: settings, pause and
// resume with the worker lanes, a batch of 4 runs (2 models x 2 weather files), the cache,
// grouped fatal errors with re-run failed, and a model changed on disk re-imported and re-run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, openRunForm, shared, freshDir, until } from '../lib/app.mjs';
import { shoot } from '../lib/shots.mjs';

let session, page, go;
const statuses = (ids) => page.evaluate((ids) => ids.map((id) => document.querySelector(`[data-testid="run-row-${id}"]`)?.getAttribute('data-status')), ids);

before(async () => {
  session = await openSession();
  ({ page, go } = session);
});

after(async () => {
  await session?.close();
});

test('settings: one worker gives one lane; paused queue starts nothing; resume runs the batch', async () => {
  await page.getByTestId('settings-button').click();
  await page.getByTestId('settings-workers').fill('1');
  await page.getByTestId('settings-save').click();
  await page.getByTestId('settings-saved').waitFor();
  await page.getByTestId('settings-close').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="lanes"]')?.getAttribute('data-workers') === '1');

  const rep = await go('ImportFiles', [join(shared, 'testdata/epsm/test.idf'), join(shared, 'testdata/energyplus/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw')]);
  assert.equal(rep.errors?.length ?? 0, 0);
  await page.reload();
  const files = await go('Files');
  for (const m of files.models) await page.getByTestId(`model-checkbox-${m.id}`).check();
  await page.getByTestId('weather-all').click();
  assert.equal(await page.getByTestId('run-count').getAttribute('data-runs'), '4');

  await page.getByTestId('queue-pause').click();
  await page.getByTestId('queue-resume').waitFor();
  await page.getByTestId('run-button').click();
  const ids = await until(async () => {
    const o = await go('Overview');
    return o.runs.length === 4 ? o.runs.map((r) => r.id) : null;
  }, 30_000, '4 queued runs');
  // Nothing starts while paused: the scheduler's own state (pushed as queue:state and shown by
  // the lanes) holds all four in its queue and runs none.
  await page.waitForFunction(() => {
    const lanes = document.querySelector('[data-testid="lanes"]');
    return lanes?.getAttribute('data-queued') === '4' && document.querySelector('[data-testid="queue-bar"]')?.getAttribute('data-paused') === 'true';
  });
  const q = (await go('Overview')).queue;
  assert.equal(q.paused, true);
  assert.deepEqual([...q.queued].sort(), [...ids].sort(), 'the scheduler holds all four');
  assert.deepEqual(q.running ?? [], [], 'and runs none'); // a Go nil slice arrives as null
  assert.equal(await page.getByTestId('lanes').getAttribute('data-running'), '0');
  assert.deepEqual(await statuses(ids), ['queued', 'queued', 'queued', 'queued'], 'nothing starts while paused');
  assert.equal(await page.getByTestId('lane-1').getAttribute('data-state'), 'idle');
  await shoot(page, '09-queue-paused.png', page.getByTestId('queue-bar'));

  await page.getByTestId('queue-resume').click();
  // One worker: exactly one lane busy, with a real running run.
  await page.waitForFunction(() => document.querySelector('[data-testid="lane-1"]')?.getAttribute('data-state') === 'busy', null, { timeout: 60_000 });
  const laneRun = Number(await page.getByTestId('lane-1').getAttribute('data-run-id'));
  assert.ok(ids.includes(laneRun));
  const { running } = (await go('Overview')).queue;
  assert.deepEqual(running, [laneRun], 'the lane shows what the scheduler runs');
  await shoot(page, '10-queue-running.png', page.getByTestId('lanes'));

  await page.waitForFunction((ids) => ids.every((id) => document.querySelector(`[data-testid="run-row-${id}"]`)?.getAttribute('data-status') === 'succeeded'), ids, { timeout: 180_000 });
  const batchId = (await go('RunDetails', ids[0])).run.batchId;
  await page.waitForFunction((b) => document.querySelector(`[data-testid="batch-progress-${b}"]`)?.getAttribute('aria-valuenow') === '100', batchId);
  await shoot(page, '11-batch-done.png', page.getByTestId(`batch-${batchId}`));
});

test('the same runs again are answered from the store, shown as cached', async () => {
  const before = (await go('Overview')).runs.length;
  await openRunForm(page);
  await page.getByTestId('run-button').click();
  const cached = await until(async () => {
    const o = await go('Overview');
    const fresh = o.runs.slice(0, o.runs.length - before);
    return fresh.length === 4 && fresh.every((r) => r.cachedFrom > 0 && r.status === 'succeeded') ? fresh.map((r) => r.id) : null;
  }, 30_000, '4 cached runs');
  for (const id of cached) await page.getByTestId(`run-cached-${id}`).waitFor();
});

test('identical fatal errors are grouped; re-run failed runs them again', async () => {
  await page.getByTestId('settings-button').click();
  await page.getByTestId('settings-workers').fill('2');
  await page.getByTestId('settings-save').click();
  await page.getByTestId('settings-saved').waitFor();
  await page.getByTestId('settings-close').click();
  // Two 9.4 examples that no longer validate on 25.2: the same fatal message.
  const rep = await go('ImportFiles', [join(shared, 'testdata/energyplus/1ZoneUncontrolled.idf'), join(shared, 'testdata/energyplus/1ZoneEvapCooler.idf')]);
  const golden = (await go('Files')).weather.find((w) => /Golden/.test(w.name));
  const runs = await go('StartRuns', { modelIds: rep.models.map((m) => m.id), weatherIds: [golden.id], forceAnnual: false, force: false, name: 'old models' });
  await page.reload();
  // A 9.4 model on the 25.2 engine: one chip on the card; opened, it offers a transition, or
  // says why it cannot (the PyPI engine has no NREL version updaters).
  const offer = page.getByTestId(`model-transition-unavailable-${rep.models[0].id}`).or(page.getByTestId(`model-transition-${rep.models[0].id}`));
  await offer.first().waitFor({ state: 'attached' });
  assert.equal(await offer.first().isVisible(), false, 'the transition text waits behind the version chip');
  await page.getByTestId(`model-version-warning-${rep.models[0].id}`).locator('summary').click();
  await offer.first().waitFor();
  assert.match(await offer.first().innerText(), /IDFVersionUpdater|Transition a copy/);
  const batch = runs[0].batchId;
  const panel = page.getByTestId(`batch-errors-${batch}`);
  await panel.waitFor({ timeout: 60_000 });
  const group = page.getByTestId(`batch-error-${batch}-0`);
  await until(async () => /2 runs/.test(await group.innerText().catch(() => '')), 60_000, 'both fatal runs in one group');
  // Grouped by their headline, which names the cause: models written for another version.
  assert.equal(await group.getAttribute('data-kind'), 'version-mismatch');
  assert.match(await group.innerText(), /Version mismatch: The model is written for EnergyPlus 9\.4 but ran on EnergyPlus 25\.2/);
  await shoot(page, '12-grouped-errors.png', panel);
  const first = await until(async () => {
    const o = await go('Overview');
    const rs = runs.map((x) => o.runs.find((y) => y.id === x.id));
    return rs.every((r) => r.status === 'fatal') ? Object.fromEntries(rs.map((r) => [r.id, r.startedAt])) : null;
  }, 60_000, 'both runs fatal');
  await page.getByTestId(`batch-rerun-${batch}`).click();
  // Re-queued (not fatal for a moment), then fatal again.
  await until(async () => {
    const o = await go('Overview');
    return runs.every((x) => { const r = o.runs.find((y) => y.id === x.id); return r.status === 'fatal' && r.startedAt > first[x.id]; });
  }, 60_000, 'the re-run to end fatal again');
});

test('a model changed on disk is marked, re-imported and re-run in one click', async () => {
  const dir = freshDir('epsm-user-files-');
  const model = join(dir, 'my house.idf');
  copyFileSync(join(shared, 'testdata/epsm/test.idf'), model);
  writeFileSync(model, readFileSync(model, 'utf8') + '\n! my first version\n');
  const rep = await go('ImportFiles', [model]);
  const m = rep.models[0];
  const chicago = (await go('Files')).weather.find((w) => /Chicago/.test(w.name));
  const [run] = await go('StartRuns', { modelIds: [m.id], weatherIds: [chicago.id], forceAnnual: false, force: false, name: '' });
  await page.reload();
  await page.waitForFunction((id) => document.querySelector(`[data-testid="run-row-${id}"]`)?.getAttribute('data-status') === 'succeeded', run.id, { timeout: 60_000 });

  writeFileSync(model, readFileSync(model, 'utf8') + '! edited by the user\n');
  await page.getByTestId(`model-changed-${m.id}`).waitFor({ timeout: 10_000 });
  await page.getByTestId(`run-stale-${run.id}`).waitFor();
  await shoot(page, '13-model-changed.png', page.getByTestId(`model-changed-${m.id}`));
  await page.getByTestId(`model-reimport-${m.id}`).click();
  await until(async () => {
    const o = await go('Overview');
    const r = o.runs.find((x) => x.modelName === 'my house.idf' && x.modelId !== m.id);
    return r && r.status === 'succeeded';
  }, 60_000, 'the re-imported model to run');
  assert.match(readFileSync(model, 'utf8'), /edited by the user\n$/, 'the user file is never written');
});
