import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react'
import {
  cancelRun,
  chooseAndImport,
  enableFileDrop,
  getOverview,
  hasBackend,
  importExample,
  onImportDone,
  onRunProgress,
  onRunStatus,
  startRuns,
  type EngineStatus,
  type ImportReport,
} from './bridge'
import { DropZone } from './components/DropZone'
import { EmptyState } from './components/EmptyState'
import { EngineBanner } from './components/EngineBanner'
import { EngineSettings } from './components/EngineSettings'
import { Header } from './components/Header'
import { ModelList } from './components/ModelList'
import { RunDetail } from './components/RunDetail'
import { RunForm } from './components/RunForm'
import { RunList } from './components/RunList'
import type { DetailTab } from './components/RunRow'
import { Toasts } from './components/Toasts'
import { WeatherList } from './components/WeatherList'
import { useEngineSettings } from './hooks/useEngineSettings'
import { useFileDrag } from './hooks/useFileDrag'
import { useNow } from './hooks/useNow'
import { useToasts } from './hooks/useToasts'
import type { EngineNotice } from './lib/engine'
import { errorMessage } from './lib/format'
import { activeRuns } from './lib/runs'
import { pickWeatherId, pruneModelIds, toggleId } from './lib/selection'
import { currentEngine, dataReducer, initialData } from './lib/state'
import { isFinal } from './lib/status'
import { importToasts } from './lib/toasts'

const STARTING = 'EPSM is still starting'

export function App() {
  const [data, dispatch] = useReducer(dataReducer, initialData)
  const { toasts, push, dismiss } = useToasts()
  const dragging = useFileDrag()
  const [selectedModelIds, setSelectedModelIds] = useState<number[]>([])
  const [weatherId, setWeatherId] = useState<number | null>(null)
  const [forceAnnual, setForceAnnual] = useState(false)
  const [selectedRunId, setSelectedRunId] = useState<number | null>(null)
  const [tab, setTab] = useState<DetailTab>('results')
  const [importing, setImporting] = useState(false)
  const [starting, setStarting] = useState(false)
  const [cancelling, setCancelling] = useState<Set<number>>(new Set())
  // Bumped when a run's Results / err / report button is pressed: the detail panel scrolls into view.
  const [reveal, setReveal] = useState(0)
  const firstLoad = useRef(true)
  const [engineOpen, setEngineOpen] = useState(false)
  const engineOpenRef = useRef(false)
  useEffect(() => {
    engineOpenRef.current = engineOpen
  }, [engineOpen])

  const reload = useCallback(async () => {
    try {
      dispatch({ type: 'overview', overview: await getOverview() })
    } catch (e) {
      const msg = errorMessage(e)
      dispatch({ type: 'loadError', message: msg })
      // The window can open before the Go side has opened its data folder.
      if (msg.startsWith(STARTING)) window.setTimeout(() => void reload(), 500)
    }
  }, [])

  const afterImport = useCallback(
    (report: ImportReport) => {
      push(...importToasts(report))
      // Tick what was just imported so that Run is one click away.
      const models = (report.models ?? []).map((m) => m.id)
      if (models.length) setSelectedModelIds((ids) => [...new Set([...ids, ...models])])
      const w = report.weather ?? []
      if (w.length) setWeatherId(w[w.length - 1].id)
      void reload()
    },
    [push, reload],
  )

  useEffect(() => {
    if (!hasBackend()) {
      dispatch({ type: 'loadError', message: 'Not connected to EPSM: open this page in the EPSM Desktop window (or `wails dev`).' })
      return
    }
    void reload()
    const offs = [
      onRunProgress((event) => dispatch({ type: 'progress', event })),
      onRunStatus((event) => dispatch({ type: 'status', event })),
      onImportDone(afterImport),
      enableFileDrop(),
    ]
    return () => offs.forEach((off) => off())
  }, [reload, afterImport])

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

  // Keep selections valid as lists change; on first load tick the newest model.
  useEffect(() => {
    if (!data.loaded) return
    const first = firstLoad.current
    firstLoad.current = false
    setSelectedModelIds((ids) => {
      const kept = pruneModelIds(ids, data.models)
      if (first && kept.length === 0 && data.models.length > 0) return [data.models[0].id]
      return kept.length === ids.length ? ids : kept
    })
    setWeatherId((id) => pickWeatherId(id, data.weather))
    if (first && data.runs.length > 0) setSelectedRunId((id) => id ?? data.runs[0].id)
  }, [data.loaded, data.models, data.weather, data.runs])

  // Clear "cancelling" once the run has ended.
  useEffect(() => {
    setCancelling((set) => {
      const next = new Set([...set].filter((id) => data.runs.some((r) => r.id === id && !isFinal(r.status))))
      return next.size === set.size ? set : next
    })
  }, [data.runs])

  const engine = currentEngine(data)
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

  const run = async () => {
    if (weatherId === null) return
    setStarting(true)
    try {
      const runs = await startRuns({ modelIds: selectedModelIds, weatherId, forceAnnual })
      dispatch({ type: 'started', runs })
      if (runs.length) {
        setSelectedRunId(runs[runs.length - 1].id)
        setTab('results')
      }
    } catch (e) {
      push({ kind: 'error', title: 'Could not start the runs', message: errorMessage(e) })
    } finally {
      setStarting(false)
    }
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

  const empty = data.loaded && !data.loadError && data.models.length === 0 && data.weather.length === 0

  return (
    <div className="app">
      <Header engine={data.engine} dataDir={data.dataDir} onEngineSettings={openEngineSettings} />
      {data.loadError ? (
        <section className="banner banner-danger" role="alert" data-testid="load-error">
          <p>{data.loadError}</p>
          <button type="button" className="btn btn-small" onClick={() => void reload()}>
            Try again
          </button>
        </section>
      ) : null}
      {data.engine && !data.engine.engine ? (
        <EngineBanner engine={data.engine} actions={engineActions} onOpenSettings={openEngineSettings} panelOpen={engineOpen} />
      ) : null}
      <main className="layout">
        <div className="column inputs">
          <DropZone dragging={dragging} importing={importing} onImport={() => void doImport(chooseAndImport)} onExample={() => void doImport(importExample)} />
          {empty ? <EmptyState busy={importing} onImport={() => void doImport(chooseAndImport)} onExample={() => void doImport(importExample)} /> : null}
          {!empty && data.loaded ? (
            <>
              <ModelList
                models={data.models}
                selected={selectedModelIds}
                engine={engine}
                onToggle={(id, on) => setSelectedModelIds((ids) => toggleId(ids, id, on))}
                onSelectAll={(on) => setSelectedModelIds(on ? data.models.map((m) => m.id) : [])}
              />
              <WeatherList weather={data.weather} selectedId={weatherId} onSelect={setWeatherId} />
            </>
          ) : null}
        </div>
        <div className="column runs">
          <RunForm
            models={data.models}
            weather={data.weather}
            selectedModelIds={selectedModelIds}
            weatherId={weatherId}
            forceAnnual={forceAnnual}
            engineFound={engine !== null}
            busy={starting}
            onWeather={setWeatherId}
            onForceAnnual={setForceAnnual}
            onRun={() => void run()}
          />
          <RunList runs={data.runs} selectedId={selectedRunId} now={now} cancelling={cancelling} onSelect={selectRun} onCancel={(id) => void cancel(id)} />
          {selectedRun ? <RunDetail run={selectedRun} tab={tab} onTab={setTab} reveal={reveal} /> : null}
        </div>
      </main>
      {engineOpen ? <EngineSettings status={data.engine} actions={engineActions} onClose={closeEngineSettings} /> : null}
      <Toasts toasts={toasts} onDismiss={dismiss} />
    </div>
  )
}
