// What a study variant changes in the base model's IDF, in the window: a one-wall study on the
// bundled example, a variant's row expanded, its changes opened; the before and after shown
// are the base model's and the variant file's own construction names.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, root, until } from '../lib/app.mjs';
import { shoot } from '../lib/shots.mjs';

let session, page, go;

before(async () => {
  session = await openSession();
  ({ page, go } = session);
});

after(async () => {
  await session?.close();
});

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// constructionOf reads the Construction Name of a BuildingSurface:Detailed from IDF text.
function constructionOf(text, surface) {
  const m = text.match(new RegExp(`BuildingSurface:Detailed,\\s*${escape(surface)},[^\\n]*\\n[^,]*,[^\\n]*\\n\\s*([^,;!]+?)\\s*,`));
  assert.ok(m, `${surface} in the IDF text`);
  return m[1];
}

test("a variant's IDF changes show each wall's construction before and after", async () => {
  const rep = await go('ImportExample');
  assert.equal(rep.errors?.length ?? 0, 0);
  const model = rep.models[0], weather = rep.weather[0];
  const info = await go('CreateStudy', {
    name: 'e2e variant changes', modelId: model.id, weatherIds: [weather.id],
    options: { wall: ['keep', 'wall_concrete_etics_sw100'] }, sampling: { mode: 'factorial' }, designDaysOnly: true,
  });
  const table = await go('StudyTable', info.study.id);
  const row = table.rows.find((r) => !r.baseline);
  const baseline = table.rows.find((r) => r.baseline);
  assert.ok(row && baseline, 'a baseline and one wall variant');

  // The files the diff must agree with: the example as shipped and the variant's IDF in the
  // data folder's content-addressed copies (the only copy whose wall is not the example's).
  const baseText = readFileSync(join(root, 'examples', '1ZoneUncontrolled.idf'), 'utf8');
  const filesDir = join(session.app.dataDir, 'files');
  const variants = readdirSync(filesDir).filter((f) => f.endsWith('.idf'))
    .map((f) => readFileSync(join(filesDir, f), 'utf8'))
    .filter((t) => t.includes('Zn001:Wall001') && constructionOf(t, 'Zn001:Wall001') !== constructionOf(baseText, 'Zn001:Wall001'));
  assert.equal(variants.length, 1, 'one variant IDF with other walls in the data folder');
  const variantText = variants[0];
  const wantBefore = constructionOf(baseText, 'Zn001:Wall001');
  const wantAfter = constructionOf(variantText, 'Zn001:Wall001');
  assert.notEqual(wantBefore, wantAfter, 'the variant gives the wall another construction');
  const walls = ['Zn001:Wall001', 'Zn001:Wall002', 'Zn001:Wall003', 'Zn001:Wall004'];
  for (const w of walls) assert.equal(constructionOf(variantText, w), wantAfter);

  await page.reload();
  await page.getByTestId('nav-studies').click();
  await page.getByTestId(`study-${info.study.id}`).click();
  await page.getByTestId('study-table').waitFor();
  await page.getByTestId(`study-expand-${row.variantId}-${row.weatherId}`).click();
  await page.getByTestId(`study-changes-${row.variantId}-${row.weatherId}`).click();

  const panel = page.locator(`[data-testid="variant-changes"][data-variant-id="${row.variantId}"]`);
  await panel.getByTestId('variant-changes-summary').waitFor();
  assert.match(await panel.getByTestId('variant-changes-summary').innerText(), new RegExp(`${escape(row.label)} · .* against 1ZoneUncontrolled\\.idf: 4 objects changed \\(4 fields\\), \\d+ objects? added\\.`));
  const wall = panel.locator('[data-testid="idf-change"][data-name="Zn001:Wall001"]');
  assert.equal(await wall.getAttribute('data-kind'), 'changed');
  const field = wall.locator('[data-testid="idf-field"]');
  assert.equal(await field.count(), 1, 'only the construction of the wall changed');
  assert.equal(await field.getAttribute('data-field'), 'Construction Name');
  assert.match(await field.getByTestId('idf-before').innerText(), new RegExp(`^${escape(wantBefore)} line \\d+$`));
  assert.match(await field.getByTestId('idf-after').innerText(), new RegExp(`^${escape(wantAfter)} line \\d+$`));
  for (const w of walls) await panel.locator(`[data-testid="idf-change"][data-name="${w}"]`).waitFor();
  // The new construction is among the added objects, under the name the walls now use.
  await panel.locator(`[data-testid="idf-change"][data-kind="added"][data-class="Construction"][data-name="${wantAfter}"]`).waitFor();

  await shoot(page, 'variant-changes.png', panel);

  // The raw line diff: the same wall lines, as text, against the same files.
  await panel.getByTestId('variant-changes-raw').click();
  const raw = panel.getByTestId('variant-raw-diff');
  await raw.waitFor();
  const removed = await raw.locator('.raw-del').allInnerTexts();
  const added = await raw.locator('.raw-add').allInnerTexts();
  assert.equal(removed.filter((l) => l.startsWith(`-    ${wantBefore},`)).length, walls.length, `a removed line per wall: ${removed.join(' | ')}`);
  assert.equal(added.filter((l) => l.startsWith(`+    ${wantAfter},`) && l.includes('!- Construction Name')).length, walls.length, 'an added line per wall');
  assert.ok(added.some((l) => l.startsWith('+! ---- EPSM variant')), 'the comment before the added objects');
  await shoot(page, 'variant-changes-raw.png', raw);
  await panel.getByTestId('variant-changes-raw').click();
  await panel.locator('[data-testid="idf-change"]').first().waitFor();

  // The changes follow the selection: the baseline's are none.
  await page.getByTestId(`study-row-${baseline.variantId}-${baseline.weatherId}`).click();
  const base = page.locator(`[data-testid="variant-changes"][data-variant-id="${baseline.variantId}"]`);
  await until(async () => /nothing changed/.test(await base.getByTestId('variant-changes-summary').innerText().catch(() => '')), 15_000, "the baseline's empty changes");
  assert.equal(await base.locator('[data-testid="idf-change"]').count(), 0);
  await base.getByTestId('variant-changes-close').click();
  await until(async () => (await page.getByTestId('variant-changes').count()) === 0, 5_000, 'the changes closed');
});
