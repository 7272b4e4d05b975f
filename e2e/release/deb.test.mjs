// The .deb of make release, installed for real on this machine (scripts/test-release.sh runs
// this with EPSM_DEB): its contents, dpkg -i, the desktop entry and MIME types as the desktop
// sees them, a model opened the way a file manager opens it (GIO, which GNOME Files, Nemo and
// Thunar use: it finds the file's type in the MIME database and runs the desktop entry's Exec
// line) starting the installed app under Xvfb with the model imported, and dpkg --purge leaving
// nothing behind. It needs root (or sudo): it installs a package.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { root, freshDir, until } from '../lib/app.mjs';
import { startDisplay, waitForWindow, stillScreenshot, x } from '../lib/desktop.mjs';
import { outDir } from '../lib/shots.mjs';
import { processTree } from '../lib/sockets.mjs';

const deb = process.env.EPSM_DEB;
const asRoot = (cmd, args) => (process.getuid() === 0 ? spawnSync(cmd, args, { encoding: 'utf8' }) : spawnSync('sudo', ['-n', cmd, ...args], { encoding: 'utf8' }));
const sh = (cmd, args, opts = {}) => execFileSync(cmd, args, { encoding: 'utf8', ...opts }).trim();
const installed = () => spawnSync('dpkg-query', ['-W', '-f=${Status}', 'epsm-desktop'], { encoding: 'utf8' }).stdout.includes('install ok installed');
// The package's files, from the .deb itself (./usr/bin/epsm -> /usr/bin/epsm).
const contents = () => sh('dpkg-deb', ['-c', deb]).split('\n').map((l) => l.split(/\s+/).slice(5).join(' ').replace(/^\./, '')).filter((p) => p && !p.endsWith('/'));

// What GIO (the file manager) says: a file's content type, and the program for a type.
const contentType = (file) => sh('gio', ['info', '-a', 'standard::content-type', file]).match(/standard::content-type: (\S+)/)?.[1];
const defaultApp = (type) => spawnSync('gio', ['mime', type], { encoding: 'utf8' }).stdout.match(/^Default application for .*: (\S+)$/m)?.[1] ?? null;

let display, openedPid;
// A user's model in a Swedish folder, as the file manager would hand it over.
const folder = join(freshDir('epsm-deb-'), 'Väder Göteborg');
const model = join(folder, 'Modell ÅÄÖ (kopia) #2.idf');
const weather = join(folder, 'Göteborg.epw');

before(async () => {
  assert.ok(deb && existsSync(deb), `EPSM_DEB names the .deb of make release (${deb})`);
  assert.ok(!installed(), 'epsm-desktop is already installed on this machine; this test installs and purges it: remove it first (dpkg --purge epsm-desktop)');
  mkdirSync(folder, { recursive: true });
  copyFileSync(join(root, 'examples', '1ZoneUncontrolled.idf'), model);
  copyFileSync(join(root, 'examples', 'USA_CO_Golden-NREL.724666_TMY3.epw'), weather);
  display = await startDisplay();
});

after(() => {
  if (openedPid) stopTree(openedPid);
  display?.stop();
  if (installed()) asRoot('dpkg', ['--purge', 'epsm-desktop']);
});

test('the .deb holds the app, its desktop entry, icons and MIME types, and names what it needs', () => {
  const files = contents();
  for (const f of ['/usr/bin/epsm', '/usr/share/applications/epsm-desktop.desktop', '/usr/share/mime/packages/epsm-desktop.xml', '/usr/share/doc/epsm-desktop/copyright']) {
    assert.ok(files.includes(f), `${f} in the package: ${files.join(' ')}`);
  }
  for (const size of [48, 64, 128, 256, 512]) {
    for (const icon of ['apps/epsm-desktop.png', 'mimetypes/application-x-energyplus-idf.png', 'mimetypes/application-x-energyplus-epw.png']) {
      assert.ok(files.includes(`/usr/share/icons/hicolor/${size}x${size}/${icon}`), `${size}px ${icon}`);
    }
  }
  const field = (f) => sh('dpkg-deb', ['-f', deb, f]);
  const depends = field('Depends').split(/,\s*/);
  for (const p of ['libgtk-3-0', 'libwebkit2gtk-4.0-37', 'libc6']) assert.ok(depends.includes(p), `Depends names ${p}: ${depends}`);
  const productVersion = JSON.parse(readFileSync(join(root, 'wails.json'), 'utf8')).info.productVersion;
  const head = sh('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: root });
  assert.match(field('Version'), new RegExp(`^${productVersion.replaceAll('.', '\\.')}\\+git\\d{8}\\.\\d{6}\\.${head}`));
});

test('installed with dpkg: the desktop knows EPSM opens .idf and .epw files, and epsm --version is the build', () => {
  const r = asRoot('dpkg', ['-i', deb]);
  assert.equal(r.status, 0, `dpkg -i: ${r.stdout}${r.stderr}`);
  assert.ok(installed());
  for (const f of contents()) assert.ok(existsSync(f), `${f} installed`);
  const entry = '/usr/share/applications/epsm-desktop.desktop';
  const v = spawnSync('desktop-file-validate', [entry], { encoding: 'utf8' });
  assert.equal(v.status, 0, `desktop-file-validate: ${v.stdout}${v.stderr}`);
  assert.equal(v.stdout + v.stderr, '', 'desktop-file-validate has no remarks');
  const text = readFileSync(entry, 'utf8');
  assert.match(text, /^Exec=epsm %F$/m, 'the file manager passes the files it opens');
  assert.match(text, /^MimeType=application\/x-energyplus-idf;application\/x-energyplus-epw;$/m);
  // What a file manager asks: the file's type (from the installed MIME database, updated by
  // dpkg's trigger) and the program for that type (from the desktop database).
  assert.equal(contentType(model), 'application/x-energyplus-idf');
  assert.equal(contentType(weather), 'application/x-energyplus-epw');
  assert.equal(defaultApp('application/x-energyplus-idf'), 'epsm-desktop.desktop');
  assert.equal(defaultApp('application/x-energyplus-epw'), 'epsm-desktop.desktop');
  const head = sh('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: root });
  assert.match(sh('/usr/bin/epsm', ['--version']), new RegExp(`^epsm \\d+\\.\\d+\\.\\d+ \\(commit ${head}(-dirty)?, \\d{4}-\\d\\d-\\d\\dT`));
});

test('opening a model from the file manager starts the installed app with the model imported', async () => {
  assert.ok(installed(), 'the package is installed (the test before)');
  const dataDir = freshDir('epsm-deb-data-');
  const home = freshDir('epsm-deb-home-');
  const env = { ...process.env, DISPLAY: display.display, EPSM_DATA_DIR: dataDir, HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data') };
  for (const de of ['XDG_CURRENT_DESKTOP', 'DESKTOP_SESSION', 'KDE_FULL_SESSION', 'GNOME_DESKTOP_SESSION_ID', 'DBUS_SESSION_BUS_ADDRESS']) delete env[de];
  // gio open launches the desktop entry's Exec line with the file, as the file manager does.
  const log = [];
  const gio = spawn('gio', ['open', model], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  gio.stdout.on('data', (d) => log.push(d.toString()));
  gio.stderr.on('data', (d) => log.push(d.toString()));
  const id = await waitForWindow(display.display, 'EPSM Desktop');
  openedPid = Number(x(display.display, 'xdotool', ['getwindowpid', id]));
  assert.equal(readlinkSync(`/proc/${openedPid}/exe`), '/usr/bin/epsm', 'the window is the installed app');
  const models = () => {
    const db = join(dataDir, 'epsm.db');
    return existsSync(db) ? sh('sqlite3', ['-readonly', db, 'SELECT name FROM models ORDER BY id']).split('\n').filter(Boolean) : [];
  };
  await until(() => models().length > 0, 15_000, 'the opened model in the store');
  assert.deepEqual(models(), ['Modell ÅÄÖ (kopia) #2.idf'], log.join(''));
  mkdirSync(outDir, { recursive: true });
  await stillScreenshot(display.display, join(outDir, '25-deb-opened-model.png'));
  stopTree(openedPid);
  openedPid = null;
});

// stopTree ends the app and the WebKit processes it started.
function stopTree(pid) {
  for (const p of processTree(pid)) try { process.kill(p, 'SIGKILL'); } catch { /* gone */ }
}

test('dpkg --purge leaves nothing of the package behind', () => {
  const files = contents();
  const r = asRoot('dpkg', ['--purge', 'epsm-desktop']);
  assert.equal(r.status, 0, `dpkg --purge: ${r.stdout}${r.stderr}`);
  assert.ok(!installed());
  for (const f of files) assert.ok(!existsSync(f), `${f} is still there`);
  assert.ok(!existsSync('/usr/share/mime/application/x-energyplus-idf.xml'), 'the MIME database forgot the type');
  assert.equal(contentType(model), 'text/plain', 'a model is plain text again to the file manager');
  assert.equal(defaultApp('application/x-energyplus-idf'), null);
});
