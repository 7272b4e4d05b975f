// No remote content: on every screen, and with the report of a hostile model open (its
// building name is an <img> and a <script> pointing at a remote server, which EnergyPlus copies
// unescaped into eplustbl.htm), the UI sends no request to any host but the app's own. Real
// backend, real EnergyPlus.
//
// The report's policy is checked as the Linux build has it: Wails's Linux webview drops
// response headers, so there only the <meta> policy that the Go side writes into the document
// protects it. This dev build also sends the policy as a header; the test strips that header
// from every /runfiles/ response, so what is left is the meta tag alone. The "remote" server
// runs on 127.0.0.1 (another origin than the app's) and records what reaches it, and a control
// without the meta tag shows that its requests do arrive when nothing blocks them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, openRun, freshDir, root, until } from '../lib/app.mjs';
import { startRemote } from '../lib/remote.mjs';

let session, app, page, go, remote;
const foreign = []; // requests that reached the network layer for another host
const blocked = []; // requests the Content-Security-Policy stopped in the page
const violations = [];
const strippedHeaders = []; // the Content-Security-Policy headers taken off /runfiles/ responses
let stripMeta = false; // the control: take the meta policy out of the report as well
const META = /<meta http-equiv="Content-Security-Policy"[^>]*>/gi;

before(async () => {
  remote = await startRemote();
  // Requests are watched from the first one on. Chromium's Local Network Access checks are
  // off: a document the test's route fulfils has no address, so Chromium takes it for a public
  // page and refuses its requests to 127.0.0.1 (the "remote" server) by itself, which would
  // hide a policy that stopped working (the control below fails without this flag). The Linux
  // webview (WebKitGTK) has no such check: there the meta policy is all there is.
  session = await openSession({ open: false, browserArgs: ['--disable-features=LocalNetworkAccessChecks'] });
  ({ app, page, go } = session);
  const own = new URL(app.url).host;
  // Every request of the page and its frames that gets past the page's own checks (a route
  // sees only those), and every WebSocket: data: and blob: URLs stay inside the page; anything
  // else must go to the app's own host. A foreign one is recorded, and aborted unless it is for
  // the test's own "remote" server, which must receive it to prove it was sent.
  const isForeign = (url) => {
    const u = new URL(url);
    return u.protocol !== 'data:' && u.protocol !== 'blob:' && u.host !== own;
  };
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (isForeign(url.href)) {
      foreign.push(url.href);
      return url.host === remote.host ? route.continue() : route.abort();
    }
    if (!url.pathname.startsWith('/runfiles/')) return route.continue();
    // As on Linux: the response without its policy header (and, for the control, the
    // document without its meta policy).
    const response = await route.fetch();
    const headers = { ...response.headers() };
    if (headers['content-security-policy']) strippedHeaders.push(headers['content-security-policy']);
    delete headers['content-security-policy'];
    let body = await response.body();
    if (stripMeta) body = Buffer.from(body.toString('utf8').replace(META, ''));
    return route.fulfill({ response, headers, body });
  });
  page.on('websocket', (ws) => { if (isForeign(ws.url())) foreign.push(ws.url()); });
  page.on('requestfailed', (r) => { if (/BLOCKED_BY_CSP|csp/i.test(r.failure()?.errorText ?? '')) blocked.push(r.url()); });
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
});

after(async () => {
  await session?.close();
  await remote?.close();
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

test("a hostile model's HTML report shows, and its meta policy alone keeps its remote image and script from loading", async () => {
  const image = `${remote.origin}/tracker.png`;
  const script = `${remote.origin}/evil.js`;
  const dir = freshDir('epsm-hostile-');
  const model = join(dir, 'hostile.idf');
  const src = readFileSync(join(root, 'examples', '1ZoneUncontrolled.idf'), 'utf8');
  writeFileSync(model, src.replace('Simple One Zone (Wireframe DXF)', `<img src="${image}"><script src="${script}"></script> hostile building`));
  const rep = await go('ImportFiles', [model]);
  assert.equal(rep.errors?.length ?? 0, 0, JSON.stringify(rep.errors));
  const weather = (await go('Files')).weather[0];
  const [run] = await go('StartRuns', { modelIds: [rep.models[0].id], weatherId: weather.id, designDaysOnly: true });
  await page.reload();
  await page.waitForFunction((id) => document.querySelector(`[data-testid="run-row-${id}"]`)?.getAttribute('data-status') === 'succeeded', run.id, { timeout: 120_000 });

  // In the app: the report in its frame.
  await openRun(page, run.id, 'report');
  const frame = page.frameLocator('[data-testid="report-iframe"]');
  await frame.getByText('hostile building').first().waitFor();
  // The attack is really in the report: EnergyPlus wrote the <img> and <script> as markup...
  const img = frame.locator(`img[src="${image}"]`).first();
  await img.waitFor({ state: 'attached' });
  await frame.locator(`script[src="${script}"]`).first().waitFor({ state: 'attached' });
  // ...the dev server's policy header was taken off, as Linux's webview does...
  assert.ok(strippedHeaders.length > 0, 'the /runfiles/ response had a policy header to strip');
  // ...and the meta policy kept them from loading: once the report has loaded (every request
  // it makes is sent before its load event), the image is broken and nothing reached the
  // remote server.
  await page.frame({ url: /\/runfiles\// }).waitForLoadState('load');
  await until(() => img.evaluate((el) => el.complete), 10_000, 'the image to settle');
  assert.equal(await img.evaluate((el) => el.naturalWidth), 0, 'the remote image did not load');
  assert.deepEqual(remote.hits, [], 'requests that reached the remote server from the framed report');
  assert.deepEqual(foreign, [], 'requests to other hosts');
  assert.ok(blocked.includes(image), `the policy stopped the image (blocked: ${JSON.stringify(blocked)})`);

  // The frame's sandbox attribute also stops scripts, so the report is opened on its own as
  // well, where the meta policy is all there is between its <script> and the remote server.
  const report = `${app.url}/runfiles/${run.id}/eplustbl.htm`;
  await page.goto(report, { waitUntil: 'load' });
  await page.getByText('hostile building').first().waitFor();
  assert.deepEqual(remote.hits, [], 'requests that reached the remote server from the report on its own');
  assert.equal(await page.evaluate(() => window.__evilRan), undefined, 'the remote script ran');
  assert.ok(blocked.includes(script), `the policy stopped the script (blocked: ${JSON.stringify(blocked)})`);

  // Control: the same report without its meta policy does load both, so the server and the
  // checks above would see a policy that stopped working.
  stripMeta = true;
  await page.goto(report, { waitUntil: 'load' });
  await until(() => remote.hits.includes('/tracker.png') && remote.hits.includes('/evil.js'), 10_000, 'the control to reach the remote server');
  assert.equal(await page.evaluate(() => window.__evilRan), true, 'without the meta policy the remote script runs');
  assert.deepEqual(foreign.toSorted(), [image, script].toSorted(), 'the control asked the remote server, and no other host');
});
