// Benchmark (not part of `make test`): the production binary's start, in a real X window.
//
//   make build && node e2e/bench/cold-start.mjs [ROUNDS] [BINARY]
//
// Each round starts build/bin/epsm (or BINARY, such as the installed /usr/bin/epsm) on its own
// Xvfb display and measures, from the spawn:
//   - window: the window is mapped (xdotool sees it);
//   - painted: the first screenshot of the window that is not blank (the page has drawn; screenshots are
//     taken about every 0.3 s, which bounds the resolution);
//   - settled: the screen stays still (two identical, non-blank screenshots in a row; the time
//     of the first of the two); later than painted when, for example, the "Imported" toast of a
//     first start goes away.
// "first start" is a fresh data folder (the database is created and the bundled example
// imported); "again" is the same folder a second time. Then, idle on the home screen, the memory
// of the app process and of WebKit's processes: resident and proportional (PSS).
// docs/BENCHMARKS.md records the figures.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root, freshDir, until } from '../lib/app.mjs';
import { startDisplay, startDesktopApp, waitForWindow, imageSpread, x, memoryOf } from '../lib/desktop.mjs';

const rounds = Number(process.argv[2] ?? 5);
const exe = process.argv[3] ?? join(root, 'build', 'bin', 'epsm');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) => `median ${median(xs).toFixed(0)} ms (${xs.map((v) => v.toFixed(0)).join(', ')})`;

// One start: the times to the window and to the painted, still screen.
async function start(dataDir) {
  const d = await startDisplay(1600, 1000);
  const t0 = performance.now();
  const app = startDesktopApp(d.display, { dataDir, exe });
  try {
    const id = await waitForWindow(d.display, 'EPSM Desktop', 60_000);
    const window = performance.now() - t0;
    const file = join(freshDir('epsm-cold-'), 'shot.png');
    let last = null, lastAt = 0, painted = null;
    const settled = await until(() => {
      const at = performance.now() - t0;
      x(d.display, 'import', ['-window', id, file]); // the window only: blank is about 0
      const sig = x(d.display, 'identify', ['-format', '%#', file]);
      const drawn = imageSpread(file) > 0.05;
      if (drawn && painted === null) painted = at;
      const still = sig === last && drawn;
      if (sig !== last) { last = sig; lastAt = at; }
      return still ? lastAt : null;
    }, 60_000, 'a painted, still screen');
    return { window, painted, settled, memory: memoryOf(app.proc.pid) };
  } finally {
    app.stop();
    d.stop();
  }
}

const first = [], again = [];
let idle;
for (let i = 0; i < rounds; i++) {
  const dataDir = freshDir('epsm-cold-data-');
  first.push(await start(dataDir));
  again.push(await start(dataDir));
}
idle = again.map((r) => r.memory);
const mib = (v) => `${v.toFixed(0)} MiB`;
console.log(`binary: ${exe} (${spawnSync(exe, ['--version'], { encoding: 'utf8' }).stdout.trim()})`);
console.log(`first start, window mapped:  ${fmt(first.map((r) => r.window))}`);
console.log(`first start, painted:        ${fmt(first.map((r) => r.painted))}`);
console.log(`first start, settled:        ${fmt(first.map((r) => r.settled))}`);
console.log(`again, window mapped:        ${fmt(again.map((r) => r.window))}`);
console.log(`again, painted:              ${fmt(again.map((r) => r.painted))}`);
console.log(`again, settled:              ${fmt(again.map((r) => r.settled))}`);
console.log(`idle on the home screen: app process ${mib(median(idle.map((m) => m.app.rss)))} resident, ${mib(median(idle.map((m) => m.app.pss)))} PSS; ` +
  `WebKit processes ${mib(median(idle.map((m) => m.webkitRss)))} resident, ${mib(median(idle.map((m) => m.webkitPss)))} PSS ` +
  `(${idle[0].webkit.map((p) => `${p.name} ${mib(p.rss)}`).join(', ')})`);
