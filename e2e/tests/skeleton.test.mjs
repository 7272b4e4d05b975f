// The walking skeleton, end to end in a real browser against the real Go backend and the real
// EnergyPlus: first start with the bundled example, import, parallel runs with live progress,
// results that match the engine's own report, err viewer, HTML report, and a restart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApp, launchBrowser, bindings, freshDir, openRun, root, shared, until } from '../lib/app.mjs';
import { shoot } from '../lib/shots.mjs';

let app, browser, page;
const cspViolations = [];

before(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
  page.setDefaultTimeout(30_000);
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text()); });
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

const go = (...a) => bindings(page)(...a);

test('first start shows the bundled example, ready to run', async () => {
  await page.goto(app.url);
  const models = page.locator('[data-testid^="model-card-"]:not([data-testid^="model-card-checkbox-"])');
  await models.first().waitFor();
  assert.equal(await models.count(), 1);
  assert.match(await models.first().innerText(), /1ZoneUncontrolled\.idf/);
  const card = await models.first().innerText();
  assert.match(card, /25\.2/);
  const weather = page.locator('[data-testid^="weather-card-"]:not([data-testid^="weather-card-checkbox-"])');
  assert.equal(await weather.count(), 1);
  assert.match(await weather.first().innerText(), /Golden/);
  assert.match(await weather.first().innerText(), /39\.74/);
  assert.match(await page.getByTestId('engine-version').innerText(), /25\.2/);
  await shoot(page, '01-first-start.png');
});

test('imported model and example run in parallel with live progress, results match eplustbl.htm', async () => {
  // The same call the window's file drop makes on the Go side.
  const rep = await go('ImportFiles', [join(shared, 'testdata/epsm/test.idf'), join(shared, 'testdata/energyplus/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw')]);
  assert.equal(rep.errors?.length ?? 0, 0, JSON.stringify(rep.errors));
  await page.reload();
  await page.locator('[data-testid^="model-card-"]:not([data-testid^="model-card-checkbox-"])').nth(1).waitFor();
  for (const m of rep.models) await page.getByTestId(`model-checkbox-${m.id}`).check();
  const example = (await go('Files')).models.find((m) => m.name === '1ZoneUncontrolled.idf');
  await page.getByTestId(`model-checkbox-${example.id}`).check();
  // Chicago weather for both: the slower 4-zone model gives time to see progress.
  await page.getByTestId('weather-none').click();
  await page.getByTestId(`weather-checkbox-${rep.weather[0].id}`).check();
  assert.equal(await page.getByTestId('run-count').getAttribute('data-runs'), '2');
  await page.getByTestId('run-button').click();

  // The toast saying the runs started sits in a strip of its own: it covers neither the Runs
  // heading nor the run table nor the detail pane; and with runs there, the form folds into a button.
  const toast = page.getByTestId('toast').first();
  await toast.waitFor();
  const overlaps = (a, b) => a && b && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const tb = await toast.boundingBox();
  for (const id of ['runs-heading', 'run-list', 'detail-pane']) {
    const box = id === 'runs-heading' ? await page.locator('#runs-heading').boundingBox() : await page.getByTestId(id).boundingBox();
    assert.ok(box, `${id} is on screen`);
    assert.ok(!overlaps(tb, box), `the toast (${JSON.stringify(tb)}) covers ${id} (${JSON.stringify(box)})`);
  }
  const rows = page.locator('[data-testid^="run-row-"]');
  await rows.nth(1).waitFor();
  assert.equal(await rows.count(), 2);
  // Live progress: some bar strictly between 0 and 100 while a run goes on.
  const seen = await page.waitForFunction(() => {
    const bars = [...document.querySelectorAll('[role="progressbar"]')];
    return bars.some((b) => { const v = +b.getAttribute('aria-valuenow'); return v > 0 && v < 100; });
  }, null, { polling: 50, timeout: 60_000 });
  assert.ok(seen);
  await shoot(page, '02-running.png');
  await page.getByTestId('new-run-open').waitFor();
  assert.equal(await page.getByTestId('run-form').count(), 0, 'the form folded into the New run button');
  // A success toast goes by itself (after the progress check: the runs may be over by then).
  await toast.waitFor({ state: 'detached', timeout: 15_000 });

  await page.waitForFunction(() => {
    const chips = [...document.querySelectorAll('[data-testid^="run-row-"]')].map((r) => r.getAttribute('data-status'));
    return chips.length === 2 && chips.every((s) => s === 'succeeded');
  }, null, { timeout: 120_000 });

  const runs = (await go('Overview')).runs;
  for (const r of runs) {
    assert.equal(r.status, 'succeeded');
    assert.equal(r.progress.percent, 100);
  }
  const big = runs.find((r) => r.modelName === 'test.idf');
  const details = await go('RunDetails', big.id);
  // The number the user sees equals the engine's own HTML report (4 significant figures).
  const html = await (await fetch(`${app.url}/runfiles/${big.id}/eplustbl.htm`)).text();
  const m = html.match(/Total Site Energy<\/td>\s*<td[^>]*>\s*([-0-9.]+)<\/td>/);
  assert.ok(m, 'eplustbl.htm has Total Site Energy');
  assert.equal(Number(details.results.totalSiteKWh.toPrecision(4)), Number(Number(m[1]).toPrecision(4)));

  await openRun(page, big.id);
  const panel = page.getByTestId('results-panel');
  await panel.waitFor();
  // The panel may still show the run selected before; wait for this run's figure.
  const shownKWh = async () => {
    const siteText = await page.getByTestId('kpi-total-site').innerText();
    const shown = Number((await page.getByTestId('kpi-total-site-value').innerText()).replace(/[^0-9.]/g, ''));
    const unit = /GWh/.test(siteText) ? 1e6 : /MWh/.test(siteText) ? 1000 : 1;
    return shown * unit;
  };
  const near = (kwh) => Math.abs(kwh - details.results.totalSiteKWh) / details.results.totalSiteKWh < 0.005;
  await until(async () => near(await shownKWh()), 10_000, `the KPI to show ${details.results.totalSiteKWh} kWh`)
    .catch(async (e) => assert.fail(`${e.message}: it shows ${await shownKWh()} kWh`));
  assert.match(await page.getByTestId('kpi-eui-value').innerText(), new RegExp(details.results.euiKWhPerM2.toFixed(0)));
  await page.getByTestId('end-use-chart').locator('svg, canvas').first().waitFor();
  await shoot(page, '03-results.png', page.getByTestId('end-use-chart'));
});

test('err viewer and HTML report open inside the app', async () => {
  const runs = (await go('Overview')).runs;
  const big = runs.find((r) => r.modelName === 'test.idf');
  await openRun(page, big.id, 'errors');
  const errText = page.getByTestId('err-text');
  await errText.waitFor();
  assert.match(await errText.innerText(), /EnergyPlus Completed Successfully/);
  assert.ok(await errText.locator('[data-kind="warning"]').count() > 0, 'warnings are highlighted');
  await shoot(page, '04-err-viewer.png', page.getByTestId('err-viewer'));

  await page.getByTestId('tab-report').click();
  const frame = page.frameLocator('[data-testid="report-iframe"]');
  await frame.getByText('Site and Source Energy').first().waitFor();
  await shoot(page, '05-html-report.png', page.getByTestId('report-iframe'));
});

test('a model of another version fails with one version chip and the advice as its headline', async () => {
  // A 9.4 example that no longer validates on the 25.2 engine.
  const rep = await go('ImportFiles', [join(shared, 'testdata/energyplus/1ZoneUncontrolled.idf')]);
  const weather = (await go('Files')).weather.find((w) => /Golden/.test(w.name));
  const [run] = await go('StartRuns', { modelIds: [rep.models[0].id], weatherId: weather.id, forceAnnual: false });
  await page.reload();
  const row = page.getByTestId(`run-row-${run.id}`);
  await page.waitForFunction((id) => document.querySelector(`[data-testid="run-row-${id}"]`)?.getAttribute('data-status') === 'fatal', run.id, { timeout: 60_000 });
  const stored = (await go('RunDetails', run.id)).run;
  assert.equal(stored.kind, 'version-mismatch');
  const chip = page.getByTestId(`run-version-${run.id}`);
  assert.match(await chip.innerText(), /^9\.4 ≠ 25\.2$/);
  assert.match(await chip.getAttribute('title'), /^Version 9\.4 ≠ engine 25\.2: /);
  assert.equal(await chip.getAttribute('data-kind'), 'mismatch');
  // The row leads with one headline: the versions and what to do.
  const headline = page.getByTestId(`run-headline-${run.id}`);
  assert.match(await headline.getAttribute('title'), /written for EnergyPlus 9\.4 but ran on EnergyPlus 25\.2.*transition it to 25\.2/);
  assert.match(await headline.innerText(), /^Version mismatch: /);
  // So does the detail pane, with the first severe error on demand.
  await openRun(page, run.id, 'results');
  assert.match(await page.getByTestId('run-message-detail').innerText(), /^Version mismatch: The model is written for EnergyPlus 9\.4 but ran on EnergyPlus 25\.2/);
  assert.match(await page.getByTestId('run-details-detail').innerText(), /vertex_z_coordinate/);
  await shoot(page, '06-fatal-run.png', row);
});

test("a model with an error leads with its first severe error, not EnergyPlus's generic fatal line", async () => {
  // The bundled 25.2 example with walls of a construction it does not define.
  const dir = freshDir('epsm-broken-');
  const idf = readFileSync(join(root, 'examples', '1ZoneUncontrolled.idf'), 'utf8').replace(/R13WALL,(\s+!- Construction Name)/g, 'NO SUCH WALL,$1');
  writeFileSync(join(dir, 'broken walls.idf'), idf);
  const rep = await go('ImportFiles', [join(dir, 'broken walls.idf')]);
  assert.equal(rep.errors?.length ?? 0, 0, JSON.stringify(rep.errors));
  const weather = (await go('Files')).weather.find((w) => /Golden/.test(w.name));
  const [run] = await go('StartRuns', { modelIds: [rep.models[0].id], weatherId: weather.id, forceAnnual: false });
  await page.waitForFunction((id) => document.querySelector(`[data-testid="run-row-${id}"]`)?.getAttribute('data-status') === 'fatal', run.id, { timeout: 60_000 });
  const stored = (await go('RunDetails', run.id)).run;
  assert.match(stored.firstSevere, /NO SUCH WALL/i, 'EnergyPlus named the construction in its first severe error');
  const headline = page.getByTestId(`run-headline-${run.id}`);
  assert.equal(await headline.getAttribute('title'), stored.firstSevere);
  assert.doesNotMatch(await headline.innerText(), /Errors occurred on processing input file/);
  await openRun(page, run.id, 'results');
  assert.equal(await page.getByTestId('run-message-detail').innerText(), stored.firstSevere);
  // Its batch groups the failure under the same headline.
  const group = page.getByTestId(`batch-error-headline-${run.batchId}-0`);
  await group.waitFor();
  assert.ok((await group.innerText()).startsWith(`1 run: ${stored.firstSevere.slice(0, 30)}`), await group.innerText());
  await shoot(page, '06b-severe-headline.png', page.getByTestId('run-list'));
});

test('the webview runs under a strict Content-Security-Policy that the app itself never trips', async () => {
  // An injected inline script must not run (the tests' own evaluate is privileged, so probe
  // with a script element as an attacker's markup would).
  // The policy reports the refusal as a securitypolicyviolation event: wait for it, then check
  // that the script did not run.
  const inlineBlocked = await page.evaluate(() => new Promise((res) => {
    window.__cspProbe = false;
    document.addEventListener('securitypolicyviolation', (e) => res(e.effectiveDirective.startsWith('script-src') && window.__cspProbe === false), { once: true });
    const s = document.createElement('script');
    s.textContent = 'window.__cspProbe = true';
    document.body.appendChild(s);
  }));
  assert.ok(inlineBlocked, 'inline scripts are refused');
  const remoteBlocked = await page.evaluate(() => new Promise((res) => {
    const img = new Image();
    img.onload = () => res(false);
    img.onerror = () => res(true);
    img.src = 'https://example.com/x.png';
  }));
  assert.ok(remoteBlocked, 'no remote content loads');
  assert.deepEqual(cspViolations.filter((v) => !/inline script|example\.com/i.test(v)), [], 'the app itself causes no CSP violation');
});

test('results are still there after the app restarts', async () => {
  const before = (await go('Overview')).runs.filter((r) => r.hasResults).map((r) => r.id).sort();
  await app.stop();
  app = await startApp({ dataDir: app.dataDir });
  await page.goto(app.url);
  await page.locator('[data-testid^="run-row-"]').first().waitFor();
  const after = (await go('Overview')).runs.filter((r) => r.hasResults).map((r) => r.id).sort();
  assert.deepEqual(after, before);
  assert.equal(before.length, 2);
  await openRun(page, before[0]);
  await page.getByTestId('kpi-total-site-value').waitFor();
});
