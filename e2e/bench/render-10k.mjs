// Benchmark (not part of `make test`): a study of 10,000 variants, opened in the real frontend.
//
//   go run ./bench/seedresults -dir /tmp/epsm-10k -n 10000 && make build build-dev
//   node e2e/bench/render-10k.mjs /tmp/epsm-10k
//
// 1. Chromium with the live Go bindings (dev binary): from a click on "Studies" to the study's
//    first screenful of rows drawn (study-table:usable: the table is usable), to every row's
//    data in the page (Go reads and evaluates 10,000 rows and sends them in columns), then the first render
//    of the virtualized table and of the 10,000-point scatter, each measured from the moment the
//    data arrived (User Timing marks the app sets: study:data, study-table:drawn after paint,
//    study-scatter:drawn when ECharts has drawn the points; study-scatter:rows when the plot
//    got its rows, after the table's paint). Median of 5 page loads.
// 2. The production binary in a real X window: resident memory of the app process and of its
//    WebKit processes after start, and after the study screen (Ctrl+3) drew the 10,000 rows:
//    at once, and again 10 s later, what a user who keeps the study open holds (the window gives
//    a burst's freed memory back within a few seconds: package memtrim).
// docs/BENCHMARKS.md records the figures.
import { startApp, launchBrowser } from '../lib/app.mjs';
import { startDisplay, startDesktopApp, stillScreenshot, waitForWindow, x, memoryOf } from '../lib/desktop.mjs';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: node e2e/bench/render-10k.mjs DATA_DIR (seeded with bench/seedresults)');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) => `median ${median(xs).toFixed(0)} ms (runs: ${xs.map((v) => v.toFixed(0)).join(', ')})`;

async function browserFigures() {
  const app = await startApp({ dataDir });
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
  page.setDefaultTimeout(180_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const load = [], table = [], scatter = [], scatterOwn = [], home = [], usable = [], first = [], asked = [], listed = [];
  let rows = '', plotted = '';
  try {
    for (let i = 0; i < 5; i++) {
      const t = Date.now();
      await page.goto(app.url);
      // every variant has energy and EUI: all 10,000 points are plotted
      await page.evaluate(() => localStorage.setItem('epsm.studyScatter.axes', JSON.stringify(['energy', 'eui'])));
      await page.getByTestId('engine-version').waitFor();
      await page.getByTestId('model-list').waitFor().catch(() => {});
      home.push(Date.now() - t);
      const clicked = await page.evaluate(() => { performance.clearMarks(); return performance.now(); });
      await page.getByTestId('nav-studies').click();
      await page.waitForFunction(() => performance.getEntriesByName('study-table:drawn').length > 0 && performance.getEntriesByName('study-scatter:drawn').length > 0, null, { timeout: 180_000 });
      const m = await page.evaluate(() => Object.fromEntries(['studies:asked', 'studies:list', 'study:first', 'study-table:usable', 'study:data', 'study-table:drawn', 'study-scatter:rows', 'study-scatter:drawn'].map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? NaN])));
      first.push(m['study:first'] - clicked);
      asked.push(m['studies:asked'] - clicked);
      listed.push(m['studies:list'] - clicked);
      usable.push(m['study-table:usable'] - clicked);
      load.push(m['study:data'] - clicked);
      table.push(m['study-table:drawn'] - m['study:data']);
      scatter.push(m['study-scatter:drawn'] - m['study:data']);
      scatterOwn.push(m['study-scatter:drawn'] - m['study-scatter:rows']);
      rows = await page.getByTestId('study-rowcount').innerText();
      plotted = await page.getByTestId('scatter-count').innerText();
    }
    const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
    console.log(`study: ${rows}; scatter: ${plotted}`);
    console.log(`home screen ready (page load, engine and lists): ${fmt(home)}`);
    console.log(`click Studies -> the screen asks for its studies: ${fmt(asked)}; the list is in: ${fmt(listed)}`);
    console.log(`click Studies -> the first screenful of rows in the page: ${fmt(first)}`);
    console.log(`click Studies -> the table usable (first screenful painted): ${fmt(usable)}`);
    console.log(`click Studies -> every row's data in the page (Go + bridge): ${fmt(load)}`);
    console.log(`first render of the table, from the data (painted): ${fmt(table)}`);
    console.log(`first render of the scatter, from the data (ECharts drew the points): ${fmt(scatter)}`);
    console.log(`  of which the scatter's own render, from its rows (after the table's paint) to drawn: ${fmt(scatterOwn)}`);
    if (heap) console.log(`Chromium JS heap after: ${(heap / 2 ** 20).toFixed(0)} MiB`);
    if (errors.length) console.log('page errors:', errors);
  } finally {
    await browser.close();
    await app.stop();
  }
}

async function desktopMemory() {
  const d = await startDisplay(1600, 1000);
  const app = startDesktopApp(d.display, { dataDir });
  try {
    const win = await waitForWindow(d.display, 'EPSM Desktop', 60_000);
    // the home screen (engine probe, lists) is drawn when the screen has painted and stays still
    const home = await stillScreenshot(d.display, '/tmp/render-10k-home.png', { timeoutMs: 60_000 });
    const start = memoryOf(app.proc.pid);
    // Xvfb has no window manager: focus the window directly, click into the page, then Ctrl+3.
    x(d.display, 'xdotool', ['windowfocus', '--sync', win]);
    x(d.display, 'xdotool', ['mousemove', '--window', win, '700', '60', 'click', '1']); // the header, not a field
    x(d.display, 'xdotool', ['key', 'ctrl+3']);
    // the study screen: 10,000 rows evaluated, sent and drawn, then the screen stays still
    await stillScreenshot(d.display, '/tmp/render-10k-desktop.png', { unlike: home, timeoutMs: 180_000 });
    const study = memoryOf(app.proc.pid);
    // a benchmark's definition, not a wait for a condition: the memory held 10 s on
    await new Promise((r) => setTimeout(r, 10_000));
    const held = memoryOf(app.proc.pid);
    const mib = (v) => `${v.toFixed(0)} MiB`;
    console.log(`production app, home screen: app process ${mib(start.app.rss)} resident; WebKit processes ${mib(start.webkitRss)}`);
    console.log(`production app, study screen with 10,000 rows: app process ${mib(study.app.rss)} resident (peak ${mib(study.app.hwm)}); WebKit processes ${mib(study.webkitRss)} (${study.webkit.map((p) => `${p.name} ${mib(p.rss)}`).join(', ')})`);
    console.log(`production app, the study kept open 10 s more: app process ${mib(held.app.rss)} resident; WebKit processes ${mib(held.webkitRss)}`);
    console.log('screenshot: /tmp/render-10k-desktop.png');
  } finally {
    app.stop();
    d.stop();
  }
}

if (!process.argv.includes('--desktop-only')) await browserFigures();
if (!process.argv.includes('--browser-only')) await desktopMemory();
