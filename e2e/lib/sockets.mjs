// Which network ports a process and every process it started have open, read from /proc
// (Linux): TCP sockets in LISTEN state and bound UDP sockets, matched to the processes by the
// socket inodes of their open file descriptors.
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

// processTree returns pid and all its descendants.
export function processTree(pid) {
  const children = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch { /* exited meanwhile */ }
  }
  const out = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    out.push(p);
    stack.push(...(children.get(p) ?? []));
  }
  return out;
}

function socketInodes(pid) {
  const inodes = new Set();
  let fds = [];
  try { fds = readdirSync(`/proc/${pid}/fd`); } catch { return inodes; }
  for (const fd of fds) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]);
    } catch { /* closed meanwhile */ }
  }
  return inodes;
}

function sockets(pid, proto) {
  let text = '';
  try { text = readFileSync(`/proc/${pid}/net/${proto}`, 'utf8'); } catch { return []; }
  return text.trim().split('\n').slice(1).map((line) => {
    const f = line.trim().split(/\s+/);
    return { local: f[1], state: f[3], inode: f[9] };
  });
}

const LISTEN = '0A';
const UNCONNECTED = '07';

// openPorts lists the listening TCP and bound UDP sockets of pid and its descendants.
export function openPorts(pid) {
  const found = [];
  for (const p of processTree(pid)) {
    const mine = socketInodes(p);
    if (mine.size === 0) continue;
    let comm = '';
    try { comm = readFileSync(`/proc/${p}/comm`, 'utf8').trim(); } catch { /* gone */ }
    for (const proto of ['tcp', 'tcp6', 'udp', 'udp6']) {
      for (const s of sockets(p, proto)) {
        if (!mine.has(s.inode)) continue;
        const port = parseInt(s.local.split(':')[1], 16);
        // UDP has no listen state: a bound socket not connected to a peer is a server's.
        if (proto.startsWith('tcp') ? s.state === LISTEN : s.state === UNCONNECTED && port !== 0) {
          found.push({ pid: p, comm, proto, port });
        }
      }
    }
  }
  return found;
}
