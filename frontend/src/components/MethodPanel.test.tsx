import { act, render, screen, waitFor, within } from '@testing-library/react'
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
vi.mock('../../wailsjs/go/studysvc/Service', () => ({ StudyMethod: vi.fn() }))
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

  it('shows a done Morris screening: its summary, chart and ranked factors, “–” where there is no figure', () => {
    render(<MethodPanel view={morris} error={null} />)
    expect(screen.getByTestId('method-progress')).toHaveTextContent('Morris screening: done · 13 variants')
    expect(screen.getByTestId('morris-summary-siteEnergyKWh')).toHaveTextContent(/^Exterior lights matters most/)
    expect(screen.getByTestId('morris-chart-siteEnergyKWh')).toBeInTheDocument()
    const rows = within(screen.getByTestId('morris-table-siteEnergyKWh')).getAllByRole('row').slice(1)
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
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
})
