import { lazy, Suspense, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react'
import {
  cancelBatch,
  cancelRun,
  chooseAndImport,
  enableFileDrop,
  getFiles,
  getOverview,
  getStartupProblem,
  getOpenedFiles,
  getStudies,
  hasBackend,
  importExample,
  importFiles,
  moveBatchToFront,
  notifyDesktop,
  onBatchSummary,
  onImportDone,
  onMenuAction,
  onQueueState,
  onRunProgress,
  onRunStatus,
  onSourceChanged,
  pauseQueue,
  reimportAndRerun,
  rerunFailed,
  resumeQueue,
  SourceKind,
  startRuns,
  type EngineStatus,
  type ImportReport,
  type Model,
  type QueueLimits,
  type Run,
  type SourceChangedEvent,
  type Study,
  type Weather,
} from './bridge'
import { AboutDialog } from './components/AboutDialog'
import type { BatchAction } from './components/BatchHeader'
import { DropZone } from './components/DropZone'
import { EmptyState } from './components/EmptyState'
import { EngineBanner } from './components/EngineBanner'
import { EngineSettings } from './components/EngineSettings'
import { Header } from './components/Header'
import { ModelList } from './components/ModelList'
import { QueuePanel } from './components/QueuePanel'
import { RunDetail, type DetailTab } from './components/RunDetail'
import type { ComparePair } from './components/CompareView'
import { ModelSettingsDialog } from './components/ModelSettingsDialog'
import { RunForm } from './components/RunForm'
import { RunList } from './components/RunList'
import { Nav, type Screen } from './components/Nav'
import { SettingsPanel, type SettingsTab } from './components/SettingsPanel'
import { useTargets } from './hooks/useTargets'
import { Toasts } from './components/Toasts'
import { WeatherList } from './components/WeatherList'
import { useEngineSettings } from './hooks/useEngineSettings'
import { useFileDrag } from './hooks/useFileDrag'
import { useLibrary } from './hooks/useLibrary'
import { useNow } from './hooks/useNow'
import { useToasts } from './hooks/useToasts'
import type { EngineNotice } from './lib/engine'
import { basename, errorMessage, plural } from './lib/format'
import { activeRuns } from './lib/runs'
import { pickWeatherIds, pruneModelIds, toggleId } from './lib/selection'
import { dataReducer, initialData, modelChanged } from './lib/state'
import { isFinal } from './lib/status'
import { importToasts, reimportToasts, startedToast } from './lib/toasts'
import { orderPair, suggestPartner } from './lib/compare'
import { openStudies, type StudyOpening } from './lib/studyOpening'
import { deliver, finishedText, inBackground, newlyFinished, type Permission } from './lib/notify'
import { deduper, shortcutFor, type ShortcutAction } from './lib/shortcuts'

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)

function pagePermission(): Permission {
  return typeof Notification === 'undefined' ? 'unavailable' : (Notification.permission as Permission)
}

// The library and studies screens bring the table libraries: loaded when first opened.
const loadLibraryScreen = () => import('./components/LibraryScreen').then((m) => ({ default: m.LibraryScreen }))
const loadStudiesScreen = () => import('./components/StudiesScreen').then((m) => ({ default: m.StudiesScreen }))
const LibraryScreen = lazy(loadLibraryScreen)
const StudiesScreen = lazy(loadStudiesScreen)

/**
 * The other screens' code, fetched once the runs screen is up and the window is idle: a click
 * on Studies then starts asking for the study at once instead of first loading and compiling
 * its chunk (about a third of a second with a big study to show).
 */
function prefetchScreens(onStudies: (list: Study[]) => void): () => void {
  // The studies list, too: the click on Studies can then ask for the study it will show.
  const go = () => void Promise.all([loadStudiesScreen(), loadLibraryScreen(), getStudies().then(onStudies)]).catch(() => undefined)
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(go, { timeout: 3000 })
    return () => window.cancelIdleCallback(id)
  }
  const t = window.setTimeout(go, 1000)
  return () => window.clearTimeout(t)
}
const CompareView = lazy(() => import('./components/CompareView').then((m) => ({ default: m.CompareView })))
const loadingScreen = <p className="subtle">Loading…</p>

export function App() {
  const [data, dispatch] = useReducer(dataReducer, initialData)
  const { toasts, push, dismiss } = useToasts()
  const dragging = useFileDrag()
  const [selectedModelIds, setSelectedModelIds] = useState<number[]>([])
  const [weatherIds, setWeatherIds] = useState<number[]>([])
  const [forceAnnual, setForceAnnual] = useState(false)
  const [force, setForce] = useState(false)
  const [batchName, setBatchName] = useState('')
  const [batchBusy, setBatchBusy] = useState<Map<number, BatchAction>>(new Map())
  const [queueBusy, setQueueBusy] = useState<'pause' | 'resume' | null>(null)
  const [reimporting, setReimporting] = useState<Set<number>>(new Set())
  const [reimportingWeather, setReimportingWeather] = useState<Set<number>>(new Set())
  const [settingsOpen, setSettingsOpen] = useState(false)
  const [settingsTab, setSettingsTab] = useState<SettingsTab>('queue')
  // Bumped when the Swedish rules or a model's settings are saved: open figures are read again.
  const [swedishVersion, setSwedishVersion] = useState(0)
  const [modelSettingsFor, setModelSettingsFor] = useState<{ modelId: number; conditionedAreaM2: number | null } | null>(null)
  // A link to a library item (from a figure that lacks its GWP or cost) opens it in the library.
  const [libraryFocus, setLibraryFocus] = useState<{ item: 'material' | 'window'; id: string; seq: number } | null>(null)
  const [runTarget, setRunTarget] = useState('')
  const [keepAll, setKeepAll] = useState(false)
  const [screen, setScreen] = useState<Screen>('runs')
  // Library and Studies stay mounted once opened, so a half-built study or an open editor survives a look at the runs.
  const [visited, setVisited] = useState<Set<Screen>>(() => new Set(['runs']))
  const [fuelsUsed, setFuelsUsed] = useState<string[]>([])
  const [lcaVersion, setLcaVersion] = useState(0)
  const [currency, setCurrency] = useState('SEK')
  const [selectedRunId, setSelectedRunId] = useState<number | null>(null)
  const [tab, setTab] = useState<DetailTab>('results')
  const [importing, setImporting] = useState(false)
  const [starting, setStarting] = useState(false)
  // Once runs exist the New run form folds into a button, so the table and the detail pane get the screen.
  const [formOpen, setFormOpen] = useState(false)
  const [cancelling, setCancelling] = useState<Set<number>>(new Set())
  // Bumped when a run's Results / err / report button is pressed: the detail panel scrolls into view.
  const [reveal, setReveal] = useState(0)
  const firstLoad = useRef(true)
  const [engineOpen, setEngineOpen] = useState(false)
  const [aboutOpen, setAboutOpen] = useState(false)
  // Why EPSM could not open its data folder: then it is all the window shows.
  const [problem, setProblem] = useState('')
  const targets = useTargets(data.loaded && !data.loadError && !problem)
  const [studyRequest, setStudyRequest] = useState<{ action: 'export-results' | 'export-study' | 'import-study'; seq: number } | null>(null)
  const engineOpenRef = useRef(false)
  // The two runs of the open comparison (null: none open).
  const [compare, setCompare] = useState<ComparePair | null>(null)
  useEffect(() => {
    engineOpenRef.current = engineOpen
  }, [engineOpen])

  // Everything the screen shows is read once; after that the Go side pushes what changes.
  // Whether the screen loaded: false when the data folder could not be opened or reading failed.
  const load = useCallback(async (): Promise<boolean> => {
    try {
      // When the data folder could not be opened, no service but the shell is bound: say why.
      const why = await getStartupProblem()
      if (why) {
        setProblem(why)
        return false
      }
      dispatch({ type: 'overview', overview: await getOverview() })
      return true
    } catch (e) {
      dispatch({ type: 'loadError', message: errorMessage(e) })
      return false
    }
  }, [])

  // The models and weather files again, after an import or a change on disk.
  const reloadFiles = useCallback(async () => {
    try {
      dispatch({ type: 'files', files: await getFiles() })
    } catch (e) {
      push({ kind: 'error', title: 'Could not read the imported files', message: errorMessage(e) })
    }
  }, [push])

  const afterImport = useCallback(
    (report: ImportReport) => {
      push(...importToasts(report))
      // Tick what was just imported so that Run is one click away.
      const models = (report.models ?? []).map((m) => m.id)
      if (models.length) setSelectedModelIds((ids) => [...new Set([...ids, ...models])])
      const w = (report.weather ?? []).map((x) => x.id)
      if (w.length) setWeatherIds((ids) => [...new Set([...ids, ...w])])
      void reloadFiles()
    },
    [push, reloadFiles],
  )

  const backend = useMemo(() => hasBackend(), [])
  const lib = useLibrary(backend)

  // Names for the source:changed toast without re-subscribing on every list change.
  const filesRef = useRef<{ models: Model[]; weather: Weather[] }>({ models: [], weather: [] })
  useEffect(() => {
    filesRef.current = { models: data.models, weather: data.weather }
  }, [data.models, data.weather])

  const onSource = useCallback(
    (ev: SourceChangedEvent) => {
      if (ev.kind === SourceKind.Model) dispatch({ type: 'modelChanged', id: ev.id })
      const list: Array<Model | Weather> = ev.kind === SourceKind.Model ? filesRef.current.models : filesRef.current.weather
      const name = list.find((x) => x.id === ev.id)?.name ?? basename(ev.path)
      push({
        kind: 'info',
        title: `${name} changed on disk`,
        message:
          ev.kind === SourceKind.Model
            ? 'Results of its runs describe the version imported before. Use “Re-import and re-run” on the model to bring them up to date.'
            : 'Runs use the copy imported before. Use “Import again” on the weather file to run with the new content.',
      })
      void reloadFiles()
    },
    [push, reloadFiles],
  )

  useEffect(() => {
    if (!backend) {
      dispatch({ type: 'loadError', message: 'Not connected to EPSM: open this page in the EPSM Desktop window (or `wails dev`).' })
      return
    }
    // Subscribed before the load, so nothing pushed meanwhile is missed.
    const offs = [
      onRunProgress((event) => dispatch({ type: 'progress', event })),
      onRunStatus((event) => dispatch({ type: 'status', event })),
      onQueueState((queue) => dispatch({ type: 'queue', queue })),
      onBatchSummary((summary) => dispatch({ type: 'batch', summary })),
      onSourceChanged(onSource),
      onImportDone(afterImport),
      enableFileDrop(),
    ]
    void load().then(async (loaded) => {
      if (!loaded) return
      // The files EPSM was opened with before this page loaded (a double-click on a model in the
      // file manager); files opened from now on arrive as import:done.
      try {
        const opened = await getOpenedFiles()
        if (importToasts(opened).length > 0) afterImport(opened)
      } catch (e) {
        push({ kind: 'error', title: 'Could not import the files EPSM was opened with', message: errorMessage(e) })
      }
    })
    return () => offs.forEach((off) => off())
  }, [backend, load, afterImport, onSource, push])

  // A new engine status updates the header, the banner and the Run button at once. The panel
  // reports what changed itself; from the banner, a toast does (the banner goes away).
  const onEngineStatus = useCallback(
    (engine: EngineStatus, notice: EngineNotice | null) => {
      dispatch({ type: 'engine', engine })
      if (!engineOpenRef.current && notice?.changed) {
        push({ kind: notice.kind, title: notice.kind === 'error' ? 'EnergyPlus engine lost' : 'EnergyPlus engine changed', message: notice.message })
      }
    },
    [push],
  )
  const engineActions = useEngineSettings(data.engine, onEngineStatus)
  const openEngineSettings = () => {
    engineActions.clear()
    setEngineOpen(true)
  }
  const closeEngineSettings = () => {
    engineActions.clear()
    setEngineOpen(false)
  }

  // Keep selections valid as lists change; on first load tick the newest model and weather file.
  // Only the lists matter here: run events arrive before an Overview has a model just imported.
  const runsRef = useRef(data.runs)
  useEffect(() => {
    runsRef.current = data.runs
  }, [data.runs])
  const ready = data.loaded && !data.loadError
  const knownStudies = useRef<Study[] | null>(null)
  useEffect(() => (ready ? prefetchScreens((list) => (knownStudies.current = list)) : undefined), [ready])
  const [studiesOpening, setStudiesOpening] = useState<StudyOpening | null>(null)
  useEffect(() => {
    if (!data.loaded || data.loadError) return
    const first = firstLoad.current
    firstLoad.current = false
    setSelectedModelIds((ids) => {
      const kept = pruneModelIds(ids, data.models)
      if (first && kept.length === 0 && data.models.length > 0) return [data.models[0].id]
      return kept.length === ids.length ? ids : kept
    })
    setWeatherIds((ids) => pickWeatherIds(ids, data.weather, first))
    const runs = runsRef.current
    if (first && runs.length > 0) setSelectedRunId((id) => id ?? runs[0].id)
  }, [data.loaded, data.loadError, data.models, data.weather])

  // Clear "cancelling" once the run has ended.
  useEffect(() => {
    setCancelling((set) => {
      const next = new Set([...set].filter((id) => data.runs.some((r) => r.id === id && !isFinal(r.status))))
      return next.size === set.size ? set : next
    })
  }, [data.runs])

  // The run table's EP_pet and class follow the Swedish rules and model settings: read them again.
  useEffect(() => {
    if (swedishVersion === 0) return
    getOverview()
      .then((overview) => dispatch({ type: 'overview', overview }))
      .catch((e) => push({ kind: 'error', title: 'Could not read the runs again', message: errorMessage(e) }))
  }, [swedishVersion, push])

  const active = activeRuns(data.runs).length > 0
  const now = useNow(active)
  const selectedRun = useMemo(() => data.runs.find((r) => r.id === selectedRunId) ?? null, [data.runs, selectedRunId])

  const doImport = async (fn: () => Promise<ImportReport>) => {
    setImporting(true)
    try {
      afterImport(await fn())
    } catch (e) {
      push({ kind: 'error', title: 'Import failed', message: errorMessage(e) })
    } finally {
      setImporting(false)
    }
  }

  const afterStarted = (runs: Run[] | null | undefined) => {
    const list = runs ?? []
    dispatch({ type: 'started', runs: list })
    if (list.length) {
      setSelectedRunId(list[list.length - 1].id)
      setTab('results')
    }
  }

  const run = async () => {
    if (weatherIds.length === 0) return
    setStarting(true)
    try {
      const onTarget = targets.some((t) => t.name === runTarget) ? runTarget : ''
      const runs = await startRuns({ modelIds: selectedModelIds, weatherId: 0, weatherIds, forceAnnual, designDaysOnly: false, force, name: batchName.trim(), target: onTarget, keepAll })
      afterStarted(runs)
      const t = startedToast(runs, onTarget)
      if (t) push(t)
      setBatchName('')
      setFormOpen(false)
    } catch (e) {
      push({ kind: 'error', title: 'Could not start the runs', message: errorMessage(e) })
    } finally {
      setStarting(false)
    }
  }

  const setBusyFor = (id: number, action: BatchAction | null) =>
    setBatchBusy((m) => {
      const n = new Map(m)
      if (action) n.set(id, action)
      else n.delete(id)
      return n
    })

  const batchAction = async (id: number, action: BatchAction) => {
    setBusyFor(id, action)
    const name = data.batches.find((b) => b.batch.id === id)?.batch.name ?? `batch #${id}`
    try {
      if (action === 'cancel') {
        const ids = data.runs.filter((r) => r.batchId === id && !isFinal(r.status)).map((r) => r.id)
        setCancelling((s) => new Set([...s, ...ids]))
        const n = await cancelBatch(id)
        push({ kind: 'info', title: `Cancelling ${name}`, message: n > 0 ? `${plural(n, 'run')} stopped or taken out of the queue.` : 'Nothing was left to cancel.' })
      } else if (action === 'front') {
        await moveBatchToFront(id)
        push({ kind: 'info', title: `${name} moved to the front`, message: 'Its queued runs start before all others.' })
      } else {
        const runs = await rerunFailed(id)
        dispatch({ type: 'started', runs: runs ?? [] })
        push({
          kind: 'success',
          title: `Re-running ${name}`,
          message: (runs ?? []).length > 0 ? `${plural((runs ?? []).length, 'run')} queued again.` : 'No failed run was left to re-run.',
        })
      }
    } catch (e) {
      const what = action === 'cancel' ? 'cancel' : action === 'front' ? 'move' : 're-run the failed runs of'
      push({ kind: 'error', title: `Could not ${what} ${name}`, message: errorMessage(e) })
    } finally {
      setBusyFor(id, null)
    }
  }

  const queueAction = async (action: 'pause' | 'resume') => {
    setQueueBusy(action)
    try {
      await (action === 'pause' ? pauseQueue() : resumeQueue())
    } catch (e) {
      push({ kind: 'error', title: action === 'pause' ? 'Could not pause the queue' : 'Could not resume the queue', message: errorMessage(e) })
    } finally {
      setQueueBusy(null)
    }
  }

  const reimport = async (m: Model) => {
    setReimporting((s) => new Set(s).add(m.id))
    try {
      const res = await reimportAndRerun(m.id)
      push(...reimportToasts(m.name, res))
      if ((res.runs ?? []).length) afterStarted(res.runs)
      await reloadFiles()
      // Tick the new import instead of the old one, once the lists have it.
      const now = res.import?.models?.[0]
      if (now && now.id !== m.id) setSelectedModelIds((ids) => (ids.includes(m.id) ? [...ids.filter((x) => x !== m.id), now.id] : ids))
    } catch (e) {
      push({ kind: 'error', title: `Could not re-import ${m.name}`, message: errorMessage(e) })
      void reloadFiles()
    } finally {
      setReimporting((s) => {
        const n = new Set(s)
        n.delete(m.id)
        return n
      })
    }
  }

  const reimportWeather = async (w: Weather) => {
    setReimportingWeather((s) => new Set(s).add(w.id))
    try {
      const rep = await importFiles([w.originalPath])
      const now = rep.weather?.[0]
      if (now && now.id !== w.id) setWeatherIds((ids) => (ids.includes(w.id) ? [...ids.filter((x) => x !== w.id), now.id] : ids))
      afterImport(rep)
    } catch (e) {
      push({ kind: 'error', title: `Could not import ${w.name} again`, message: errorMessage(e) })
    } finally {
      setReimportingWeather((s) => {
        const n = new Set(s)
        n.delete(w.id)
        return n
      })
    }
  }

  const openSettings = (tab: SettingsTab = 'queue') => {
    setSettingsTab(tab)
    setSettingsOpen(true)
  }

  const showScreen = (s: Screen) => {
    if (s === 'studies' && !visited.has('studies')) setStudiesOpening(openStudies(knownStudies.current))
    setScreen(s)
    setVisited((v) => (v.has(s) ? v : new Set(v).add(s)))
  }

  const onStudyStarted = (runs: Run[]) => dispatch({ type: 'started', runs })

  const showRun = (runId: number) => {
    showScreen('runs')
    selectRun(runId, 'results')
  }

  const onSettingsSaved = (s: QueueLimits) => dispatch({ type: 'settings', settings: s })

  // "Compare with…" on a run: the suggested partner (the model's previous run) as A, before → after.
  const compareRun = (id: number) => {
    const r = data.runs.find((x) => x.id === id)
    const partner = r ? suggestPartner(r, data.runs) : null
    setCompare(partner ? (([a, b]) => ({ a, b }))(orderPair(partner.id, id)) : { a: null, b: id })
  }

  const cancel = async (id: number) => {
    setCancelling((s) => new Set(s).add(id))
    try {
      await cancelRun(id)
    } catch (e) {
      setCancelling((s) => {
        const n = new Set(s)
        n.delete(id)
        return n
      })
      push({ kind: 'error', title: `Could not cancel run #${id}`, message: errorMessage(e) })
    }
  }

  const selectRun = (id: number, t?: DetailTab) => {
    setSelectedRunId(id)
    if (t) {
      setTab(t)
      setReveal((n) => n + 1)
    }
  }

  // A batch that finishes while the window is in the background gets a desktop notification.
  const seenBatches = useRef<Map<number, boolean> | null>(null)
  useEffect(() => {
    if (!data.loaded) return
    const r = newlyFinished(seenBatches.current ?? new Map(), data.batches)
    const first = seenBatches.current === null
    seenBatches.current = r.seen
    if (first || r.finished.length === 0 || !inBackground(document)) return
    for (const b of r.finished) {
      void deliver(finishedText(b), {
        permission: pagePermission,
        requestPermission: async () => (typeof Notification === 'undefined' ? 'unavailable' : ((await Notification.requestPermission()) as Permission)),
        showPage: (t) => void new Notification(t.title, { body: t.body, tag: `epsm-batch-${b.batch.id}` }),
        showDesktop: (t) => notifyDesktop(t.title, t.body),
      })
    }
  }, [data.loaded, data.batches])

  // Menu items (menu:action events) and keyboard shortcuts share one handler; a menu
  // accelerator and the page's own key handler may both fire for one press.
  const actionRef = useRef<(a: ShortcutAction) => void>(() => {})
  actionRef.current = (a: ShortcutAction) => {
    if (!data.loaded || data.loadError) {
      if (a === 'about') setAboutOpen(true)
      return
    }
    switch (a) {
      case 'import-files':
        void doImport(chooseAndImport)
        break
      case 'about':
        setAboutOpen(true)
        break
      case 'export-results':
      case 'export-study':
      case 'import-study':
        showScreen('studies')
        setStudyRequest((r) => ({ action: a, seq: (r?.seq ?? 0) + 1 }))
        break
      case 'screen-runs':
        showScreen('runs')
        break
      case 'screen-library':
        showScreen('library')
        break
      case 'screen-studies':
        showScreen('studies')
        break
      case 'settings':
        openSettings('queue')
        break
    }
  }
  useEffect(() => {
    if (!backend) return
    const fresh = deduper()
    const run = (a: ShortcutAction | null | undefined) => {
      if (a && fresh(a, performance.now())) actionRef.current(a)
    }
    const onKey = (e: KeyboardEvent) => {
      const a = shortcutFor(e, IS_MAC)
      if (!a) return
      e.preventDefault()
      run(a)
    }
    window.addEventListener('keydown', onKey)
    const off = onMenuAction(run)
    return () => {
      window.removeEventListener('keydown', onKey)
      off()
    }
  }, [backend])

  const empty = data.loaded && !data.loadError && data.models.length === 0 && data.weather.length === 0
  const hasRuns = data.runs.length > 0
  const formShown = !hasRuns || formOpen

  if (problem) {
    return (
      <div className="app">
        <Header engine={null} dataDir="" />
        <section className="banner banner-danger" role="alert" data-testid="startup-problem">
          <p>{problem}</p>
        </section>
      </div>
    )
  }

  return (
    <div className="app">
      <Header engine={data.engine} dataDir={data.dataDir} onEngineSettings={openEngineSettings} onSettings={data.loaded && !data.loadError ? () => openSettings('queue') : undefined} />
      {data.loadError ? (
        <section className="banner banner-danger" role="alert" data-testid="load-error">
          <p>{data.loadError}</p>
          <button type="button" className="btn btn-small" onClick={() => void load()}>
            Try again
          </button>
        </section>
      ) : null}
      {data.engine && !data.engine.engine ? (
        <EngineBanner engine={data.engine} actions={engineActions} onOpenSettings={openEngineSettings} panelOpen={engineOpen} />
      ) : null}
      {data.loaded && !data.loadError ? <Nav screen={screen} onScreen={showScreen} /> : null}
      {/* A load error (the data folder could not be opened) is all the window shows. */}
      {screen === 'runs' && !data.loadError ? (
      <main className={`layout${selectedRun ? ' layout-detail' : ''}`} id="screen-runs" role="tabpanel" aria-labelledby="nav-tab-runs">
        <div className="column inputs">
          <DropZone dragging={dragging} importing={importing} onImport={() => void doImport(chooseAndImport)} onExample={() => void doImport(importExample)} />
          {empty ? <EmptyState busy={importing} onImport={() => void doImport(chooseAndImport)} onExample={() => void doImport(importExample)} /> : null}
          {!empty && data.loaded ? (
            <>
              <ModelList
                models={data.models}
                selected={selectedModelIds}
                engine={data.engine}
                onToggle={(id, on) => setSelectedModelIds((ids) => toggleId(ids, id, on))}
                onSelectAll={(on) => setSelectedModelIds(on ? data.models.map((m) => m.id) : [])}
                isChanged={(m) => modelChanged(data, m)}
                reimporting={reimporting}
                onReimport={(m) => void reimport(m)}
              />
              <WeatherList
                weather={data.weather}
                selected={weatherIds}
                onToggle={(id, on) => setWeatherIds((ids) => toggleId(ids, id, on))}
                onReimport={(w) => void reimportWeather(w)}
                reimporting={reimportingWeather}
              />
            </>
          ) : null}
        </div>
        <div className="column runs">
          {formShown ? (
            <div className="run-form-wrap">
            <RunForm
              models={data.models}
              weather={data.weather}
              selectedModelIds={selectedModelIds}
              weatherIds={weatherIds}
              forceAnnual={forceAnnual}
              force={force}
              keepAll={keepAll}
              onKeepAll={setKeepAll}
              batchName={batchName}
              engine={data.engine}
              busy={starting}
              onWeather={(id, on) => setWeatherIds((ids) => toggleId(ids, id, on))}
              onAllWeather={(on) => setWeatherIds(on ? data.weather.map((w) => w.id) : [])}
              onForceAnnual={setForceAnnual}
              onForce={setForce}
              onBatchName={setBatchName}
              onRun={() => void run()}
              targets={targets}
              target={runTarget}
              onTarget={setRunTarget}
              onManageTargets={() => openSettings('compute')}
            />
              {hasRuns ? (
                <button type="button" className="btn btn-small run-form-close" onClick={() => setFormOpen(false)} data-testid="new-run-close">
                  Close the form
                </button>
              ) : null}
            </div>
          ) : null}
          {data.loaded && !data.loadError ? (
            <QueuePanel
              queue={data.queue}
              runs={data.runs}
              busy={queueBusy}
              onPause={() => void queueAction('pause')}
              onResume={() => void queueAction('resume')}
              onSettings={() => openSettings('queue')}
              onSelectRun={selectRun}
            />
          ) : null}
          <RunList
            runs={data.runs}
            batches={data.batches}
            queue={data.queue}
            selectedId={selectedRunId}
            now={now}
            cancelling={cancelling}
            batchBusy={batchBusy}
            onSelect={selectRun}
            onCancel={(id) => void cancel(id)}
            onBatchAction={(id, action) => void batchAction(id, action)}
            toolbar={
              hasRuns && !formOpen ? (
                <button type="button" className="btn btn-primary btn-small" onClick={() => setFormOpen(true)} data-testid="new-run-open" aria-expanded={false}>
                  New run…
                </button>
              ) : null
            }
          />
        </div>
        {/* Master-detail: the selected run's pane beside the list, scrolling on its own. */}
        {selectedRun ? (
          <div className="column detail-pane" data-testid="detail-pane">
            <RunDetail
              run={selectedRun}
              tab={tab}
              onTab={setTab}
              reveal={reveal}
              swedishVersion={swedishVersion}
              onEditModel={(modelId, conditionedAreaM2) => setModelSettingsFor({ modelId, conditionedAreaM2 })}
              onOpenSwedishSettings={() => openSettings('swedish')}
              onClose={() => setSelectedRunId(null)}
              onCompare={compareRun}
            />
          </div>
        ) : null}
      </main>
      ) : null}
      {visited.has('library') && data.loaded && !data.loadError ? (
        <main className="screen" id="screen-library" role="tabpanel" aria-labelledby="nav-tab-library" hidden={screen !== 'library'}>
          <Suspense fallback={loadingScreen}>
            <LibraryScreen lib={lib} models={data.models} currency={currency} push={push} focus={libraryFocus} />
          </Suspense>
        </main>
      ) : null}
      {visited.has('studies') && data.loaded && !data.loadError ? (
        <main className="screen" id="screen-studies" role="tabpanel" aria-labelledby="nav-tab-studies" hidden={screen !== 'studies'}>
          <Suspense fallback={loadingScreen}>
          <StudiesScreen
            models={data.models}
            weather={data.weather}
            runs={data.runs}
            batches={data.batches}
            lib={lib}
            engineFound={Boolean(data.engine?.engine)}
            lcaVersion={lcaVersion}
            swedishVersion={swedishVersion}
            push={push}
            onStarted={onStudyStarted}
            onFuelsUsed={setFuelsUsed}
            onOpenLcaSettings={() => openSettings('lca')}
            onOpenSwedishSettings={() => openSettings('swedish')}
            onOpenModelSettings={(modelId) => setModelSettingsFor({ modelId, conditionedAreaM2: null })}
            onOpenLibraryItem={(item, id) => {
              setLibraryFocus((f) => ({ item, id, seq: (f?.seq ?? 0) + 1 }))
              showScreen('library')
            }}
            targets={targets}
            onManageTargets={() => openSettings('compute')}
            onShowRun={showRun}
            onCompareRuns={(a, b) => setCompare({ a, b })}
            request={studyRequest}
            onStudyImported={() => void reloadFiles()}
            opening={studiesOpening}
          />
          </Suspense>
        </main>
      ) : null}
      {compare ? (
        <Suspense fallback={null}>
          <CompareView
            key={`${compare.a}-${compare.b}`}
            runs={data.runs}
            initial={compare}
            onClose={() => setCompare(null)}
            onShowRun={(id) => {
              setCompare(null)
              showRun(id)
            }}
          />
        </Suspense>
      ) : null}
      {aboutOpen ? <AboutDialog onClose={() => setAboutOpen(false)} /> : null}
      {engineOpen ? <EngineSettings status={data.engine} actions={engineActions} onClose={closeEngineSettings} /> : null}
      {settingsOpen ? (
        <SettingsPanel
          initial={data.settings}
          onSaved={onSettingsSaved}
          onClose={() => setSettingsOpen(false)}
          initialTab={settingsTab}
          fuelsUsed={fuelsUsed}
          onLcaSaved={(s) => {
            setCurrency(s.currency || 'SEK')
            setLcaVersion((n) => n + 1)
          }}
          onSwedishSaved={() => setSwedishVersion((n) => n + 1)}
        />
      ) : null}
      {modelSettingsFor ? (
        <ModelSettingsDialog
          modelId={modelSettingsFor.modelId}
          modelName={data.models.find((m) => m.id === modelSettingsFor.modelId)?.name ?? `model #${modelSettingsFor.modelId}`}
          conditionedAreaM2={modelSettingsFor.conditionedAreaM2}
          onSaved={() => setSwedishVersion((n) => n + 1)}
          onClose={() => setModelSettingsFor(null)}
        />
      ) : null}
      <Toasts toasts={toasts} onDismiss={dismiss} />
    </div>
  )
}
