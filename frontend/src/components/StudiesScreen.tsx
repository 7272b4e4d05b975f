import { flushSync } from 'react-dom'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import {
  chooseAndImportStudy,
  createStudy,
  exportStudyBundle,
  exportStudyReport,
  exportStudyResults,
  exportStudySpec,
  getLcaSettings,
  getModelSettings,
  getRunDetails,
  getStudies,
  getStudyColumns,
  onStudyMethod,
  type BatchSummary,
  type LcaSettings,
  type ExportFormat,
  type Model,
  type Run,
  type Study,
  type StudyImportReport,
  type ComputeTarget,
  type EndUse,
  type WindowStudyTable,
  type Weather,
} from '../bridge'
import type { LibraryState } from '../hooks/useLibrary'
import { useUnitSystem } from '../hooks/useUnitSystem'
import { kpiTiles } from '../lib/kpi'
import { clampPercent, errorMessage, formatDateTime, plural } from '../lib/format'
import type { RunView } from '../lib/runs'
import { buildSpec, initialBuilder, studyImportSummary, type BuilderState } from '../lib/study'
import { buildStudyRows, missingInputs, progressLine, tableIsStale, type StudyRow } from '../lib/studyTable'
import type { ToastInput } from '../lib/toasts'
import { mark, markAfterPaint } from '../lib/perf'
import { rememberStudy, studyToOpen, type StudyOpening } from '../lib/studyOpening'
import { ProgressBar } from './ProgressBar'
import { studyProgress } from '../lib/batches'
import { useAfterPaint } from '../hooks/useAfterPaint'
import StudyCharts from './StudyCharts'
import { StudyBuilder } from './StudyBuilder'
import type { GapTarget } from '../lib/gaps'
import { fuelsOf, studyChecklist } from '../lib/checklist'
import { isSucceeded } from '../lib/status'
import { StudyTableView } from './StudyTableView'
import { KpiTiles } from './KpiTiles'
import { StudyCompareActions } from './StudyCompare'
import { VariantChanges } from './VariantChanges'
import { MethodPanel } from './MethodPanel'
import { useStudyMethod } from '../hooks/useStudyMethod'

// ECharts is most of the bundle: the study's charts load when a study table first shows.


/** A finished run's results reach the table this long after its run:status event (bursts coalesce). */
const REFRESH_MS = 600
const EMPTY_ROWS: StudyRow[] = []

interface Props {
  models: Model[]
  weather: Weather[]
  runs: RunView[]
  batches: BatchSummary[]
  lib: LibraryState
  engineFound: boolean
  /** bumped when a model's settings (Atemp) were saved: the checklist is redone */
  swedishVersion?: number
  /** bumped when the carbon and cost settings were saved: the table is recomputed */
  lcaVersion: number
  push: (...t: ToastInput[]) => void
  onStarted: (runs: Run[]) => void
  onFuelsUsed: (fuels: string[]) => void
  onOpenLcaSettings: () => void
  onOpenSwedishSettings?: () => void
  /** the model's settings (Atemp, building type, mapping) */
  onOpenModelSettings?: (modelId: number) => void
  /** a material or window system of the library, opened in its editor */
  onOpenLibraryItem?: (item: 'material' | 'window', id: string) => void
  /** shows a run on the runs screen */
  onShowRun: (runId: number) => void
  /** opens the comparison of two runs (A, B) */
  onCompareRuns?: (a: number, b: number) => void
  /** a menu item or shortcut asks for an export of the selected study (seq changes each time) */
  request?: { action: 'export-results' | 'export-study' | 'import-study'; seq: number } | null
  /** an imported study's files and runs arrived */
  onStudyImported?: (r: StudyImportReport) => void
  /** the saved compute targets a study can be sent to, and Settings > Compute */
  targets: ComputeTarget[]
  onManageTargets: () => void
  /** the list and first table asked for at the click that first showed the screen */
  opening?: StudyOpening | null
}

/** Renovation studies: the scenario builder, the list of studies and the selected study's variant table. */
export function StudiesScreen(p: Props) {
  const { lib, push, onStarted, onFuelsUsed } = p
  // A figure that lacks an input links to where it is entered.
  const openGap = (t: GapTarget) => {
    if (t.kind === 'lca-settings') p.onOpenLcaSettings()
    else if (t.kind === 'swedish-settings') p.onOpenSwedishSettings?.()
    else if (t.kind === 'library') p.onOpenLibraryItem?.(t.item, t.id)
    else if (t.kind === 'model-settings' && table) p.onOpenModelSettings?.(table.study.baseModelId)
  }
  const [builder, setBuilder] = useState<BuilderState>(() => initialBuilder(p.models[0]?.id ?? null, p.weather[0] ? [p.weather[0].id] : []))
  const [creating, setCreating] = useState(false)
  const [target, setTarget] = useState('')
  const [studies, setStudies] = useState<Study[] | null>(null)
  // The builder is unfolded until a study exists, then folds into its "New study…" button so the
  // studies and their results get the screen, as "New run" does on the runs screen.
  const [builderChoice, setBuilderChoice] = useState<boolean | null>(null)
  const builderOpen = builderChoice ?? (studies === null ? null : studies.length === 0)
  const [studiesError, setStudiesError] = useState<string | null>(null)
  const [selectedId, setSelectedId] = useState<number | null>(null)
  const [table, setTable] = useState<WindowStudyTable | null>(null)
  const [tableError, setTableError] = useState<string | null>(null)
  const [loadingTable, setLoadingTable] = useState(false)
  const asked = useRef(0)
  const [exporting, setExporting] = useState<string | null>(null)
  const [selectedRowId, setSelectedRowId] = useState<string | null>(null)
  // The selected variant's IDF changes, shown until closed (they follow the selection).
  const [showChanges, setShowChanges] = useState(false)

  // Keep the builder's model and weather valid as the lists change (an import, a first model).
  useEffect(() => {
    setBuilder((b) => {
      const modelId = b.modelId && p.models.some((m) => m.id === b.modelId) ? b.modelId : (p.models[0]?.id ?? null)
      const weatherIds = b.weatherIds.filter((id) => p.weather.some((w) => w.id === id))
      const w = weatherIds.length || !p.weather[0] ? weatherIds : [p.weather[0].id]
      return modelId === b.modelId && w.length === b.weatherIds.length ? b : { ...b, modelId, weatherIds: w }
    })
  }, [p.models, p.weather])

  // What was asked for at the click is taken once; later loads ask afresh.
  const askedList = useRef(p.opening?.list ?? null)
  const askedFirst = useRef(p.opening?.first ?? null)
  const loadStudies = useCallback(async () => {
    try {
      const asked = askedList.current
      askedList.current = null
      if (!asked) mark('studies:asked')
      const list = (await (asked ?? getStudies())) ?? []
      mark('studies:list')
      setStudies(list)
      setStudiesError(null)
      setSelectedId((id) => id ?? studyToOpen(list))
    } catch (e) {
      setStudiesError(errorMessage(e))
    }
  }, [])

  const ensureLibrary = lib.ensure
  useEffect(() => {
    ensureLibrary()
    void loadStudies()
  }, [ensureLibrary, loadStudies])

  // A method study queues a batch per generation: the list learns of each new batch as any
  // method study moves, so its progress counts every generation's runs.
  useEffect(() => onStudyMethod(() => void loadStudies()), [loadStudies])

  const loadTable = useCallback(async (id: number) => {
    const mine = ++asked.current
    setLoadingTable(true)
    try {
      // The first screenful first, so the table is there at once; then every row. The second
      // call reuses the table the Go side just computed.
      const early = askedFirst.current
      askedFirst.current = null
      const first = await (early && early.id === id ? early.table : getStudyColumns(id, true))
      if (mine !== asked.current) return
      mark('study:first')
      flushSync(() => {
        setTable(first)
        setTableError(null)
      })
      markAfterPaint('study-table:usable')
      if (first.rows.length < first.allRows) {
        const all = await getStudyColumns(id, false)
        if (mine !== asked.current) return
        mark('study:data')
        flushSync(() => setTable(all))
      } else {
        mark('study:data')
      }
    } catch (e) {
      if (mine === asked.current) setTableError(errorMessage(e))
    } finally {
      if (mine === asked.current) setLoadingTable(false)
    }
  }, [])

  useEffect(() => {
    if (selectedId === null) {
      setTable(null)
      return
    }
    rememberStudy(selectedId)
    setTable((t) => (t && t.study.id === selectedId ? t : null))
    void loadTable(selectedId)
  }, [selectedId, p.lcaVersion, loadTable])

  // Runs update through the run events; once a run this table still shows unfinished has ended,
  // fetch the table again for its results (and the deltas and Pareto flags that depend on them).
  // The study's batch summary is pushed whenever one of its runs moves, too: a table that counts
  // fewer finished runs than its batch is behind as well.
  const live = useMemo(() => new Map(p.runs.map((r) => [r.id, r])), [p.runs])
  const batchFinished = (table !== null ? studyProgress(table.study, p.batches)?.finished : 0) ?? 0
  const stale = tableIsStale(table, live) || (table !== null && batchFinished > table.finished)
  useEffect(() => {
    if (!stale || selectedId === null) return
    const t = window.setTimeout(() => void loadTable(selectedId), REFRESH_MS)
    return () => window.clearTimeout(t)
  }, [stale, selectedId, loadTable, batchFinished])

  // A method study (NSGA-II, Morris) says how far it is as it goes; a new generation adds rows.
  const isMethodStudy = Boolean(studies?.find((s) => s.id === selectedId)?.methodJson)
  const method = useStudyMethod(selectedId, isMethodStudy, () => {
    if (selectedId !== null) void loadTable(selectedId)
  })

  useEffect(() => {
    if (table) onFuelsUsed(table.fuelsUsed)
  }, [table, onFuelsUsed])

  // A map, not a search per cell: 10,000 rows name up to four constructions each.
  const names = useMemo(() => {
    const byId = new Map((lib.library?.constructions ?? []).map((v) => [v.construction.id, v.construction.name]))
    return (id: string) => byId.get(id) ?? id
  }, [lib.library])
  const rows = useMemo(() => buildStudyRows(table, names, live), [table, names, live])
  // The table paints first and the scatter of the same rows follows after that paint, so a
  // 10,000-variant study shows its table without waiting for the plot.
  // The scatter waits for every row: a plot of the first screenful would only mislead.
  const complete = table !== null && table.rows.length >= table.allRows
  const chartRows = useAfterPaint(complete ? rows : EMPTY_ROWS)
  const weatherCount = useMemo(() => new Set((table?.rows ?? []).map((r) => r.weatherId)).size, [table])
  const missing = useMemo(() => missingInputs(table), [table])
  // End uses are not in the table (10,000 rows of them are megabytes): the selected variant's
  // and its baseline's come from their runs' details, once each.
  const [endUses, setEndUses] = useState<ReadonlyMap<number, EndUse[] | null>>(() => new Map())
  const endUseRuns = useMemo(() => {
    const row = rows.find((r) => r.id === selectedRowId)
    const base = row ? rows.find((r) => r.baseline && r.weatherId === row.weatherId) : undefined
    return [row, base].filter((r): r is NonNullable<typeof r> => Boolean(r && isSucceeded(r.status))).map((r) => r.runId)
  }, [rows, selectedRowId])
  useEffect(() => {
    const wanted = endUseRuns.filter((id) => !endUses.has(id))
    if (!wanted.length) return
    let live = true
    Promise.all(wanted.map((id) => getRunDetails(id).then((d) => [id, d.results?.endUses ?? null] as const, () => [id, null] as const))).then((got) => {
      if (live) setEndUses((m) => new Map([...m, ...got]))
    })
    return () => {
      live = false
    }
  }, [endUseRuns, endUses])
  const units = useUnitSystem()

  const create = async () => {
    const { spec, problems } = buildSpec(builder)
    if (problems.length) return
    setCreating(true)
    try {
      const onTarget = p.targets.some((t) => t.name === target) ? target : ''
      const info = await createStudy(spec, onTarget)
      onStarted(info.runs ?? [])
      push({
        kind: 'success',
        title: `Study “${info.study.name}” created`,
        message: `${plural(info.variants, 'variant')} and the baseline, ${plural(info.runs?.length ?? 0, 'run')} ${onTarget ? `sent to ${onTarget}` : 'queued'}.`,
      })
      setBuilder((b) => ({ ...b, name: '' }))
      setBuilderChoice(false)
      await loadStudies()
      setSelectedId(info.study.id)
    } catch (e) {
      push({ kind: 'error', title: 'Could not create the study', message: errorMessage(e) })
    } finally {
      setCreating(false)
    }
  }

  const exportSpec = async (s: Study) => {
    try {
      const path = await exportStudySpec(s.id)
      if (path) push({ kind: 'success', title: 'Study spec saved', message: `${path} — run it with: epsm study "${path}"` })
    } catch (e) {
      push({ kind: 'error', title: `Could not export ${s.name}`, message: errorMessage(e) })
    }
  }

  const exportResults = async (s: Study, format: ExportFormat) => {
    setExporting(format)
    try {
      const path = await exportStudyResults(s.id, format)
      if (path) push({ kind: 'success', title: `Results of “${s.name}” exported`, message: `${path} — one row per variant and weather file, units in the headers, blanks explained in the Note column.` })
    } catch (e) {
      push({ kind: 'error', title: `Could not export the results of “${s.name}”`, message: `${errorMessage(e)} Choose another folder or file name and try again.` })
    } finally {
      setExporting(null)
    }
  }

  const exportReport = async (s: Study) => {
    setExporting('report')
    try {
      const path = await exportStudyReport(s.id)
      if (path) push({ kind: 'success', title: `Report of “${s.name}” saved`, message: `${path} — assumptions with their sources, the baseline, every variant's EP_pet, class, carbon and cost, the Pareto scatter, end uses and what is missing.` })
    } catch (e) {
      push({ kind: 'error', title: `Could not write the report of “${s.name}”`, message: `${errorMessage(e)} Choose another folder or a name ending in .html or .pdf and try again.` })
    } finally {
      setExporting(null)
    }
  }

  const exportBundle = async (s: Study) => {
    setExporting('bundle')
    try {
      const path = await exportStudyBundle(s.id)
      if (path) push({ kind: 'success', title: `Study “${s.name}” exported`, message: `${path} — the model, weather files and library items it uses. Another EPSM user imports it with File → Import study…` })
    } catch (e) {
      push({ kind: 'error', title: `Could not export “${s.name}”`, message: `${errorMessage(e)} Choose another folder or file name and try again.` })
    } finally {
      setExporting(null)
    }
  }

  const importStudy = async () => {
    setExporting('import')
    try {
      const r = await chooseAndImportStudy()
      if (!r.info?.study?.id) return // cancelled
      onStarted(r.info.runs ?? [])
      const renamed = (r.library ?? []).filter((n) => n.outcome === 'renamed')
      const added = (r.library ?? []).filter((n) => n.outcome === 'added')
      push({
        kind: 'success',
        title: `Study “${r.info.study.name}” imported`,
        message: `${studyImportSummary(r.info.variants, r.info.runs?.length ?? 0, r.resultsReused ?? 0)} ${added.length ? `${plural(added.length, 'library item')} added. ` : ''}`,
      })
      for (const n of renamed) push({ kind: 'info', title: `Library: ${n.id} kept as yours`, message: n.message })
      p.onStudyImported?.(r)
      await loadStudies()
      setSelectedId(r.info.study.id)
    } catch (e) {
      push({ kind: 'error', title: 'Could not import the study', message: errorMessage(e) })
    } finally {
      setExporting(null)
    }
  }

  const selected = studies?.find((s) => s.id === selectedId) ?? null
  const settings = table?.settings

  // Menu items and shortcuts act on the selected study; without one, say what to do.
  const request = p.request
  const lastRequest = useRef(0)
  useEffect(() => {
    if (!request || request.seq === lastRequest.current || studies === null) return
    lastRequest.current = request.seq
    if (request.action === 'import-study') {
      void importStudy()
      return
    }
    if (!selected) {
      push({ kind: 'info', title: 'No study to export', message: 'Create a study above (or import one with File → Import study…), then export it.' })
      return
    }
    if (request.action === 'export-results') void exportResults(selected, 'csv')
    else void exportBundle(selected)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per request
  }, [request, studies])

  // The pre-study checklist's inputs: the carbon and cost settings, the model's Atemp, and the
  // fuels of the model's last finished run (which the study's runs will use as well).
  const [checkLca, setCheckLca] = useState<LcaSettings | null>(null)
  const [checkModel, setCheckModel] = useState<{ modelId: number; atempM2: number | undefined; fuels: string[] | null } | null>(null)
  useEffect(() => {
    let live = true
    getLcaSettings().then((s) => live && setCheckLca(s), () => undefined)
    return () => {
      live = false
    }
  }, [p.lcaVersion])
  const lastRunOfModel = useMemo(() => {
    let best: RunView | undefined
    for (const r of p.runs) if (r.modelId === builder.modelId && isSucceeded(r.status) && (!best || r.id > best.id)) best = r
    return best?.id
  }, [p.runs, builder.modelId])
  useEffect(() => {
    const modelId = builder.modelId
    if (modelId === null) return
    let live = true
    Promise.all([getModelSettings(modelId).catch(() => null), lastRunOfModel ? getRunDetails(lastRunOfModel).catch(() => null) : Promise.resolve(null)]).then(([m, d]) => {
      if (live) setCheckModel({ modelId, atempM2: m?.settings?.atempM2 ?? undefined, fuels: d?.results ? fuelsOf(d.results.endUses) : null })
    })
    return () => {
      live = false
    }
  }, [builder.modelId, lastRunOfModel, p.swedishVersion])
  const checklist = useMemo(
    () => (builder.modelId !== null && checkModel?.modelId === builder.modelId ? studyChecklist({ state: builder, library: lib.library, lca: checkLca, atempM2: checkModel.atempM2, fuels: checkModel.fuels }) : undefined),
    [builder, lib.library, checkLca, checkModel],
  )
  const openBuilderGap = (t: GapTarget) => {
    if (t.kind === 'model-settings' && builder.modelId !== null) p.onOpenModelSettings?.(builder.modelId)
    else openGap(t)
  }

  const selectedRow = rows.find((r) => r.id === selectedRowId) ?? null
  const selectedBaseline = selectedRow ? rows.find((r) => r.baseline && r.weatherId === selectedRow.weatherId) : undefined
  return (
    <div className="studies-screen" data-testid="studies-screen">
      <StudyBuilder
        models={p.models}
        weather={p.weather}
        library={lib.library}
        libraryError={lib.error}
        state={builder}
        onState={setBuilder}
        busy={creating}
        engineFound={p.engineFound}
        onCreate={() => void create()}
        targets={p.targets}
        target={target}
        onTarget={setTarget}
        onManageTargets={p.onManageTargets}
        checklist={checklist}
        onGap={openBuilderGap}
        open={builderOpen}
        onOpen={setBuilderChoice}
      />

      <div className="studies-layout">
        <section className="panel studies-list" aria-labelledby="studies-heading" data-testid="studies-list">
          <div className="panel-head">
            <h2 id="studies-heading">
              Studies <span className="count">{studies?.length ?? 0}</span>
            </h2>
            <button type="button" className="btn btn-small" onClick={() => void importStudy()} disabled={exporting !== null} data-testid="study-import" title="Import a .epsmstudy file another user exported (Ctrl+Shift+O)">
              {exporting === 'import' ? 'Importing…' : 'Import study…'}
            </button>
          </div>
          {studiesError ? <p className="engine-error">{studiesError}</p> : null}
          {studies && studies.length === 0 ? <p className="empty-note">No study yet. Build one above and press “Create and run”, or import one another user exported (Import study…).</p> : null}
          <ul className="study-items">
            {[...(studies ?? [])].reverse().map((s) => {
              const batch = studyProgress(s, p.batches)
              const on = s.id === selectedId
              return (
                <li key={s.id}>
                  <button type="button" className={`study-item${on ? ' on' : ''}`} aria-current={on ? 'true' : undefined} onClick={() => setSelectedId(s.id)} data-testid={`study-${s.id}`} data-study-id={s.id} data-method={s.methodJson ? 'true' : undefined}>
                    <span className="study-item-name">{s.name}</span>
                    <span className="subtle small">{formatDateTime(s.createdAt)}</span>
                    {batch ? (
                      <span className="study-item-progress">
                        <ProgressBar percent={batch.percent} label={`${batch.finished} of ${batch.total} runs finished`} tone={batch.failed > 0 ? 'warning' : batch.finished === batch.total ? 'success' : 'active'} active={batch.running > 0} />
                        <span className="subtle small" data-testid={`study-${s.id}-runs`}>
                          {batch.finished}/{batch.total}
                          {batch.failed ? ` · ${batch.failed} failed` : ''}
                          {batch.running ? ` · ${clampPercent(batch.percent)}%` : ''}
                        </span>
                      </span>
                    ) : null}
                  </button>
                </li>
              )
            })}
          </ul>
        </section>

        <section className="panel study-results" aria-labelledby="study-results-heading" data-testid="study-results">
          {selected ? (
            <>
              <div className="panel-head">
                <h2 id="study-results-heading">{selected.name}</h2>
                <div className="link-buttons study-actions">
                  <button type="button" className="btn btn-small" onClick={() => void loadTable(selected.id)} disabled={loadingTable} data-testid="study-refresh">
                    {loadingTable ? 'Loading…' : 'Refresh'}
                  </button>
                  <button type="button" className="btn btn-small" onClick={() => void exportResults(selected, 'csv')} disabled={exporting !== null} data-testid="study-export-csv" title="Save the variant table as CSV (Ctrl+E)">
                    {exporting === 'csv' ? 'Exporting…' : 'Export CSV…'}
                  </button>
                  <button type="button" className="btn btn-small" onClick={() => void exportResults(selected, 'xlsx')} disabled={exporting !== null} data-testid="study-export-xlsx" title="Save the variant table as an Excel workbook, with the carbon and cost assumptions on a second sheet">
                    {exporting === 'xlsx' ? 'Exporting…' : 'Export XLSX…'}
                  </button>
                  <button type="button" className="btn btn-small" onClick={() => void exportReport(selected)} disabled={exporting !== null} data-testid="study-report" title="Save the study's report: one self-contained HTML page, or a PDF (name the file .pdf)">
                    {exporting === 'report' ? 'Writing…' : 'Report…'}
                  </button>
                  <button type="button" className="btn btn-small" onClick={() => void exportBundle(selected)} disabled={exporting !== null} data-testid="study-export-bundle" title="Save the study as one .epsmstudy file another EPSM user can import (Ctrl+Shift+E)">
                    {exporting === 'bundle' ? 'Exporting…' : 'Export study…'}
                  </button>
                  <button type="button" className="btn btn-small" onClick={() => void exportSpec(selected)} data-testid="study-export-spec" title="Save the study as a spec file that `epsm study` runs">
                    Export spec…
                  </button>
                </div>
              </div>
              {table ? (
                <div className="study-meta">
                  <span data-testid="study-progress">{progressLine(table)}</span>
                  {settings ? (
                    <span className="subtle">
                      · carbon and cost over {plural(settings.analysisPeriodYears, 'year')}, {settings.currency}, {settings.discountRate ? `${formatRate(settings.discountRate)} discount rate` : 'undiscounted'} ·{' '}
                      <button type="button" className="btn-link" onClick={p.onOpenLcaSettings} data-testid="study-lca-settings">
                        Carbon & cost settings…
                      </button>
                    </span>
                  ) : null}
                </div>
              ) : null}
              {isMethodStudy ? <MethodPanel view={method.view} error={method.error} runs={table ? { finished: table.finished, total: table.total } : undefined} /> : null}
              {missing.length ? (
                <details className="hint hint-warning missing-inputs" data-testid="study-missing-inputs">
                  <summary>
                    Some carbon and cost figures are incomplete (shown as —): {plural(missing.length, 'input')} missing.{' '}
                    <button type="button" className="btn-link" onClick={p.onOpenLcaSettings}>
                      Fill in factors and prices
                    </button>{' '}
                    or the library's GWP and cost.
                  </summary>
                  <ul>
                    {missing.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                </details>
              ) : null}
              {tableError ? (
                <p className="engine-error" role="alert" data-testid="study-table-error">
                  {tableError}
                </p>
              ) : null}
              {table ? (
                <StudyTableView
                  key={selected.id}
                  rows={rows}
                  allRows={table.allRows}
                  weatherCount={weatherCount}
                  currency={settings?.currency ?? ''}
                  onSelectRun={p.onShowRun}
                  selectedId={selectedRowId}
                  onSelectRow={(r) => setSelectedRowId((id) => (id === r.id ? null : r.id))}
                  onShowChanges={(r) => {
                    setSelectedRowId(r.id)
                    setShowChanges(true)
                  }}
                  units={units}
                />
              ) : !tableError ? (
                <p className="subtle">Loading the variant table…</p>
              ) : null}
              {selectedRow ? (
                <p className="study-selection" data-testid="study-selection" data-variant-key={selectedRow.key} data-weather-id={selectedRow.weatherId}>
                  Selected: <strong>{selectedRow.label ? `${selectedRow.label} · ` : ''}{selectedRow.baseline ? 'Baseline (existing constructions)' : selectedRow.name}</strong> with {selectedRow.weatherName}
                  {selectedRow.paretoCarbonCost || selectedRow.paretoEnergyEmbodied
                    ? ` — Pareto-optimal on ${[selectedRow.paretoCarbonCost ? 'life-cycle carbon × cost' : '', selectedRow.paretoEnergyEmbodied ? 'energy × embodied carbon' : ''].filter(Boolean).join(' and ')}`
                    : ' — not on a Pareto front'}
                  .
                </p>
              ) : null}
              {selectedRow ? (
                // The selected variant's actions on one row of their own: beside the sentence they
                // wrapped word by word and pushed the compare picker past the pane's edge.
                <div className="variant-actions" role="toolbar" aria-label="The selected variant" data-testid="study-selection-actions">
                  <button type="button" className="btn btn-small" onClick={() => p.onShowRun(selectedRow.runId)}>
                    Show its run
                  </button>
                  {p.onCompareRuns ? <StudyCompareActions row={selectedRow} rows={rows} onCompare={p.onCompareRuns} /> : null}
                  <button type="button" className="btn btn-small" aria-expanded={showChanges} onClick={() => setShowChanges((on) => !on)} data-testid="study-changes-toggle">
                    {showChanges ? 'Hide the IDF changes' : 'What changed in the IDF'}
                  </button>
                </div>
              ) : null}
              {selectedRow && showChanges ? <VariantChanges variantId={selectedRow.variantId} label={selectedRow.label} onClose={() => setShowChanges(false)} /> : null}
              {selectedRow ? <KpiTiles tiles={kpiTiles(selectedRow, selectedBaseline, units, settings?.currency ?? '')} caption={`${selectedRow.label ? `${selectedRow.label} · ` : ''}${selectedRow.baseline ? 'The baseline' : selectedRow.name} with ${selectedRow.weatherName}${selectedRow.baseline ? '' : ': Δ against the baseline (negative saves)'}`} onGap={openGap} /> : null}
              {table && rows.length ? (
                <StudyCharts rows={chartRows} endUses={endUses} selectedId={selectedRowId} onSelect={setSelectedRowId} currency={settings?.currency ?? ''} method={method.view} />
              ) : null}
              <p className="subtle table-note">
                Δ is variant minus baseline with the same weather file (negative saves). Embodied carbon and investment count the changed elements only (area × per-m² figure); unchanged elements are shown as unchanged. Figures per m² use the base model’s Atemp. ★ marks a Pareto-optimal variant; ▸ shows a row’s constructions; “Columns…” adds the whole-building figures. Double-click a row to
                see its run.
              </p>
            </>
          ) : (
            <p className="empty-note">{studies?.length ? 'Choose a study on the left to see its variants.' : 'The variant table appears here once a study is created: pick a model, weather and constructions above, then “Create and run”.'}</p>
          )}
        </section>
      </div>
    </div>
  )
}

function formatRate(r: number): string {
  return `${Number.parseFloat((r * 100).toPrecision(6))} %`
}
