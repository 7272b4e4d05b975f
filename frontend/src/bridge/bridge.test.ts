import { beforeEach, describe, expect, it, vi } from 'vitest'

// The generated runtime and bindings call into window.runtime / window.go, which only exist in
// the Wails window: replace them with recorders.
const listeners = new Map<string, Array<(...a: unknown[]) => void>>()
const off = vi.fn()
vi.mock('../../wailsjs/runtime/runtime', () => ({
  EventsOn: vi.fn((name: string, cb: (...a: unknown[]) => void) => {
    listeners.set(name, [...(listeners.get(name) ?? []), cb])
    return off
  }),
  OnFileDrop: vi.fn(),
  OnFileDropOff: vi.fn(),
}))
vi.mock('../../wailsjs/go/desktop/Shell', () => ({
  Problem: vi.fn(async () => ''),
  Notify: vi.fn(async () => undefined),
  SaveChartImage: vi.fn(async () => '/home/u/chart.png'),
}))
vi.mock('../../wailsjs/go/runsvc/Service', () => ({
  Overview: vi.fn(async () => ({ runs: [{ id: 1 }], batches: [], queue: { workers: 4, paused: false, pauseReason: '', queued: [3, 2], running: [1] } })),
  StartRuns: vi.fn(async (req: unknown) => [req]),
  ReadErrFile: vi.fn(async (id: number) => `err of ${id}`),
  CancelRun: vi.fn(async () => undefined),
  PauseQueue: vi.fn(async () => undefined),
  ResumeQueue: vi.fn(async () => undefined),
  CancelBatch: vi.fn(async () => 5),
  MoveBatchToFront: vi.fn(async () => undefined),
  RerunFailed: vi.fn(async (id: number) => [{ id: 10, batchId: id, status: 'queued' }]),
  RunDetails: vi.fn(async () => ({ run: { id: 3 }, results: null })),
  RunMeters: vi.fn(async () => ({ runId: 3, meters: [], reason: 'no hourly meters' })),
  MeterSeries: vi.fn(async () => ({ name: 'Electricity:Facility', units: 'kWh', month: [], day: [], hour: [], values: [], total: 0 })),
}))
vi.mock('../../wailsjs/go/importsvc/Service', () => ({
  Files: vi.fn(async () => ({ models: [{ id: 9 }], weather: [] })),
  ImportFiles: vi.fn(async () => ({ models: [], weather: [], duplicates: [], errors: [] })),
  ReimportAndRerun: vi.fn(async () => ({ import: { models: [{ id: 9 }] }, runs: [] })),
}))
vi.mock('../../wailsjs/go/settingsvc/Service', () => ({
  Current: vi.fn(async () => ({ dataDir: '/d', engine: { engine: null, engines: [], candidates: [], help: '' }, queue: { workers: 8, timeoutMinutes: 0, stallSeconds: 600 } })),
  QueueLimits: vi.fn(async () => ({ workers: 8, timeoutMinutes: 0, stallSeconds: 600 })),
  SaveQueueLimits: vi.fn(async (s: unknown) => s),
  RediscoverEngines: vi.fn(async () => ({ engine: null, engines: [], candidates: [], help: 'install it' })),
  SetEnginePath: vi.fn(async (path: string) => ({ engine: { path, version: '25.2.0', build: 'cf7', source: 'app settings' }, engines: [], candidates: [], help: '' })),
  ChooseEngine: vi.fn(async () => ({ engine: null, engines: [], candidates: [], help: '' })),
}))
vi.mock('../../wailsjs/go/librarysvc/Service', () => ({
  Library: vi.fn(async () => ({ materials: [], windows: [], constructions: [], problems: [], attribution: '# sources' })),
  PreviewConstruction: vi.fn(async (c: unknown) => ({ construction: c, figures: null, error: 'construction c: layer 1 (x): thickness must not be negative, not -0.1 m' })),
  SaveMaterial: vi.fn(async () => ({ materials: [{ id: 'm' }] })),
  SaveWindowSystem: vi.fn(async () => ({ windows: [{ id: 'w' }] })),
  SaveConstruction: vi.fn(async () => ({ constructions: [] })),
  DuplicateConstruction: vi.fn(async () => ({ constructions: [] })),
  DeleteMaterial: vi.fn(async () => ({})),
  DeleteWindowSystem: vi.fn(async () => ({})),
  DeleteConstruction: vi.fn(async () => ({})),
  ImportLibraryFromModel: vi.fn(async () => ({ problems: [] })),
  ExportLibraryCSV: vi.fn(async () => '/home/u/lib'),
  ImportLibraryCSV: vi.fn(async () => ({ materials: [] })),
  ModelTakeoff: vi.fn(async () => ({ windowWallRatio: 0.25 })),
}))
vi.mock('../../wailsjs/go/studysvc/Service', () => ({
  EstimateStudy: vi.fn(async () => ({ variants: 53, runs: 54, seconds: 0, hasTime: false })),
  CreateStudyOn: vi.fn(async () => ({ study: { id: 2 }, variants: 53, runs: [] })),
  Studies: vi.fn(async () => [{ id: 2, name: 's' }]),
  StudyTable: vi.fn(async (id: number) => ({ study: { id }, rows: [], finished: 0, total: 0 })),
  ExportStudySpec: vi.fn(async () => '/home/u/study.json'),
  GetLCASettings: vi.fn(async () => ({ currency: 'SEK', fuels: {} })),
  SaveLCASettings: vi.fn(async (s: unknown) => s),
  CheckLCASettings: vi.fn(async () => null),
}))

import * as runtime from '../../wailsjs/runtime/runtime'
import * as Shell from '../../wailsjs/go/desktop/Shell'
import * as Imports from '../../wailsjs/go/importsvc/Service'
import * as Library from '../../wailsjs/go/librarysvc/Service'
import * as Runs from '../../wailsjs/go/runsvc/Service'
import * as Settings from '../../wailsjs/go/settingsvc/Service'
import * as Studies from '../../wailsjs/go/studysvc/Service'
import { events, lca, library, runsvc, settingsvc, sim, study } from '../../wailsjs/go/models'
import {
  checkLcaSettings,
  createStudy,
  deleteConstruction,
  deleteMaterial,
  deleteWindowSystem,
  duplicateConstruction,
  estimateStudy,
  exportLibraryCSV,
  exportStudySpec,
  getLcaSettings,
  getLibrary,
  getModelTakeoff,
  getStudies,
  getStudyTable,
  importLibraryCSV,
  importLibraryFromModel,
  previewConstruction,
  saveConstruction,
  saveLcaSettings,
  saveMaterial,
  saveWindowSystem,
  cancelBatch,
  cancelRun,
  chooseEngine,
  getOverview,
  getQueueLimits,
  getStartupProblem,
  moveBatchToFront,
  pauseQueue,
  readErrFile,
  rediscoverEngines,
  reimportAndRerun,
  reportUrl,
  rerunFailed,
  resumeQueue,
  saveQueueLimits,
  setEnginePath,
  startRuns,
} from './api'
import { enableFileDrop, onBatchSummary, onImportDone, onMenuAction, onQueueState, onRunProgress, onRunStatus, onSourceChanged } from './api'
import { EventName, FailureKind, RunStatus, type LcaSettings, type RunProgressEvent, type Spec } from './types'
import { construction, material, windowSystem } from '../lib/testlibrary'

beforeEach(() => {
  listeners.clear()
  vi.clearAllMocks()
})

describe('events', () => {
  it.each([
    ['onRunProgress', onRunProgress, 'run:progress'],
    ['onRunStatus', onRunStatus, 'run:status'],
    ['onImportDone', onImportDone, 'import:done'],
    ['onQueueState', onQueueState, 'queue:state'],
    ['onBatchSummary', onBatchSummary, 'batch:summary'],
    ['onSourceChanged', onSourceChanged, 'source:changed'],
  ] as const)('%s listens to %s and passes the payload on', (_, subscribe, name) => {
    const got: unknown[] = []
    const unsubscribe = (subscribe as (cb: (p: unknown) => void) => () => void)((p) => got.push(p))
    expect(listeners.has(name)).toBe(true)
    listeners.get(name)![0]({ runId: 7 })
    expect(got).toEqual([{ runId: 7 }])
    unsubscribe()
    expect(off).toHaveBeenCalledTimes(1)
  })

  it('uses the names of the generated enum, which mirror the Go constants', () => {
    expect(EventName).toBe(events.Name)
    expect([EventName.RunProgress, EventName.RunStatus, EventName.ImportDone, EventName.QueueState, EventName.BatchSummary, EventName.SourceChanged]).toEqual([
      'run:progress',
      'run:status',
      'import:done',
      'queue:state',
      'batch:summary',
      'source:changed',
    ])
  })

  it('exports the generated status and failure-kind enums', () => {
    expect(RunStatus).toBe(sim.Status)
    expect(FailureKind).toBe(sim.FailureKind)
    expect([RunStatus.SucceededSevere, FailureKind.VersionMismatch, FailureKind.None]).toEqual(['succeeded-with-severe', 'version-mismatch', ''])
  })

  it('passes known menu actions on and drops unknown ones', () => {
    const got: string[] = []
    onMenuAction((a) => got.push(a))
    const send = listeners.get('menu:action')![0]
    send({ action: 'about' })
    send({ action: 'format-disk' })
    send(null)
    expect(got).toEqual(['about'])
  })

  it('types progress payloads', () => {
    let last: RunProgressEvent | null = null
    onRunProgress((p) => (last = p))
    listeners.get('run:progress')![0]({ runId: 3, status: 'running', progress: { percent: 12 }, warnings: 1, severe: 0, lastLine: '' })
    expect(last!.progress.percent).toBe(12)
  })

  it('registers the runtime drop listener without a drop target and without importing', () => {
    const remove = enableFileDrop()
    expect(runtime.OnFileDrop).toHaveBeenCalledWith(expect.any(Function), false)
    remove()
    expect(runtime.OnFileDropOff).toHaveBeenCalled()
  })
})

describe('api', () => {
  it('restores the study table\'s interned missing notes', async () => {
    vi.mocked(Studies.StudyTable).mockResolvedValueOnce({
      study: { id: 3 },
      missingText: ['Electricity price', 'GWP of xps_29'],
      rows: [
        { name: 'a', lca: { lifeCycleCost: { value: 0, complete: false, missing: ['0', '1'] }, savings: { energyCostPerYear: { missing: ['0'] } } } },
        { name: 'b', lca: { embodiedKgCO2e: { value: 5, complete: true } } },
      ],
    } as never)
    const t = await getStudyTable(3)
    const rows = t.rows as unknown as { lca: Record<string, { missing?: string[]; energyCostPerYear?: { missing: string[] } }> }[]
    expect(rows[0].lca.lifeCycleCost.missing).toEqual(['Electricity price', 'GWP of xps_29'])
    expect(rows[0].lca.savings.energyCostPerYear?.missing).toEqual(['Electricity price'])
    expect(rows[1].lca.embodiedKgCO2e.missing).toBeUndefined()
    expect(t.missingText).toBeUndefined()
  })

  it('sends a RunRequest built from plain data', async () => {
    const req = { modelIds: [1, 2], weatherId: 3, weatherIds: [], forceAnnual: true, designDaysOnly: false, force: false, name: '' }
    await startRuns(req)
    const arg = vi.mocked(Runs.StartRuns).mock.calls[0][0]
    expect(arg).toBeInstanceOf(runsvc.RunRequest)
    expect({ ...arg }).toEqual(req)
  })

  it('sends several weather files, force and a batch name', async () => {
    await startRuns({ modelIds: [1, 2], weatherId: 0, weatherIds: [3, 4], forceAnnual: false, designDaysOnly: false, force: true, name: 'study A' })
    const arg = vi.mocked(Runs.StartRuns).mock.calls[0][0]
    expect(arg).toBeInstanceOf(runsvc.RunRequest)
    expect({ ...arg }).toMatchObject({ modelIds: [1, 2], weatherIds: [3, 4], force: true, name: 'study A' })
  })

  it('passes queue and batch calls through to Go', async () => {
    await pauseQueue()
    await resumeQueue()
    expect(Runs.PauseQueue).toHaveBeenCalledTimes(1)
    expect(Runs.ResumeQueue).toHaveBeenCalledTimes(1)
    expect(await cancelBatch(4)).toBe(5)
    expect(Runs.CancelBatch).toHaveBeenCalledWith(4)
    await moveBatchToFront(4)
    expect(Runs.MoveBatchToFront).toHaveBeenCalledWith(4)
    expect((await rerunFailed(4))[0].batchId).toBe(4)
    expect((await reimportAndRerun(2)).import.models?.[0].id).toBe(9)
    expect(Imports.ReimportAndRerun).toHaveBeenCalledWith(2)
  })

  it('loads the runs screen once, from the three services that own its parts', async () => {
    const o = await getOverview()
    expect(Runs.Overview).toHaveBeenCalledTimes(1)
    expect(Imports.Files).toHaveBeenCalledTimes(1)
    expect(Settings.Current).toHaveBeenCalledTimes(1)
    expect(o.runs.queue.queued).toEqual([3, 2])
    expect(o.files.models[0].id).toBe(9)
    expect(o.settings.dataDir).toBe('/d')
  })

  it('asks the shell why the data folder could not be opened', async () => {
    expect(await getStartupProblem()).toBe('')
    vi.mocked(Shell.Problem).mockResolvedValueOnce('EPSM could not open its data folder: permission denied')
    expect(await getStartupProblem()).toMatch(/could not open its data folder/)
  })

  it('sends queue limits as the generated class and passes Go refusals on', async () => {
    expect((await getQueueLimits()).stallSeconds).toBe(600)
    await saveQueueLimits({ workers: 2, timeoutMinutes: 30, stallSeconds: 60 })
    const arg = vi.mocked(Settings.SaveQueueLimits).mock.calls[0][0]
    expect(arg).toBeInstanceOf(settingsvc.QueueLimits)
    expect({ ...arg }).toEqual({ workers: 2, timeoutMinutes: 30, stallSeconds: 60 })
    vi.mocked(Settings.SaveQueueLimits).mockRejectedValueOnce('a stall limit of 2 s would kill healthy runs: use at least 5 s, or 0 for none')
    await expect(saveQueueLimits({ workers: 2, timeoutMinutes: 0, stallSeconds: 2 })).rejects.toMatch(/stall limit of 2 s/)
  })

  it('passes ids and results through', async () => {
    expect(await readErrFile(5)).toBe('err of 5')
    expect(Runs.ReadErrFile).toHaveBeenCalledWith(5)
    await cancelRun(9)
    expect(Runs.CancelRun).toHaveBeenCalledWith(9)
  })

  it('passes engine settings calls through to Go', async () => {
    expect((await rediscoverEngines()).help).toBe('install it')
    expect(Settings.RediscoverEngines).toHaveBeenCalledTimes(1)
    const s = await setEnginePath('/opt/e/energyplus')
    expect(Settings.SetEnginePath).toHaveBeenCalledWith('/opt/e/energyplus')
    expect(s.engine?.source).toBe('app settings')
    await setEnginePath('')
    expect(Settings.SetEnginePath).toHaveBeenLastCalledWith('')
    await chooseEngine()
    expect(Settings.ChooseEngine).toHaveBeenCalledTimes(1)
  })

  it('passes the Go error of a rejected engine path on', async () => {
    vi.mocked(Settings.SetEnginePath).mockRejectedValueOnce('/tmp/x is not a working EnergyPlus: exit status 1')
    await expect(setEnginePath('/tmp/x')).rejects.toBe('/tmp/x is not a working EnergyPlus: exit status 1')
  })

  it('points at the report the Go side serves', () => {
    expect(reportUrl(12)).toBe('/runfiles/12/eplustbl.htm')
  })
})

describe('library, study and LCA calls', () => {
  it('sends library items as the generated classes, blanks as null', async () => {
    const m = material({ costPerM2: null })
    await saveMaterial(m)
    const sent = vi.mocked(Library.SaveMaterial).mock.calls[0][0]
    expect(sent).toBeInstanceOf(library.Material)
    expect(sent.costPerM2).toBeNull()
    expect(JSON.parse(JSON.stringify(sent))).toEqual(m)
    await saveWindowSystem(windowSystem())
    expect(vi.mocked(Library.SaveWindowSystem).mock.calls[0][0]).toBeInstanceOf(library.WindowSystem)
    const c = construction()
    await saveConstruction(c)
    const sc = vi.mocked(Library.SaveConstruction).mock.calls[0][0]
    expect(sc).toBeInstanceOf(library.Construction)
    expect(JSON.parse(JSON.stringify(sc))).toEqual(c)
  })

  it('resolves a preview of an invalid construction with its problems', async () => {
    const v = await previewConstruction(construction({ layers: [{ materialId: 'x', thicknessM: -0.1, existing: false }] }))
    expect(vi.mocked(Library.PreviewConstruction).mock.calls[0][0]).toBeInstanceOf(library.Construction)
    expect(v.error).toMatch(/must not be negative/)
  })

  it('passes ids through and Go refusals on', async () => {
    await duplicateConstruction('etics', 'etics_copy', 'ETICS (copy)')
    expect(Library.DuplicateConstruction).toHaveBeenCalledWith('etics', 'etics_copy', 'ETICS (copy)')
    await deleteConstruction('etics')
    expect(Library.DeleteConstruction).toHaveBeenCalledWith('etics')
    await deleteWindowSystem('w')
    expect(Library.DeleteWindowSystem).toHaveBeenCalledWith('w')
    vi.mocked(Library.DeleteMaterial).mockRejectedValueOnce('material "brick" is used by construction etics: remove it from them first: in use')
    await expect(deleteMaterial('brick')).rejects.toMatch(/is used by construction etics/)
    await importLibraryFromModel(4)
    expect(Library.ImportLibraryFromModel).toHaveBeenCalledWith(4)
    expect(await exportLibraryCSV()).toBe('/home/u/lib')
    expect((await importLibraryCSV()).materials).toEqual([])
    expect((await getLibrary()).attribution).toBe('# sources')
    expect((await getModelTakeoff(3)).windowWallRatio).toBe(0.25)
    expect(Library.ModelTakeoff).toHaveBeenCalledWith(3)
  })

  it('sends a spec as the generated class', async () => {
    const spec: Spec = { name: 'A', model: '', modelId: 1, weather: [], weatherIds: [2], options: { wall: ['keep', 'etics'] }, sampling: { mode: 'list', n: 0, seed: 0, packages: [{ wall: 'etics' }] }, forceAnnual: false, designDaysOnly: true }
    expect((await estimateStudy(spec)).variants).toBe(53)
    const sent = vi.mocked(Studies.EstimateStudy).mock.calls[0][0]
    expect(sent).toBeInstanceOf(study.Spec)
    expect(sent.sampling).toBeInstanceOf(study.Sampling)
    expect(JSON.parse(JSON.stringify(sent))).toEqual(spec)
    await createStudy(spec)
    expect(vi.mocked(Studies.CreateStudyOn).mock.calls[0][0]).toBeInstanceOf(study.Spec)
    expect(vi.mocked(Studies.CreateStudyOn).mock.calls[0][1]).toBe('')
    expect((await getStudies())[0].id).toBe(2)
    expect((await getStudyTable(2)).study.id).toBe(2)
    expect(await exportStudySpec(2)).toBe('/home/u/study.json')
    expect(Studies.ExportStudySpec).toHaveBeenCalledWith(2)
  })

  it('saves LCA settings without touching the form state it was given', async () => {
    const s: LcaSettings = {
      fuels: { Electricity: { kgCO2ePerKWh: 0.059, carbonSource: 'IVL', pricePerKWh: null, priceSource: '' } },
      currency: 'SEK',
      currencySource: '',
      analysisPeriodYears: 50,
      analysisPeriodSource: '',
      discountRate: 0,
      discountRateSource: '',
    }
    const before = JSON.stringify(s)
    await saveLcaSettings(s)
    const sent = vi.mocked(Studies.SaveLCASettings).mock.calls[0][0]
    expect(sent).toBeInstanceOf(lca.Settings)
    expect(sent.fuels.Electricity).toBeInstanceOf(lca.Fuel)
    expect(Object.getPrototypeOf(s.fuels!.Electricity)).toBe(Object.prototype)
    expect(JSON.stringify(s)).toBe(before)
    expect(JSON.parse(JSON.stringify(sent))).toEqual(s)
    expect((await getLcaSettings()).currency).toBe('SEK')
  })

  it("checks LCA settings with Go's rules: no problem (Go's nil) is an empty list, a problem keeps its field", async () => {
    const s: LcaSettings = { fuels: {}, currency: '', currencySource: '', analysisPeriodYears: 50, analysisPeriodSource: '', discountRate: 0, discountRateSource: '' }
    expect(await checkLcaSettings(s)).toEqual([])
    expect(vi.mocked(Studies.CheckLCASettings).mock.calls[0][0]).toBeInstanceOf(lca.Settings)
    vi.mocked(Studies.CheckLCASettings).mockResolvedValueOnce([{ field: 'currency', message: 'currency is empty' }])
    expect(await checkLcaSettings(s)).toEqual([{ field: 'currency', message: 'currency is empty' }])
  })
})
