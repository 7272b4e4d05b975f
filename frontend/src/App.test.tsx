import { render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Runs from '../wailsjs/go/runsvc/Service'
import * as Shell from '../wailsjs/go/desktop/Shell'
import { App } from './App'

// The window's start: the shell is always bound; the other services only when the data folder
// opened. The runtime's events are recorded, not delivered.
vi.mock('../wailsjs/runtime/runtime', () => ({ EventsOn: vi.fn(() => () => {}), OnFileDrop: vi.fn(), OnFileDropOff: vi.fn() }))
vi.mock('../wailsjs/go/desktop/Shell', () => ({
  Problem: vi.fn(async () => ''),
  OpenedFiles: vi.fn(async () => ({ models: [], weather: [], duplicates: [], errors: [] })),
}))
vi.mock('../wailsjs/go/runsvc/Service', () => ({ Overview: vi.fn(async () => ({ runs: [], batches: [], queue: { workers: 2, paused: false, pauseReason: '', queued: [], running: [] } })) }))
vi.mock('../wailsjs/go/computesvc/Service', () => ({ Targets: vi.fn(async () => []) }))
vi.mock('../wailsjs/go/importsvc/Service', () => ({ Files: vi.fn(async () => ({ models: [], weather: [] })) }))
vi.mock('../wailsjs/go/settingsvc/Service', () => ({
  Current: vi.fn(async () => ({ dataDir: '/data', engine: { engine: { path: '/opt/e/energyplus', version: '25.2.0', build: 'cf7', source: 'PATH' }, engines: [], candidates: [], help: '' }, queue: { workers: 2, timeoutMinutes: 0, stallSeconds: 600 } })),
}))

beforeEach(() => {
  ;(window as unknown as { go: unknown }).go = { desktop: { Shell: {} } }
})
afterEach(() => {
  delete (window as unknown as { go?: unknown }).go
  vi.clearAllMocks()
})

describe('App at start', () => {
  it('loads the runs screen once from the services', async () => {
    render(<App />)
    expect(await screen.findByTestId('engine-version')).toHaveTextContent('EnergyPlus 25.2.0')
    expect(screen.getByRole('tab', { name: /Models & runs/ })).toBeInTheDocument()
    expect(Runs.Overview).toHaveBeenCalledTimes(1)
    expect(Shell.OpenedFiles).toHaveBeenCalledTimes(1)
    expect(screen.queryByText('Imported')).not.toBeInTheDocument()
  })

  it('imports the files EPSM was opened with (a double-click in the file manager) and says what went wrong', async () => {
    vi.mocked(Shell.OpenedFiles).mockResolvedValueOnce({
      models: [{ id: 7, name: 'Modell ÅÄÖ (kopia) #2.idf' }],
      weather: [],
      duplicates: [],
      errors: [{ path: '/home/anna/Väder Göteborg/broken.epw', message: 'line 1: not an EPW header' }],
    } as unknown as Awaited<ReturnType<typeof Shell.OpenedFiles>>)
    render(<App />)
    expect(await screen.findByText('Imported')).toBeInTheDocument()
    expect(screen.getByText('1 model')).toBeInTheDocument()
    expect(screen.getByText('Could not import broken.epw')).toBeInTheDocument()
    expect(screen.getByText('line 1: not an EPW header')).toBeInTheDocument()
  })

  it('shows only why the data folder could not be opened, and asks no other service', async () => {
    const why = 'EPSM could not open its data folder: another EPSM (pid 12) is using the data folder /data; close it, or use another folder (EPSM_DATA_DIR or --data-dir)'
    vi.mocked(Shell.Problem).mockResolvedValueOnce(why)
    render(<App />)
    expect(await screen.findByRole('alert')).toHaveTextContent(why)
    expect(screen.queryByRole('tab')).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /Import files/ })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /Try again/ })).not.toBeInTheDocument()
    expect(Runs.Overview).not.toHaveBeenCalled()
    expect(Shell.OpenedFiles).not.toHaveBeenCalled()
  })
})
