// Opening files from outside the window, with the production binary under Xvfb: a model and a
// weather file named on the command line (what the file manager does on a double-click, through
// the desktop entry's `Exec=epsm %F`) are imported at start, and a second launch with a file
// hands it to the running window over D-Bus and ends, instead of opening a second window.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { shared, freshDir, root, until } from '../lib/app.mjs';
import { startDisplay, startDesktopApp, startSessionBus, waitForWindow, windowsNamed, stillScreenshot } from '../lib/desktop.mjs';
import { outDir, keep } from '../lib/shots.mjs';

let display, bus;
const apps = [];

before(async () => {
  display = await startDisplay();
  bus = await startSessionBus();
});

after(() => {
  for (const a of apps) a.stop();
  bus?.stop();
  display?.stop();
});

function stored(dataDir, table) {
  const db = join(dataDir, 'epsm.db');
  if (!existsSync(db)) return [];
  const out = execFileSync('sqlite3', ['-readonly', db, `SELECT name FROM ${table} ORDER BY id`], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean);
}

// A user's folder as a Swedish file manager shows it: spaces, letters outside ASCII, brackets, '#'.
function usersFolder() {
  const folder = join(freshDir('epsm-open-'), 'Väder Göteborg');
  mkdirSync(folder, { recursive: true });
  const model = join(folder, 'Modell ÅÄÖ (kopia) #2.idf');
  copyFileSync(join(root, 'examples', '1ZoneUncontrolled.idf'), model);
  const weather = join(folder, 'Göteborg väder.epw');
  copyFileSync(join(root, 'examples', 'USA_CO_Golden-NREL.724666_TMY3.epw'), weather);
  copyFileSync(join(shared, 'testdata', 'epsm', 'test.idf'), join(folder, 'andra modellen.idf'));
  return { folder, model, weather };
}

test('files on the command line are imported at start, and a second launch hands its file to the window', async () => {
  assert.ok(existsSync(join(root, 'build', 'bin', 'epsm')), 'build/bin/epsm exists (make build)');
  const { folder, model, weather } = usersFolder();
  const env = { DBUS_SESSION_BUS_ADDRESS: bus.address };
  const first = startDesktopApp(display.display, { args: [model, weather], env });
  apps.push(first);
  await waitForWindow(display.display, 'EPSM Desktop');
  // The files opened are what the store holds: not the bundled example, which a first start
  // without files imports.
  await until(() => stored(first.dataDir, 'models').length > 0 && stored(first.dataDir, 'weather').length > 0, 15_000, 'the opened files in the store');
  assert.deepEqual(stored(first.dataDir, 'models'), ['Modell ÅÄÖ (kopia) #2.idf'], first.log.join(''));
  assert.deepEqual(stored(first.dataDir, 'weather'), ['Göteborg väder.epw']);
  mkdirSync(outDir, { recursive: true });
  const shot = join(outDir, '24-opened-from-file-manager.png');
  const painted = await stillScreenshot(display.display, shot);
  keep('24-opened-from-file-manager.png');

  // The second launch names its file relative to the folder it runs in, as a shell does.
  const second = startDesktopApp(display.display, { dataDir: first.dataDir, home: first.home, args: ['andra modellen.idf'], env, cwd: folder });
  apps.push(second);
  const code = await second.exited;
  assert.notEqual(code, 'SIGKILL', 'the second launch ended by itself');
  await until(() => stored(first.dataDir, 'models').length === 2, 15_000, 'the forwarded model in the store').catch(() => {});
  assert.deepEqual(stored(first.dataDir, 'models'), ['Modell ÅÄÖ (kopia) #2.idf', 'andra modellen.idf'], first.log.join('') + second.log.join(''));
  assert.equal(first.proc.exitCode, null, 'the first window is still open');
  assert.equal(windowsNamed(display.display, 'EPSM Desktop').length, 1, 'one EPSM window, not two');
  // The running window shows the forwarded import: its picture changes.
  await stillScreenshot(display.display, join(outDir, 'launch-after-forward.png'), { unlike: painted });
});

test('without a session bus to hand over, a second launch says which EPSM holds the data folder', async () => {
  const { model } = usersFolder();
  // No D-Bus session (a bare X session, or ssh -X): the hand-over cannot happen.
  const env = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/epsm-no-bus' };
  const first = startDesktopApp(display.display, { env });
  apps.push(first);
  await until(() => stored(first.dataDir, 'models').length > 0, 15_000, 'the example in the first window\'s store');
  const second = startDesktopApp(display.display, { dataDir: first.dataDir, args: [model], env });
  apps.push(second);
  const said = `another EPSM (pid ${first.proc.pid}) is using the data folder`;
  await until(() => second.log.join('').includes(said) || second.proc.exitCode !== null, 15_000, 'the second launch to refuse the data folder');
  assert.ok(second.log.join('').includes(said), `the second launch's log names the holder: ${second.log.join('')}`);
  second.stop();
  // Nothing of the refused launch reached the store.
  assert.deepEqual(stored(first.dataDir, 'models'), ['1ZoneUncontrolled.idf']);
});
