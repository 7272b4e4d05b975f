// Readable at 100 % and 150 % scaling: every screen and the settings dialog at the sizes a
// window really has — 1280 x 720 CSS pixels at 150 % (a 1920 x 1080 screen), and the window's
// minimum 900 x 600 at 100 % — with nothing pushed off to the side (no horizontal scrolling of
// the page) and no control narrower than its text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, launchBrowser, nextPaint, until } from '../lib/app.mjs';
import { shoot } from '../lib/shots.mjs';

let app, browser;

before(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

// Things that overflow their own box sideways: a page wider than the window, or a button,
// tab or label whose text does not fit (scrollWidth beyond its width).
async function overflow(page) {
  return page.evaluate(() => {
    const out = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) out.push(`page is ${doc.scrollWidth}px wide in a ${doc.clientWidth}px window`);
    for (const el of document.querySelectorAll('button, [role="tab"], label, h1, h2, h3, .badge, .status-chip')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || getComputedStyle(el).overflow === 'visible' && el.scrollWidth <= el.clientWidth + 1) continue;
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).textOverflow !== 'ellipsis') {
        out.push(`${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}" needs ${el.scrollWidth}px, has ${el.clientWidth}px`);
      }
    }
    return out;
  });
}

for (const { name, width, height, scale } of [
  { name: '150 %', width: 1280, height: 720, scale: 1.5 },
  { name: 'the minimum window at 100 %', width: 900, height: 600, scale: 1 },
]) {
  test(`every screen fits at ${name}`, async () => {
    const ctx = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: scale });
    const page = await ctx.newPage();
    page.setDefaultTimeout(30_000);
    try {
      await page.goto(app.url);
      await page.getByTestId('engine-version').waitFor();
      await until(async () => (await page.locator('[data-testid^="model-card-"]').count()) > 0, 30_000, 'the bundled example');
      const problems = {};
      // Each screen is measured once it is on screen: its tab selected, its content (not the
      // "Loading…" of a screen loaded on first visit) shown, and painted.
      for (const [screen, content] of [['runs', 'run-list'], ['library', 'library-tab-constructions'], ['studies', 'studies-list']]) {
        await page.getByTestId(`nav-${screen}`).click();
        await page.waitForFunction((s) => document.querySelector(`[data-testid="nav-${s}"]`)?.getAttribute('aria-selected') === 'true', screen);
        await page.getByTestId(content).waitFor();
        await nextPaint(page);
        problems[screen] = await overflow(page);
      }
      await page.getByTestId('settings-button').click();
      await page.getByTestId('settings-workers').waitFor();
      await nextPaint(page);
      problems.settings = await overflow(page);
      if (scale > 1) await shoot(page, '22-settings-150pct.png');
      await page.keyboard.press('Escape');
      await page.getByTestId('nav-runs').click();
      if (scale > 1) await shoot(page, '23-runs-150pct.png');
      for (const [screen, list] of Object.entries(problems)) assert.deepEqual(list, [], `${screen} at ${name}`);
    } finally {
      await ctx.close();
    }
  });
}
