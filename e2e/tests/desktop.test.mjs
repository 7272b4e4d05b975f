// The production binary (wails build) in a real X window under Xvfb: it opens, shows the
// bundled example, and a real file drop (a GTK drag source driven by xdotool) imports the
// dropped files through Wails's OnFileDrop into the store.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { shared, freshDir, root } from '../lib/app.mjs';
import { startDisplay, startDesktopApp, waitForWindow, geometry, screenshot, dragFiles } from '../lib/desktop.mjs';
import { outDir, keep } from '../lib/shots.mjs';
import { openPorts, processTree } from '../lib/sockets.mjs';
import net from 'node:net';

let display, app;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

before(async () => {
  display = await startDisplay();
});

after(() => {
  app?.stop();
  display?.stop();
});

function storedModels(dataDir) {
  const db = join(dataDir, 'epsm.db');
  if (!existsSync(db)) return [];
  const out = execFileSync('sqlite3', ['-readonly', db, 'SELECT name FROM models ORDER BY id'], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean);
}

function imageSpread(file) {
  return Number(execFileSync('convert', [file, '-colorspace', 'Gray', '-format', '%[fx:standard_deviation]', 'info:'], { encoding: 'utf8' }));
}

test('the production window opens with the example and imports a real file drop', async () => {
  assert.ok(existsSync(join(root, 'build', 'bin', 'epsm')), 'build/bin/epsm exists (make build)');
  app = startDesktopApp(display.display);
  const id = await waitForWindow(display.display, 'EPSM Desktop');
  // The example is imported on first start.
  for (let i = 0; i < 50 && storedModels(app.dataDir).length === 0; i++) await sleep(200);
  assert.deepEqual(storedModels(app.dataDir), ['1ZoneUncontrolled.idf']);
  await sleep(2500); // let the webview paint
  mkdirSync(outDir, { recursive: true });
  const first = join(outDir, '07-desktop-window.png');
  screenshot(display.display, first);
  keep('07-desktop-window.png');
  assert.ok(imageSpread(first) > 0.05, 'the window shows something, not a blank screen');
  // The production build opens no network port: neither the app nor any process it started
  // (WebKit's web and network processes) listens on TCP or holds a bound UDP port.
  const tree = processTree(app.proc.pid);
  assert.ok(tree.length > 1, `the app's process tree includes WebKit's helpers: ${tree}`);
  assert.deepEqual(openPorts(app.proc.pid), [], 'the production app opened a network port');

  // A user's file with spaces, brackets and '#' in its name and folder.
  const folder = join(freshDir('epsm-drop-'), 'my models (2026)');
  mkdirSync(folder, { recursive: true });
  const model = join(folder, 'block #3 (v2).idf');
  copyFileSync(join(shared, 'testdata', 'epsm', 'test.idf'), model);
  const g = geometry(display.display, id);
  await dragFiles(display.display, [model], g.x + Math.round(g.w / 2), g.y + Math.round(g.h / 2));
  for (let i = 0; i < 50 && storedModels(app.dataDir).length < 2; i++) await sleep(200);
  assert.deepEqual(storedModels(app.dataDir), ['1ZoneUncontrolled.idf', 'block #3 (v2).idf'], app.log.join(''));
  await sleep(1000);
  const after = join(outDir, '08-desktop-after-drop.png');
  screenshot(display.display, after);
  keep('08-desktop-after-drop.png');
  assert.deepEqual(openPorts(app.proc.pid), [], 'the production app opened a network port after the drop');
});

test('the port check sees a listening socket (it would catch one in the app)', async () => {
  const srv = net.createServer();
  await new Promise((res) => srv.listen(0, '127.0.0.1', res));
  try {
    const { port } = srv.address();
    assert.ok(openPorts(process.pid).some((p) => p.proto === 'tcp' && p.port === port), `port ${port} not seen`);
  } finally {
    srv.close();
  }
});
