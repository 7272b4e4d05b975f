import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as Studies from '../../wailsjs/go/studysvc/Service'
import type { MethodView } from '../bridge'
import { useStudyMethod } from '../hooks/useStudyMethod'
import { nsgaView } from '../lib/testmethod'
import { MethodPanel } from './MethodPanel'

// The runtime's events and the bound method, replaced by recorders: a test pushes study:method.
const listeners = new Map<string, Array<(p: unknown) => void>>()
vi.mock('../../wailsjs/runtime/runtime', () => ({
  EventsOn: vi.fn((name: string, cb: (p: unknown) => void) => {
    listeners.set(name, [...(listeners.get(name) ?? []), cb])
    return () => listeners.set(name, (listeners.get(name) ?? []).filter((c) => c !== cb))
  }),
  OnFileDrop: vi.fn(),
  OnFileDropOff: vi.fn(),
}))
vi.mock('../../wailsjs/go/studysvc/Service', () => ({ StudyMethod: vi.fn(), ContinueStudyMethod: vi.fn() }))
vi.mock('./EChart', () => ({ EChart: ({ testId }: { testId?: string }) => <div data-testid={testId} /> }))

const push = (p: unknown) => act(() => (listeners.get('study:method') ?? []).forEach((cb) => cb(p)))

const nsga = nsgaView({ studyId: 3, variants: 41 })

const morris: MethodView = {
  ...nsga,
  kind: 'morris',
  status: 'done',
  generation: 1,
  generations: 1,
  variants: 13,
  fronts: undefined,
  screening: [
    {
      objective: { id: 'siteEnergyKWh', name: 'Annual site energy', unit: 'kWh' },
      effects: [
        { factor: 'Exterior lights', mu: 8760, muStar: 8760, sigma: 0, effects: 3, dropped: 0 },
        { factor: 'roof', mu: -120, muStar: 120, sigma: null, effects: 1, dropped: 0 },
      ],
      summary: 'Exterior lights matters most (mu* 8760), then roof.',
      missing: 0,
    },
  ],
}

const sobol: MethodView = {
  ...morris,
  kind: 'sobol-indices',
  variants: 161,
  screening: undefined,
  objectives: [
    { id: 'siteEnergyKWh', name: 'Annual site energy', unit: 'kWh' },
    { id: 'lifeCycleCost', name: 'Life-cycle cost', unit: 'currency' },
  ],
  indices: [
    {
      objective: { id: 'siteEnergyKWh', name: 'Annual site energy', unit: 'kWh' },
      indices: [
        { factor: 'Exterior lights', s1: 0.912, st: 0.95, s1Conf: 0.08, stConf: 0.11, rows: 32, dropped: 0 },
        { factor: 'roof', s1: 0.01, st: 0.04, s1Conf: null, stConf: 0.02, rows: 30, dropped: 2 },
        { factor: 'window', s1: null, st: null, s1Conf: null, stConf: null, rows: 1, dropped: 31 },
      ],
      summary: 'Exterior lights explains most of the variance (ST 0.95).',
      missing: 2,
      why: 'a run of V17 failed',
    },
    {
      objective: { id: 'lifeCycleCost', name: 'Life-cycle cost', unit: 'currency' },
      indices: [{ factor: 'Exterior lights', s1: null, st: null, s1Conf: null, stConf: null, rows: 0, dropped: 32 }],
      summary: '',
      missing: 160,
      why: 'no investment for roof',
    },
  ],
}

/** The cells of a table's body rows, as the user reads them. */
const cells = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))

function Live({ onMoved }: { onMoved: () => void }) {
  const { view, error } = useStudyMethod(3, true, onMoved)
  return <MethodPanel view={view} error={error} />
}

beforeEach(() => {
  listeners.clear()
  vi.mocked(Studies.StudyMethod).mockReset()
})

describe('MethodPanel', () => {
  it('follows an NSGA-II study as Go pushes its progress, and asks for the new fronts', async () => {
    vi.mocked(Studies.StudyMethod).mockResolvedValueOnce(nsga as never)
    const onMoved = vi.fn()
    render(<Live onMoved={onMoved} />)
    await waitFor(() => expect(screen.getByTestId('method-progress')).toHaveTextContent('NSGA-II: generation 3 of 10 · 41 variants'))
    expect(screen.getByTestId('method-bar')).toHaveAttribute('aria-valuenow', '20')

    vi.mocked(Studies.StudyMethod).mockResolvedValueOnce({ ...nsga, generation: 3, variants: 45, fronts: [...(nsga.fronts ?? []), ['V5']] } as never)
    push({ studyId: 3, kind: 'nsga2', status: 'running', generation: 3, generations: 10, variants: 45 })
    expect(screen.getByTestId('method-progress')).toHaveTextContent('NSGA-II: generation 4 of 10 · 45 variants')
    expect(onMoved).toHaveBeenCalledTimes(1)
    await waitFor(() => expect(Studies.StudyMethod).toHaveBeenCalledTimes(2))

    // Another study's progress leaves this one alone.
    push({ studyId: 9, kind: 'nsga2', status: 'failed', generation: 0, generations: 10, variants: 1 })
    expect(screen.getByTestId('method-panel')).toHaveAttribute('data-status', 'running')
    expect(onMoved).toHaveBeenCalledTimes(1)
  })

  it('shows why a method failed, prominently', async () => {
    vi.mocked(Studies.StudyMethod).mockResolvedValueOnce(nsga as never)
    render(<Live onMoved={() => undefined} />)
    await screen.findByTestId('method-progress')
    vi.mocked(Studies.StudyMethod).mockResolvedValueOnce({ ...nsga, status: 'failed', message: 'objective embodiedKgCO2e of V3: GWP of PIR missing' } as never)
    push({ studyId: 3, kind: 'nsga2', status: 'failed', message: 'objective embodiedKgCO2e of V3: GWP of PIR missing', generation: 2, generations: 10, variants: 41 })
    expect(screen.getByRole('alert')).toHaveTextContent('GWP of PIR missing')
    expect(screen.getByTestId('method-bar')).toHaveClass('progress-danger')
  })

  it('says a method stopped when its runs were cancelled, and Continue asks Go to go on', async () => {
    vi.mocked(Studies.ContinueStudyMethod).mockResolvedValueOnce(undefined as never)
    const stopped = { ...nsga, status: 'stopped', generation: 1, message: '4 run(s) the method waits for were cancelled: continue the study to run them and go on' }
    render(<MethodPanel view={stopped} error={null} />)
    expect(screen.getByTestId('method-progress')).toHaveTextContent('NSGA-II: stopped after 1 generation of 10')
    expect(screen.getByTestId('method-stopped')).toHaveTextContent('were cancelled')
    expect(screen.getByTestId('method-bar')).toHaveClass('progress-warning')
    await userEvent.click(screen.getByTestId('method-continue'))
    expect(Studies.ContinueStudyMethod).toHaveBeenCalledWith(3)
  })

  it('shows a done Morris screening: its summary, chart and ranked factors, “–” where there is no figure', () => {
    render(<MethodPanel view={morris} error={null} />)
    expect(screen.getByTestId('method-progress')).toHaveTextContent('Morris screening: done · 13 variants')
    expect(screen.getByTestId('morris-summary-siteEnergyKWh')).toHaveTextContent(/^Exterior lights matters most/)
    expect(screen.getByTestId('morris-chart-siteEnergyKWh')).toBeInTheDocument()
    expect(cells(screen.getByTestId('morris-table-siteEnergyKWh'))).toEqual([
      ['1', 'Exterior lights', '8,760', '0', '3'],
      ['2', 'roof', '120', '–', '1'],
    ])
  })

  it('says the screening comes once its runs are done, the bar filling by them', () => {
    render(<MethodPanel view={{ ...morris, status: 'running', generation: 0, screening: undefined }} error={null} runs={{ finished: 4, total: 16 }} />)
    expect(screen.getByText(/appears here when the design’s runs are done/)).toBeInTheDocument()
    expect(screen.getByTestId('method-bar')).toHaveAttribute('aria-valuenow', '25')
    expect(screen.queryByTestId('morris-table-siteEnergyKWh')).toBeNull()
  })

  it('shows done Sobol indices per objective: the summary, S1 and ST with their intervals, “–” where Go has none', () => {
    render(<MethodPanel view={sobol} error={null} />)
    expect(screen.getByTestId('method-progress')).toHaveTextContent('Sobol indices: done · 161 variants')
    expect(screen.getByTestId('method-panel')).toHaveAccessibleName('Sobol indices')
    expect(screen.getByTestId('sobol-summary-siteEnergyKWh')).toHaveTextContent('Exterior lights explains most of the variance (ST 0.95).')
    expect(screen.getByTestId('sobol-gap-siteEnergyKWh')).toHaveTextContent('2 points of the design have no value: a run of V17 failed')
    expect(screen.getByTestId('sobol-chart-siteEnergyKWh')).toBeInTheDocument()
    expect(cells(screen.getByTestId('sobol-table-siteEnergyKWh'))).toEqual([
      ['1', 'Exterior lights', '0.91 ± 0.08', '0.95 ± 0.11', '32', '0'],
      ['2', 'roof', '0.01 ± –', '0.04 ± 0.02', '30', '2'],
      ['3', 'window', '–', '–', '1', '31'],
    ])
    // An objective without any index: no empty chart, the reason instead, the factor still listed.
    expect(screen.queryByTestId('sobol-chart-lifeCycleCost')).toBeNull()
    expect(within(screen.getByTestId('sobol-lifeCycleCost')).getByText('No factor has an index to draw.')).toBeInTheDocument()
    expect(screen.getByTestId('sobol-gap-lifeCycleCost')).toHaveTextContent('160 points of the design have no value: no investment for roof')
    expect(cells(screen.getByTestId('sobol-table-lifeCycleCost'))).toEqual([['1', 'Exterior lights', '–', '–', '0', '32']])
    expect(screen.queryByTestId('morris-table-siteEnergyKWh')).toBeNull()
  })

  it('says the Sobol indices come once the design’s runs are done, the bar filling by them', () => {
    render(<MethodPanel view={{ ...sobol, status: 'running', generation: 0, indices: undefined }} error={null} runs={{ finished: 40, total: 160 }} />)
    expect(screen.getByTestId('method-progress')).toHaveTextContent('Sobol indices: running · 161 variants')
    expect(screen.getByText('The indices appear here when the design’s runs are done.')).toBeInTheDocument()
    expect(screen.getByTestId('method-bar')).toHaveAttribute('aria-valuenow', '25')
    expect(screen.queryByTestId('sobol-table-siteEnergyKWh')).toBeNull()
  })
})
