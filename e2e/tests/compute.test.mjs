// Settings > Compute in a real browser against the real backend, a real one-node Slurm and a
// real sshd on 127.0.0.1 (internal/slurmtest/testcluster): a target is added in the form,
// "Check connection" passes every step with a 1-task test job running EnergyPlus on the node,
// a wrong partition fails at its step, the Run button sends the example to the cluster and it
// comes back with the figures the same run gives on this computer, and the target is removed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openSession, openRunForm, root, freshDir, until, openStudyBuilder } from '../lib/app.mjs';
import { shoot } from '../lib/shots.mjs';

let cluster, ready, session, page, go, worker, localRunId;

// startCluster runs the Go helper and waits for its one JSON line.
async function startCluster() {
  const proc = spawn('go', ['run', './internal/slurmtest/testcluster'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  const log = [];
  proc.stderr.on('data', (d) => log.push(d.toString()));
  const line = await new Promise((res, rej) => {
    createInterface({ input: proc.stdout }).once('line', res);
    proc.once('exit', (code) => rej(new Error(`testcluster exited with ${code}\n${log.join('')}`)));
  });
  return { proc, ready: JSON.parse(line), log,
    stop: () => new Promise((res) => { proc.once('exit', res); proc.stdin.end(); }) };
}

before(async () => {
  cluster = await startCluster();
  ready = cluster.ready;
  // The dev app links GTK, so it cannot be the worker on a node: it sends the headless epsm.
  worker = join(freshDir('epsm-e2e-worker-'), 'epsm');
  execFileSync('go', ['build', '-o', worker, '.'], { cwd: root, stdio: 'inherit' });
  session = await openSession({ env: { HOME: ready.home, SSH_AUTH_SOCK: '', EPSM_WORKER: worker } });
  ({ page, go } = session);
});

after(async () => {
  await session?.close();
  await cluster?.stop();
});

const step = (name, s) => page.locator(`[data-testid="target-${name}-steps"] [data-step="${s}"]`);

test('a target added in Settings > Compute passes Check connection, with EnergyPlus run on a node', async () => {
  await page.getByTestId('settings-button').click();
  await page.getByTestId('settings-tab-compute').click();
  await page.getByTestId('compute-empty').waitFor();
  await page.getByTestId('compute-add').click();
  await page.getByTestId('target-name').fill('testcluster');
  await page.getByTestId('target-host').fill(ready.alias);
  await page.getByTestId('target-workDir').fill(ready.workDir);
  await page.getByTestId('target-partition').fill(ready.partition);
  await page.getByTestId('target-time').fill('30');
  await page.getByTestId('target-engine').fill(process.env.ENERGYPLUS_EXE);
  await page.getByTestId('target-prelude').fill(`export SLURM_CONF=${ready.slurmConf}`);
  // The URL the CLI takes, made by Go as the form is typed.
  await page.waitForFunction(() => document.querySelector('[data-testid="target-url"] code')?.textContent.startsWith('slurm+ssh://cluster/'));
  await page.getByTestId('target-save').click();
  await page.getByTestId('target-testcluster').waitFor();
  assert.equal(await page.getByTestId('target-testcluster-summary').textContent(), 'not checked yet');

  await page.getByTestId('target-testcluster-check').click();
  // Each step is shown as it runs, pushed as compute:check.
  await page.getByTestId('target-testcluster-cancel').waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="target-testcluster-steps"] [data-step]')].every((e) => e.getAttribute('data-state') === 'ok'), null, { timeout: 180_000 });
  assert.match(await step('testcluster', 'connect').textContent(), /connected to cluster/);
  assert.match(await step('testcluster', 'slurm').textContent(), /slurm(-wlm)? \d+\.\d+.*partition debug: up/);
  assert.match(await step('testcluster', 'workdir').textContent(), /writable, [\d.]+ [GM]B free/);
  assert.match(await step('testcluster', 'engine').textContent(), /EnergyPlus 25\.2\.0 .* on node /);
  await page.waitForFunction(() => document.querySelector('[data-testid="target-testcluster"]')?.getAttribute('data-check') === 'ok');
  await shoot(page, '40-settings-compute.png', page.getByTestId('compute-settings'));
  // The check is kept with the target.
  const [saved] = await go('Targets');
  assert.equal(saved.checkOk, true);
  assert.equal(saved.check.length, 4);
});

test('a partition Slurm does not know fails at its step and says so', async () => {
  await page.getByTestId('target-testcluster-edit').click();
  await page.getByTestId('target-partition').fill('nosuch');
  await page.getByTestId('target-save').click();
  await page.getByTestId('target-testcluster-check').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="target-testcluster"]')?.getAttribute('data-check') === 'failed', null, { timeout: 60_000 });
  assert.equal(await step('testcluster', 'slurm').getAttribute('data-state'), 'failed');
  assert.match(await step('testcluster', 'slurm').textContent(), /does not know the partition "nosuch"/);
  assert.equal(await step('testcluster', 'engine').getAttribute('data-state'), 'skipped');
  // Back to the working partition.
  await page.getByTestId('target-testcluster-edit').click();
  await page.getByTestId('target-partition').fill(ready.partition);
  await page.getByTestId('target-save').click();
  await page.getByTestId('target-testcluster-check').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="target-testcluster"]')?.getAttribute('data-check') === 'ok', null, { timeout: 180_000 });
  await page.getByTestId('settings-close').click();
});

test('the Run button sends the example to the target, and it comes back with the figures of this computer', async () => {
  const files = await go('Files');
  const model = files.models[0];
  await page.getByTestId(`model-checkbox-${model.id}`).check();
  await page.getByTestId(`weather-checkbox-${files.weather[0].id}`).check();
  await page.getByTestId('run-target').selectOption('testcluster');
  await page.getByTestId('run-button').click();
  const remote = await until(async () => {
    const o = await go('Overview');
    return o.runs.length === 1 ? o.runs[0] : null;
  }, 30_000, 'the run sent to the cluster');
  await page.waitForFunction((id) => document.querySelector(`[data-testid="run-row-${id}"]`)?.getAttribute('data-status') === 'succeeded', remote.id, { timeout: 180_000 });
  const there = await go('RunDetails', remote.id);

  // The same run here: re-run even if cached, on this computer.
  await openRunForm(page);
  await page.getByTestId('run-target').selectOption('');
  await page.getByTestId('force-rerun').check();
  await page.getByTestId('run-button').click();
  const local = await until(async () => {
    const o = await go('Overview');
    return o.runs.find((r) => r.id !== remote.id) ?? null;
  }, 30_000, 'the local run');
  await page.waitForFunction((id) => document.querySelector(`[data-testid="run-row-${id}"]`)?.getAttribute('data-status') === 'succeeded', local.id, { timeout: 180_000 });
  const here = await go('RunDetails', local.id);
  localRunId = local.id;
  assert.ok(there.results && here.results, 'both runs have results');
  const same4 = (a, b) => Math.abs(a - b) <= 0.5e-3 * Math.abs(b);
  assert.ok(same4(there.results.totalSiteKWh, here.results.totalSiteKWh), `on Slurm ${there.results.totalSiteKWh} kWh, here ${here.results.totalSiteKWh} kWh`);
});

test('a study sent to the target from the builder survives closing the app: reopened, every result is in the explorer', async () => {
  // One task at a time, so that the app is closed while the array runs.
  const [saved] = await go('Targets');
  await go('SaveTarget', '', 'one-at-a-time', { ...saved.form, maxParallel: 1 });
  const files = await go('Files');
  await page.reload();
  await page.getByTestId('nav-studies').click();
  await page.getByTestId('studies-screen').waitFor();
  await openStudyBuilder(page);
  await page.getByTestId('study-model').selectOption(String(files.models[0].id));
  await page.getByTestId(`study-weather-${files.weather[0].id}`).check();
  for (const [el, ids] of [['wall', ['wall_concrete_etics_sw100', 'wall_brick_etics_eps100']], ['roof', ['flat_roof_concrete_pir120']]]) {
    await page.getByTestId(`study-option-${el}-keep`).check();
    for (const id of ids) await page.getByTestId(`study-option-${el}-${id}`).check();
  }
  await page.getByTestId('study-mode-factorial').click();
  await page.getByTestId('study-name').fill('on the cluster');
  await until(async () => (await page.getByTestId('study-estimate').getAttribute('data-state')) === 'ok', 15_000, 'the estimate');
  await page.getByTestId('study-target').selectOption('one-at-a-time');
  await page.getByTestId('study-create').click();
  const study = await until(async () => (await go('Studies')).find((s) => s.name === 'on the cluster'), 30_000, 'the study');
  // Close the app once the first run is back and the others are still on the cluster.
  await until(async () => (await go('StudyTable', study.id)).finished >= 1, 120_000, 'a first run back');
  const partway = (await go('StudyTable', study.id)).finished;
  assert.ok(partway < 6, `all ${partway} runs were back before the app was closed`);
  const dataDir = session.app.dataDir;
  await session.close();

  session = await openSession({ env: { HOME: ready.home, SSH_AUTH_SOCK: '', EPSM_WORKER: worker }, dataDir });
  ({ page, go } = session);
  const table = await until(async () => {
    const t = await go('StudyTable', study.id);
    return t.finished === 6 ? t : null;
  }, 180_000, 'every run of the study back after the restart');
  for (const r of table.rows) assert.ok(r.results?.totalSiteKWh > 0, `${r.name}: ${r.status} ${r.message}`);
  await page.getByTestId('nav-studies').click();
  await page.getByTestId(`study-${study.id}`).click();
  await page.getByTestId('study-table').waitFor();
  await until(async () => (await page.locator('[data-testid^="study-row-"]').count()) === 6, 30_000, '6 rows in the explorer');
  await go('RemoveTarget', 'one-at-a-time');
});

test('Settings > Storage frees a batch: its outputs go, its results and hourly data stay', async () => {
  const before = await go('RunDetails', localRunId);
  const local = before.run;
  await page.getByTestId('settings-button').click();
  await page.getByTestId('settings-tab-storage').click();
  const row = page.getByTestId(`storage-batch-${local.batchId}`);
  await row.waitFor();
  assert.ok(Number(await row.getAttribute('data-bytes')) > 0, 'the batch takes room');
  // Each run keeps only its err file, report and run copy already: with reports kept there is
  // nothing more to free; without, the report and run copy go too.
  await page.getByTestId('storage-keep-reports').uncheck();
  await page.getByTestId(`storage-free-batch-${local.batchId}`).click();
  await page.getByRole('button', { name: 'Yes, free' }).click();
  await page.waitForFunction(() => /^Freed .* from 1 run of batch/.test(document.querySelector('[data-testid="storage-done"]')?.textContent ?? ''));
  await shoot(page, '41-settings-storage.png', page.getByTestId('storage-settings'));
  const after = await go('RunDetails', local.id);
  assert.equal(after.run.outputs, 'none');
  assert.equal(after.results.totalSiteKWh, before.results.totalSiteKWh, 'the results stay');
  const meters = await go('RunMeters', local.id);
  assert.ok(meters.meters.length > 0, 'the hourly chart stays: ' + JSON.stringify(meters));
  await page.getByTestId('settings-close').click();
});

test('a removed target leaves the Run button with this computer only', async () => {
  await page.getByTestId('nav-runs').click();
  await openRunForm(page); // folded into "New run…" once runs exist
  await page.getByTestId('run-target-manage').click();
  await page.getByTestId('target-testcluster-remove').click();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await page.getByTestId('compute-empty').waitFor();
  await page.getByTestId('settings-close').click();
  const options = await page.getByTestId('run-target').locator('option').allTextContents();
  assert.deepEqual(options, ['This computer']);
});
