// A stand-in for a remote server, on 127.0.0.1 and a port of its own (another origin than the
// app's): a test asserts what it received instead of relying on the machine having no
// internet, where a request that was sent but could not connect would look like one never made.
import http from 'node:http';

// A 1x1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

// startRemote serves /tracker.png (an image) and /evil.js (a script that marks the window it
// ran in) and records the path of every request it receives, in order.
export async function startRemote() {
  const hits = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url);
    if (req.url === '/tracker.png') {
      res.writeHead(200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' });
      res.end(PNG);
    } else if (req.url === '/evil.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' });
      res.end('window.__evilRan = true;');
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((res, rej) => {
    server.once('error', rej);
    server.listen(0, '127.0.0.1', res);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    host: new URL(origin).host,
    hits,
    close: () => new Promise((res) => { server.closeAllConnections(); server.close(res); }),
  };
}
