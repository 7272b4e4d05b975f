// Results end to end: the example imported, a 4-variant study on the 4-zone model with ideal
// loads (test.idf: the example has no HVAC, so its energy would not change) built in the study
// builder, run on the real EnergyPlus, its table checked against the Go side, a Pareto-optimal
// variant selected, and the table exported to CSV and XLSX through the UI's buttons and read
// back here.
//
// The native save dialog cannot be driven from a browser: the dev build's save dialog answers
// with EPSM_E2E_SAVE_DIR and the suggested file name instead (app/e2eseam_dev.go; production
// builds have no such seam). Everything after the dialog (the bound method, the export, the
// file) is the real code. The XLSX is read with exceljs, an implementation independent of the
// Go writer (excelize), so a file only excelize could read would fail here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openSession, shared, until, freshDir, openStudyBuilder } from '../lib/app.mjs';
import { shoot } from '../lib/shots.mjs';

let session, page, go, saveDir;
const STUDY = 'e2e results study';

before(async () => {
  saveDir = freshDir('epsm-e2e-save-');
  session = await openSession({ env: { EPSM_E2E_SAVE_DIR: saveDir } });
  ({ page, go } = session);
});

after(async () => {
  await session?.close();
});

// A small RFC 4180 reader: quoted fields, doubled quotes, commas and newlines inside quotes.
function parseCSV(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const byHeader = (header, rows) => rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
const close = (a, b) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

test('a 4-variant study runs, a Pareto variant is selected, and CSV and XLSX exports read back', async () => {
  // The example is imported on first start.
  const files = await go('Files');
  assert.ok(files.models.some((m) => m.name === '1ZoneUncontrolled.idf'), 'the bundled example is there');
  const rep = await go('ImportFiles', [join(shared, 'testdata/epsm/test.idf'), join(shared, 'testdata/energyplus/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw')]);
  assert.equal(rep.errors?.length ?? 0, 0);
  const model = rep.models[0], chicago = rep.weather[0];
  // The default library gives every layer of the wall variants a GWP (Boverket's klimatdatabas),
  // so their embodied carbon is complete and they can be Pareto-optimal.
  await page.reload();

  // The builder: two walls x (keep or a new roof) = 4 variants, plus the baseline.
  await page.getByTestId('nav-studies').click();
  await page.getByTestId('studies-screen').waitFor();
  await openStudyBuilder(page);
  await page.getByTestId('study-model').selectOption(String(model.id));
  await page.getByTestId(`study-weather-${chicago.id}`).check();
  await page.getByTestId('study-option-wall-keep').uncheck(); // every variant gets a new wall
  await page.getByTestId('study-option-wall-wall_concrete_etics_sw100').check();
  await page.getByTestId('study-option-wall-wall_brick_etics_eps100').check();
  await page.getByTestId('study-option-roof-keep').check();
  await page.getByTestId('study-option-roof-flat_roof_concrete_pir120').check();
  await page.getByTestId('study-mode-factorial').click();
  await page.getByTestId('study-name').fill(STUDY);
  await until(async () => (await page.getByTestId('study-estimate').getAttribute('data-state')) === 'ok', 15_000, 'the estimate');
  const estimate = await page.getByTestId('study-estimate').innerText();
  assert.match(estimate, /4 variants/);
  assert.match(estimate, /5 runs/);
  await page.getByTestId('study-create').click();

  const study = await until(async () => (await go('Studies')).find((s) => s.name === STUDY), 30_000, 'the study');
  const table = await until(async () => {
    const t = await go('StudyTable', study.id);
    return t.finished === 5 ? t : null;
  }, 240_000, 'all 5 runs of the study');
  for (const r of table.rows) assert.ok(['succeeded', 'succeeded-with-severe'].includes(r.status), `${r.name}: ${r.status} ${r.message}`);
  assert.ok(table.rows[0].baseline, 'the baseline comes first');

  // The table on screen: 5 rows, the baseline first, every run finished, Pareto badges.
  await page.getByTestId(`study-${study.id}`).click();
  await page.getByTestId('study-table').waitFor();
  const rows = page.locator('[data-testid^="study-row-"]');
  await until(async () => (await rows.count()) === 5, 30_000, '5 rows in the table');
  assert.match(await rows.first().innerText(), /baseline/i);
  await until(async () => {
    const st = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    return st.every((s) => s === 'succeeded' || s === 'succeeded-with-severe');
  }, 30_000, 'every row finished on screen');

  // Select a Pareto point on the scatter: a click on a red (Pareto-optimal) disc of the canvas
  // selects its variant's row, and the selection says it is Pareto-optimal.
  assert.ok(table.rows.some((r) => !r.baseline && (r.paretoEnergyEmbodied || r.paretoCarbonCost)),
    'a variant on a Pareto front: ' + JSON.stringify(table.rows.map((r) => [r.name, r.results?.totalSiteKWh, r.lca?.embodiedKgCO2e, r.paretoEnergyEmbodied, r.paretoCarbonCost])));
  const scatter = page.getByTestId('study-scatter');
  await scatter.locator('canvas').first().waitFor();
  await until(async () => /^\d+ plotted/.test(await page.getByTestId('scatter-count').innerText()), 10_000, 'the scatter plotted');
  await scatter.scrollIntoViewIfNeeded();
  // ECharts' entry animation grows the points to full size; the chart says when it is drawn.
  await page.waitForFunction(() => document.querySelector('[data-testid="study-scatter"]')?.dataset.drawn === 'true');
  const spots = await paretoDiscs(scatter);
  assert.ok(spots.length > 0, 'a Pareto-optimal disc drawn on the scatter');
  let picked = null;
  // Each disc twice: on a loaded machine the first click may land while ECharts is still
  // settling its hit areas. The box is read before each click, as the page may have moved.
  for (const s of [...spots, ...spots]) {
    const box = await scatter.boundingBox();
    await page.mouse.click(box.x + s.x, box.y + s.y);
    const key = await page.getByTestId('study-selection').getAttribute('data-variant-key', { timeout: 10_000 }).catch(() => null);
    const r = key && table.rows.find((x) => x.key === key);
    if (r && !r.baseline) { picked = r; break; }
  }
  assert.ok(picked, `a click on a Pareto disc selects a variant (discs at ${JSON.stringify(spots)})`);
  assert.ok(picked.paretoEnergyEmbodied || picked.paretoCarbonCost, `${picked.name} is Pareto-optimal`);
  const row = page.getByTestId(`study-row-${picked.variantId}-${picked.weatherId}`);
  assert.equal(await row.getAttribute('aria-selected'), 'true');
  const selection = page.getByTestId('study-selection');
  assert.match(await selection.innerText(), /Pareto-optimal/);
  await page.getByTestId('variant-kpis').waitFor();
  // The variant's Swedish figures beside its energy, carbon and cost: EP_pet with its class, peak
  // heating and overheating, each against the baseline, as the table has them.
  assert.match(await page.getByTestId('variant-kpi-primaryEnergy-value').innerText(), new RegExp(`^${picked.primaryEnergyNumber.toFixed(1).replace('.', '\\.')}$`));
  assert.match(await page.getByTestId('variant-kpi-primaryEnergy').innerText(), new RegExp(`\\b${picked.energyClass}\\b`));
  await shoot(page, '51-variant-swedish.png', page.getByTestId('variant-kpis'));
  await shoot(page, '18-results-explorer.png', page.getByTestId('study-scatter'));
  await shoot(page, '17-study-selected.png', page.getByTestId('study-table'));

  // Export CSV and XLSX through the buttons.
  const csvPath = join(saveDir, `${STUDY}.csv`), xlsxPath = join(saveDir, `${STUDY}.xlsx`);
  await page.getByTestId('study-export-csv').click();
  await until(() => existsSync(csvPath), 15_000, 'the CSV file');
  await page.getByText('exported', { exact: false }).first().waitFor();
  await page.getByTestId('study-export-xlsx').click();
  await until(() => existsSync(xlsxPath), 15_000, 'the XLSX file');

  const csv = parseCSV(readFileSync(csvPath, 'utf8'));
  const header = csv[0];
  for (const h of ['Variant', 'Wall construction', 'Roof construction', 'Annual energy [kWh]', 'Embodied carbon [kg CO2e]', 'Note']) {
    assert.ok(header.includes(h), `CSV column ${h} in ${header.join(' | ')}`);
  }
  assert.ok(header.some((h) => /^Life-cycle cost, \d+ years \[\w+\]$/.test(h)), 'the life-cycle cost header names the period and currency');
  const csvRows = byHeader(header, csv.slice(1));
  assert.equal(csvRows.length, 5);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsxPath);
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['Results', 'Assumptions']);
  const ws = wb.getWorksheet('Results');
  const xHeader = ws.getRow(1).values.slice(1);
  assert.deepEqual(xHeader, header, 'the XLSX has the CSV columns');
  const xRows = [];
  for (let i = 2; i <= ws.rowCount; i++) {
    const v = ws.getRow(i).values.slice(1);
    xRows.push(Object.fromEntries(header.map((h, j) => [h, v[j] ?? null])));
  }
  assert.equal(xRows.length, 5);

  for (const [i, want] of table.rows.entries()) {
    const c = csvRows[i], x = xRows[i];
    assert.equal(c['Variant id'], want.key);
    assert.equal(x['Variant id'], want.key);
    assert.ok(close(Number(c['Annual energy [kWh]']), want.results.totalSiteKWh), `CSV energy ${c['Annual energy [kWh]']} vs ${want.results.totalSiteKWh}`);
    assert.equal(typeof x['Annual energy [kWh]'], 'number', 'XLSX energy is a number, not text');
    assert.ok(close(x['Annual energy [kWh]'], want.results.totalSiteKWh));
    assert.ok(close(x['Embodied carbon [kg CO2e]'], want.lca.embodiedKgCO2e.value));
    assert.equal(x['Pareto: energy × embodied carbon'], want.paretoEnergyEmbodied);
  }
  assert.equal(csvRows[0]['Baseline'], 'true');
  assert.equal(csvRows[0]['Wall construction'], 'existing (unchanged)');
  const lib = await go('Library');
  const names = new Set(lib.constructions.filter((v) => ['wall_concrete_etics_sw100', 'wall_brick_etics_eps100'].includes(v.construction.id)).map((v) => v.construction.name));
  assert.ok(csvRows.slice(1).every((r) => names.has(r['Wall construction'])), 'each variant names its wall construction');
  // No material cost can be cited by default: cost cells are empty (not 0) and the note says what is missing.
  const lcc = header.find((h) => h.startsWith('Life-cycle cost,'));
  if (!table.rows[1].lca.lifeCycleCost.complete) {
    assert.equal(csvRows[1][lcc], '');
    assert.equal(xRows[1][lcc], null);
    assert.match(csvRows[1]['Note'], /missing:/);
  }

  // A tile that lacks its figure names the input and opens the library item that lacks it.
  const investment = picked.lca.investmentCost;
  assert.ok(!investment.complete, 'no construction has a cited cost: the investment is missing');
  const gaps = page.getByTestId('variant-kpi-investment-gaps');
  assert.match(await gaps.innerText(), /Missing: cost of /);
  const wantId = /Missing: cost of (?:window system )?([^\s(]+)/.exec(await gaps.locator('li').first().innerText())[1];
  await gaps.getByTestId('kpi-gap-library').first().click();
  await page.getByTestId('library-screen').waitFor();
  const editor = page.getByTestId('material-editor').or(page.getByTestId('window-editor'));
  await editor.waitFor();
  assert.match(await editor.innerText(), new RegExp(wantId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
});

// paretoDiscs finds the centres of the filled red discs ECharts drew for the Pareto-optimal
// series (#e15759, 10 px), relative to the chart element: pixels whose 7 x 7 neighbourhood is
// all that red, which the 2 px dashed front line and the legend's small icon never fill.
async function paretoDiscs(chart) {
  return chart.evaluate((el) => {
    const canvas = el.querySelector('canvas');
    const ctx = canvas.getContext('2d');
    const { width, height } = canvas;
    const data = ctx.getImageData(0, 0, width, height).data;
    const scale = width / canvas.getBoundingClientRect().width;
    const red = (x, y) => {
      const i = (y * width + x) * 4;
      return Math.abs(data[i] - 0xe1) < 12 && Math.abs(data[i + 1] - 0x57) < 12 && Math.abs(data[i + 2] - 0x59) < 12;
    };
    const out = [];
    const r = Math.round(3 * scale);
    for (let y = Math.round(40 * scale); y < height - r; y += 1) {
      for (let x = r; x < width - r; x += 1) {
        let all = true;
        for (let dy = -r; all && dy <= r; dy++) for (let dx = -r; all && dx <= r; dx++) all = red(x + dx, y + dy);
        if (all && !out.some((p) => Math.abs(p.x - x / scale) < 8 && Math.abs(p.y - y / scale) < 8)) out.push({ x: x / scale, y: y / scale });
      }
    }
    return out;
  });
}
