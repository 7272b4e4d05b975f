// Drives the production binary in a real X window: its own Xvfb display, xdotool for the
// mouse, ImageMagick's import for screenshots. Everything waits for a condition (the display
// accepts clients, a window is mapped, the drag source reports its drag, the screen is still),
// never for a fixed time.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { root, freshDir, until } from './app.mjs';
import { processTree } from './sockets.mjs';

// startDisplay starts Xvfb on a free display: it writes the display's number to fd 3 once it
// accepts clients.
export async function startDisplay(width = 1700, height = 950) {
  const proc = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'], detached: true });
  const stop = () => { try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ } };
  const n = await new Promise((res, rej) => {
    let out = '';
    proc.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) res(out.trim());
    });
    proc.once('exit', (code) => rej(new Error(`Xvfb exited with ${code} before it was ready`)));
  }).catch((e) => { stop(); throw e; });
  return { display: `:${n}`, stop };
}

export function x(display, cmd, args) {
  return execFileSync(cmd, args, { env: { ...process.env, DISPLAY: display }, encoding: 'utf8' }).trim();
}

export async function waitForWindow(display, name, timeoutMs = 30_000) {
  return until(() => {
    try {
      return x(display, 'xdotool', ['search', '--onlyvisible', '--name', name]).split('\n').filter(Boolean)[0];
    } catch {
      return null; // not yet
    }
  }, timeoutMs, `a window named ${name} on ${display}`);
}

export function geometry(display, id) {
  const out = x(display, 'xdotool', ['getwindowgeometry', '--shell', id]);
  const g = Object.fromEntries(out.split('\n').map((l) => l.split('=')));
  return { x: +g.X, y: +g.Y, w: +g.WIDTH, h: +g.HEIGHT };
}

export function screenshot(display, file) {
  x(display, 'import', ['-window', 'root', file]);
}

// How much a picture varies: about 0 for a blank screen.
export function imageSpread(file) {
  return Number(execFileSync('convert', [file, '-colorspace', 'Gray', '-format', '%[fx:standard_deviation]', 'info:'], { encoding: 'utf8' }));
}

// stillScreenshot takes screenshots into file until two in a row are the same, not blank and,
// when given, not the picture `unlike` (a signature it returned before): the window has painted
// and settled. It returns the picture's signature.
export async function stillScreenshot(display, file, { unlike = null, timeoutMs = 30_000 } = {}) {
  let last = null;
  return until(() => {
    screenshot(display, file);
    const sig = x(display, 'identify', ['-format', '%#', file]);
    const still = sig === last && sig !== unlike && imageSpread(file) > 0.05;
    last = sig;
    return still ? sig : null;
  }, timeoutMs, `a still, painted screen in ${file}`);
}

// startDesktopApp starts the production binary (build/bin/epsm, or exe: an installed one) on
// display with a fresh data folder; args are its command line (files to open), env adds
// variables, cwd is where it runs (for relative paths). exited resolves with its exit code.
export function startDesktopApp(display, { dataDir = freshDir('epsm-desktop-data-'), exe = join(root, 'build', 'bin', 'epsm'), args = [], env = {}, cwd, home = freshDir('epsm-desktop-home-') } = {}) {
  mkdirSync(join(home, 'config'), { recursive: true });
  const log = [];
  const proc = spawn(exe, args, {
    env: { ...process.env, DISPLAY: display, EPSM_DATA_DIR: dataDir, HOME: home, XDG_CONFIG_HOME: join(home, 'config'), ...env },
    cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout.on('data', (d) => log.push(d.toString()));
  proc.stderr.on('data', (d) => log.push(d.toString()));
  const exited = new Promise((res) => proc.once('exit', (code, signal) => res(code ?? signal)));
  return { proc, dataDir, home, log, exited, stop: () => { try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ } } };
}

// startSessionBus starts a private D-Bus session bus, as a desktop session has: the single
// instance hand-over of a second launch goes over it. It resolves with the bus's address.
export async function startSessionBus() {
  const proc = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'], detached: true });
  const stop = () => { try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ } };
  const address = await new Promise((res, rej) => {
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) res(out.trim());
    });
    proc.once('exit', (code) => rej(new Error(`dbus-daemon exited with ${code} before it printed its address`)));
  }).catch((e) => { stop(); throw e; });
  return { address, stop };
}

// windowsNamed lists the visible windows with that name.
export function windowsNamed(display, name) {
  try {
    return x(display, 'xdotool', ['search', '--onlyvisible', '--name', name]).split('\n').filter(Boolean);
  } catch {
    return []; // xdotool exits 1 when it finds none
  }
}

// lines collects what a child process prints, a line at a time, and waits for a line.
function lines(stream) {
  const seen = [];
  const waiting = new Set();
  createInterface({ input: stream }).on('line', (l) => {
    seen.push(l);
    for (const w of waiting) w();
  });
  return {
    seen,
    // waitFor resolves with the first line (from the start) that matches re.
    waitFor(re, what, timeoutMs = 15_000) {
      return new Promise((res, rej) => {
        const check = () => {
          const l = seen.find((s) => re.test(s));
          if (!l) return;
          waiting.delete(check);
          clearTimeout(timer);
          res(l);
        };
        const timer = setTimeout(() => { waiting.delete(check); rej(new Error(`the drag source never said ${what} (it said: ${seen.join(', ')})`)); }, timeoutMs);
        waiting.add(check);
        check();
      });
    },
  };
}

// dragFiles drags paths from a GTK drag source onto the point (toX, toY) with the real mouse,
// going on at each step when the drag source says the step happened.
export async function dragFiles(display, paths, toX, toY, sourceX = 1450) {
  const src = spawn('/usr/bin/python3', [join(root, 'e2e', 'lib', 'dragsource.py'), String(sourceX), ...paths], {
    env: { ...process.env, DISPLAY: display }, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
  });
  const said = lines(src.stdout);
  const move = (px, py) => x(display, 'xdotool', ['mousemove', '--sync', String(px), String(py)]);
  try {
    await said.waitFor(/^mapped$/, 'that its window is on screen');
    const id = await waitForWindow(display, 'EPSM drag source');
    const g = geometry(display, id);
    const fromX = g.x + Math.round(g.w / 2), fromY = g.y + Math.round(g.h / 2);
    move(fromX, fromY);
    x(display, 'xdotool', ['mousedown', '1']);
    // GTK starts a drag only after the pointer moved past its threshold: go in steps, until the
    // source says the drag began.
    const path = Array.from({ length: 20 }, (_, i) => [Math.round(fromX + ((toX - fromX) * (i + 1)) / 20), Math.round(fromY + ((toY - fromY) * (i + 1)) / 20)]);
    for (const [px, py] of path.slice(0, 3)) move(px, py);
    await said.waitFor(/^begin$/, 'that the drag began');
    for (const [px, py] of path.slice(3)) move(px, py);
    // Over the window, the target answers the source: drop only once it accepts the files.
    await said.waitFor(/^action [1-9]/, 'that the window accepts the drop');
    x(display, 'xdotool', ['mouseup', '1']);
    const outcome = await said.waitFor(/^(end|failed)/, 'that the drop is over');
    if (outcome.startsWith('failed')) throw new Error(`the drop was refused (${said.seen.join(', ')})`);
  } finally {
    try { process.kill(-src.pid, 'SIGKILL'); } catch { /* gone */ }
  }
}

// memory of one process in MiB: resident (rss), its peak (hwm), and its proportional share
// (pss: shared pages divided among the processes that map them, so the app's and WebKit's
// figures add up without counting GTK's libraries twice).
function processMemory(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (text, k) => Number((text.match(new RegExp(`${k}:\\s+(\\d+)`)) ?? [0, 0])[1]);
    let pss = 0;
    try { pss = kb(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'), 'Pss') / 1024; } catch { /* older kernel */ }
    return { pid, name: (s.match(/Name:\s+(\S+)/) ?? [0, '?'])[1], rss: kb(s, 'VmRSS') / 1024, hwm: kb(s, 'VmHWM') / 1024, pss };
  } catch {
    return null; // exited
  }
}

// memoryOf: the app process and the WebKit processes it started (web content, network).
export function memoryOf(pid) {
  const procs = processTree(pid).map(processMemory).filter(Boolean);
  const app = procs.find((p) => p.pid === pid);
  const webkit = procs.filter((p) => /WebKit/.test(p.name));
  const sum = (k) => webkit.reduce((s, p) => s + p[k], 0);
  return { app, webkit, webkitRss: sum('rss'), webkitPss: sum('pss') };
}
