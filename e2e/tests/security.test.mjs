// No remote content: on every screen, and with the report of a hostile model open (its
// building name is an <img> pointing at a remote server, which EnergyPlus copies unescaped into
// eplustbl.htm), the UI sends no request to any host but the app's own. Real backend, real
// EnergyPlus.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, freshDir, root, until } from '../lib/app.mjs';

let session, app, page, go;
const foreign = []; // requests that reached the network layer for another host
const blocked = []; // requests the Content-Security-Policy stopped in the page
const violations = [];
const REMOTE = 'https://remote.example/tracker.png';

before(async () => {
  session = await openSession({ open: false }); // requests are watched from the first one on
  ({ app, page, go } = session);
  const own = new URL(app.url).host;
  // Every request of the page and its frames that gets past the page's own checks (a route
  // sees only those), and every WebSocket: data: and blob: URLs stay inside the page; anything
  // else must go to the app's own host. A foreign one is recorded and aborted.
  const isForeign = (url) => {
    const u = new URL(url);
    return u.protocol !== 'data:' && u.protocol !== 'blob:' && u.host !== own;
  };
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (!isForeign(url)) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  page.on('websocket', (ws) => { if (isForeign(ws.url())) foreign.push(ws.url()); });
  page.on('requestfailed', (r) => { if (/BLOCKED_BY_CSP|csp/i.test(r.failure()?.errorText ?? '')) blocked.push(r.url()); });
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
});

after(async () => {
  await session?.close();
});

test('no screen requests anything from another host', async () => {
  await page.goto(app.url);
  await page.getByTestId('engine-version').waitFor();
  for (const screen of ['library', 'studies', 'runs']) {
    await page.getByTestId(`nav-${screen}`).click();
    await page.waitForLoadState('networkidle');
  }
  await page.getByTestId('settings-button').click();
  await page.getByTestId('settings-tab-lca').click();
  await page.getByTestId('settings-close').click();
  await page.getByTestId('engine-settings-button').click();
  await page.getByTestId('engine-settings-close').click();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(foreign, [], 'requests to other hosts');
  assert.deepEqual(violations, [], 'Content-Security-Policy violations');
});

test("a hostile model's HTML report shows, and its remote image is never requested", async () => {
  const dir = freshDir('epsm-hostile-');
  const model = join(dir, 'hostile.idf');
  const src = readFileSync(join(root, 'examples', '1ZoneUncontrolled.idf'), 'utf8');
  writeFileSync(model, src.replace('Simple One Zone (Wireframe DXF)', `<img src="${REMOTE}"> hostile building`));
  const rep = await go('ImportFiles', [model]);
  assert.equal(rep.errors?.length ?? 0, 0, JSON.stringify(rep.errors));
  const weather = (await go('Files')).weather[0];
  const [run] = await go('StartRuns', { modelIds: [rep.models[0].id], weatherId: weather.id, designDaysOnly: true });
  await page.reload();
  await page.waitForFunction((id) => document.querySelector(`[data-testid="run-row-${id}"]`)?.getAttribute('data-status') === 'succeeded', run.id, { timeout: 120_000 });
  await page.getByTestId(`report-button-${run.id}`).click();
  const frame = page.frameLocator('[data-testid="report-iframe"]');
  await frame.getByText('hostile building').first().waitFor();
  // The attack is really in the report: EnergyPlus wrote the <img> as markup...
  const img = frame.locator(`img[src="${REMOTE}"]`).first();
  await img.waitFor({ state: 'attached' });
  // ...and the report's own policy kept it from loading: the image is settled, broken, and
  // no request for it ever left.
  await until(() => img.evaluate((el) => el.complete), 10_000, 'the image to settle');
  assert.equal(await img.evaluate((el) => el.naturalWidth), 0, 'the remote image did not load');
  assert.deepEqual(foreign, [], 'requests to other hosts');
  assert.ok(blocked.includes(REMOTE), `the policy stopped the image (blocked: ${JSON.stringify(blocked)})`);
});
