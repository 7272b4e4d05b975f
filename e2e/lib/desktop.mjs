// Drives the production binary in a real X window: its own Xvfb display, xdotool for the
// mouse, ImageMagick's import for screenshots.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { root, freshDir } from './app.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function startDisplay(width = 1700, height = 950) {
  for (let n = 90; n < 140; n++) {
    const proc = spawn('Xvfb', [`:${n}`, '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp'], { stdio: 'ignore', detached: true });
    await sleep(700);
    if (proc.exitCode === null) {
      return { display: `:${n}`, stop: () => { try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ } } };
    }
  }
  throw new Error('could not start Xvfb');
}

export function x(display, cmd, args) {
  return execFileSync(cmd, args, { env: { ...process.env, DISPLAY: display }, encoding: 'utf8' }).trim();
}

export async function waitForWindow(display, name, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const ids = x(display, 'xdotool', ['search', '--onlyvisible', '--name', name]).split('\n').filter(Boolean);
      if (ids.length) return ids[0];
    } catch { /* not yet */ }
    await sleep(300);
  }
  throw new Error(`no window named ${name} on ${display}`);
}

export function geometry(display, id) {
  const out = x(display, 'xdotool', ['getwindowgeometry', '--shell', id]);
  const g = Object.fromEntries(out.split('\n').map((l) => l.split('=')));
  return { x: +g.X, y: +g.Y, w: +g.WIDTH, h: +g.HEIGHT };
}

export function screenshot(display, file) {
  x(display, 'import', ['-window', 'root', file]);
}

// startDesktopApp starts build/bin/epsm on display with a fresh data folder.
export function startDesktopApp(display, dataDir = freshDir('epsm-desktop-data-')) {
  const home = freshDir('epsm-desktop-home-');
  mkdirSync(join(home, 'config'), { recursive: true });
  const log = [];
  const proc = spawn(join(root, 'build', 'bin', 'epsm'), [], {
    env: { ...process.env, DISPLAY: display, EPSM_DATA_DIR: dataDir, HOME: home, XDG_CONFIG_HOME: join(home, 'config') },
    detached: true, stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout.on('data', (d) => log.push(d.toString()));
  proc.stderr.on('data', (d) => log.push(d.toString()));
  return { proc, dataDir, log, stop: () => { try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* gone */ } } };
}

// dragFiles drags paths from a GTK drag source onto the point (toX, toY) with the real mouse.
export async function dragFiles(display, paths, toX, toY, sourceX = 1450) {
  const src = spawn('/usr/bin/python3', [join(root, 'e2e', 'lib', 'dragsource.py'), String(sourceX), ...paths], {
    env: { ...process.env, DISPLAY: display }, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
  });
  try {
    const id = await waitForWindow(display, 'EPSM drag source');
    await sleep(500);
    const g = geometry(display, id);
    const fromX = g.x + Math.round(g.w / 2), fromY = g.y + Math.round(g.h / 2);
    x(display, 'xdotool', ['mousemove', String(fromX), String(fromY)]);
    await sleep(200);
    x(display, 'xdotool', ['mousedown', '1']);
    // GTK starts a drag only after the pointer moved past its threshold: go in steps.
    for (let i = 1; i <= 20; i++) {
      const px = Math.round(fromX + ((toX - fromX) * i) / 20), py = Math.round(fromY + ((toY - fromY) * i) / 20);
      x(display, 'xdotool', ['mousemove', String(px), String(py)]);
      await sleep(60);
    }
    await sleep(400);
    x(display, 'xdotool', ['mouseup', '1']);
    await sleep(1500);
  } finally {
    try { process.kill(-src.pid, 'SIGKILL'); } catch { /* gone */ }
  }
}
