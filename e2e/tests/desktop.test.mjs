// The production binary (wails build) in a real X window under Xvfb: it opens, shows the
// bundled example, and a real file drop (a GTK drag source driven by xdotool) imports the
// dropped files through Wails's OnFileDrop into the store.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { shared, freshDir, root, until } from '../lib/app.mjs';
import { startDisplay, startDesktopApp, waitForWindow, geometry, stillScreenshot, dragFiles } from '../lib/desktop.mjs';
import { outDir, keep } from '../lib/shots.mjs';
import { openPorts, processTree } from '../lib/sockets.mjs';
import net from 'node:net';

let display, app;

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

test('the production window opens with the example and imports a real file drop', async () => {
  assert.ok(existsSync(join(root, 'build', 'bin', 'epsm')), 'build/bin/epsm exists (make build)');
  app = startDesktopApp(display.display);
  const id = await waitForWindow(display.display, 'EPSM Desktop');
  // The example is imported on first start.
  await until(() => storedModels(app.dataDir).length > 0, 10_000, 'the example in the store');
  assert.deepEqual(storedModels(app.dataDir), ['1ZoneUncontrolled.idf']);
  // The window has painted when the screen shows something (not a blank screen) and stays still.
  mkdirSync(outDir, { recursive: true });
  const first = join(outDir, '07-desktop-window.png');
  const painted = await stillScreenshot(display.display, first);
  keep('07-desktop-window.png');
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
  await until(() => storedModels(app.dataDir).length >= 2, 10_000, 'the dropped model in the store').catch(() => {});
  assert.deepEqual(storedModels(app.dataDir), ['1ZoneUncontrolled.idf', 'block #3 (v2).idf'], app.log.join(''));
  // The window shows the import: a still picture that is not the one before the drop.
  const after = join(outDir, '08-desktop-after-drop.png');
  await stillScreenshot(display.display, after, { unlike: painted });
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
