// Starts EPSM for end-to-end tests: the dev-tagged binary (real Go backend, the built frontend,
// live bindings and events) under Xvfb, serving the UI to a browser at its -devserver address.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { chromium } from 'playwright-core';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const shared = resolve(root, '..', 'shared');

export function freshDir(prefix) {
  return mkdtempSync(join(tmpdir(), prefix));
}

async function freePort() {
  return new Promise((res, rej) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
    srv.on('error', rej);
  });
}

async function waitForHTTP(url, timeoutMs, proc) {
  await until(async () => {
    if (proc.exitCode !== null) throw new Error(`app exited with ${proc.exitCode} before serving ${url}`);
    try {
      return (await fetch(url)).ok;
    } catch {
      return false; // not up yet
    }
  }, timeoutMs, `the app to serve ${url}`);
}

// startApp starts the dev binary with its own data folder (or the one given, to test restarts);
// env adds variables (EPSM_E2E_SAVE_DIR: the dev build's save dialogs answer with that folder).
export async function startApp({ dataDir = freshDir('epsm-e2e-data-'), binary = join(root, '.cache', 'epsm-dev'), env: extra = {} } = {}) {
  const port = await freePort();
  const home = freshDir('epsm-e2e-home-');
  mkdirSync(join(home, 'config'), { recursive: true });
  const env = {
    ...process.env,
    EPSM_DATA_DIR: dataDir,
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_CACHE_HOME: join(home, 'cache'),
    ...extra,
  };
  const log = [];
  const proc = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x900x24', binary, '-devserver', `127.0.0.1:${port}`, '-loglevel', 'Warning'], {
    env, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout.on('data', (d) => log.push(d.toString()));
  proc.stderr.on('data', (d) => log.push(d.toString()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHTTP(url, 60_000, proc);
  } catch (e) {
    try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ }
    throw new Error(`${e.message}\n--- app output ---\n${log.join('')}`);
  }
  return {
    url, dataDir, log,
    async stop() {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      try { process.kill(-proc.pid, 'SIGTERM'); } catch { /* gone */ }
      const timer = setTimeout(() => { try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

// launchBrowser starts Debian's Chromium with the flags this closed network needs, and the
// test's own (args).
export async function launchBrowser({ args = [] } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', ...args],
  });
}

// until polls fn (in Node) until it returns a truthy value, and returns it: the one place that
// waits between tries; everything else waits on a condition through it or on an event.
export async function until(fn, timeoutMs = 60_000, what = 'condition') {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// bindings returns go(method, ...args): it calls a bound Go method from the page, as the UI
// does. Each domain is its own bound service (window.go.runsvc.Service, .importsvc.Service,
// ..., window.go.desktop.Shell); a method is found by its name, which must name exactly one.
export function bindings(page) {
  return (fn, ...args) => page.evaluate(([f, a]) => {
    const owners = Object.entries(window.go ?? {}).flatMap(([pkg, services]) =>
      Object.entries(services).filter(([, s]) => typeof s[f] === 'function').map(([name, s]) => ({ where: `${pkg}.${name}`, s })));
    if (owners.length !== 1) throw new Error(`${owners.length ? 'several' : 'no'} bound services have ${f}: ${owners.map((o) => o.where).join(', ')}`);
    return owners[0].s[f](...a);
  }, [fn, args]);
}

// nextPaint resolves once the page has drawn what it has now (two animation frames): layout
// read after it is the one on screen.
export function nextPaint(page) {
  return page.evaluate(() => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(() => res()))));
}

// openSession starts the dev app (on dataDir when given: a restart) and a Chromium page on it,
// opened at the app with the engine shown (unless open is false: a test that times the first
// start opens it itself). go calls a
// bound Go method from the page, as the UI does. browserArgs go to Chromium.
export async function openSession({ env, open = true, browserArgs = [], dataDir } = {}) {
  const app = await startApp({ env, ...(dataDir ? { dataDir } : {}) });
  const browser = await launchBrowser({ args: browserArgs });
  const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
  page.setDefaultTimeout(30_000);
  if (open) {
    await page.goto(app.url);
    await page.getByTestId('engine-version').waitFor();
  }
  const go = bindings(page);
  return {
    app, browser, page, go,
    async close() {
      await browser.close();
      await app.stop();
    },
  };
}

// openRun selects a run in the run table (a click on its row's button, as a user does) and
// opens one of its detail pane's tabs: results, hourly, errors or report.
export async function openRun(page, id, tab = 'results') {
  const row = page.getByTestId(`run-row-${id}`);
  await row.getByRole('button', { name: new RegExp(`^Show run ${id}:`) }).click();
  await page.waitForFunction((id) => document.querySelector('[data-testid="run-detail"]')?.getAttribute('data-run-id') === String(id), id);
  await page.getByTestId(`tab-${tab}`).click();
}

// openRunForm unfolds the New run form, which folds into a button once runs exist.
export async function openRunForm(page) {
  const open = page.getByTestId('new-run-open');
  if (await open.isVisible()) await open.click();
  await page.getByTestId('run-form').waitFor();
}

// openStudyBuilder unfolds the study builder, which folds into "New study…" once a study exists.
// It waits until the studies have loaded (the builder then says whether it is open).
export async function openStudyBuilder(page) {
  const builder = page.locator('[data-testid="study-builder"][data-open]');
  await builder.waitFor();
  if ((await builder.getAttribute('data-open')) === 'false') await page.getByTestId('study-builder-toggle').click();
  await page.getByTestId('study-model').waitFor();
}
