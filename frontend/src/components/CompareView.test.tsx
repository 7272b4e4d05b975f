import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as Runs from '../../wailsjs/go/runsvc/Service'
import { comparison, results, side } from '../lib/testcompare'
import { run } from '../lib/testdata'
import { CompareView } from './CompareView'

vi.mock('../../wailsjs/go/runsvc/Service', () => ({ CompareRuns: vi.fn() }))
// ECharts needs a canvas jsdom lacks: the chart's option is tested in lib/compare.test.ts.
vi.mock('./EChart', () => ({ EChart: ({ testId }: { testId?: string }) => <div data-testid={testId} /> }))

const runs = [1, 2, 3].map((id) => ({ ...run({ id, status: 'succeeded', modelName: `m${id}.idf`, weatherName: 'Chicago.epw' }) }))

beforeEach(() => {
  vi.mocked(Runs.CompareRuns).mockReset()
  vi.mocked(Runs.CompareRuns).mockImplementation(async (a: number, b: number) => {
    const sides: Record<number, ReturnType<typeof side>> = {
      1: side(1, { messages: [{ kind: 'warning', text: 'only in one', count: 1 }] }),
      2: side(2, { results: results({ totalSiteKWh: 75000 }) }),
      3: side(3, { results: null, status: 'fatal', headline: 'Fatal: input errors' }),
    }
    return comparison(sides[a], sides[b]) as never
  })
})

const cell = (id: string) => screen.getByTestId(id).textContent

describe('CompareView', () => {
  it('shows A | B | Δ from Go’s figures, and swapping A and B turns the sign', async () => {
    render(<CompareView runs={runs} initial={{ a: 1, b: 2 }} onClose={() => {}} />)
    await screen.findByTestId('compare-body')
    expect(Runs.CompareRuns).toHaveBeenCalledWith(1, 2)
    expect(cell('compare-row-site-energy-a-value')).toBe('100,000')
    expect(cell('compare-row-site-energy-b-value')).toBe('75,000')
    expect(cell('compare-row-site-energy-delta')).toBe('\u221225,000')
    expect(cell('compare-row-site-energy-pct')).toBe('\u221225.0 %')
    expect(screen.getByTestId('compare-row-site-energy-delta')).toHaveClass('delta-better')
    expect(cell('compare-model-a')).toBe('m1.idf')
    expect(cell('compare-engine-b')).toBe('EnergyPlus 25.2.0 (model version 25.2)')
    expect(within(screen.getByTestId('compare-only-a')).getByText('only in one')).toBeInTheDocument()
    expect(screen.getByTestId('compare-enduses')).toHaveAttribute('data-basis', 'carrier')
    expect(await screen.findByTestId('compare-monthly-chart')).toBeInTheDocument()
    expect(screen.getByTestId('compare-enduse-chart')).toBeInTheDocument()

    await userEvent.click(screen.getByTestId('compare-swap'))
    await waitFor(() => expect(Runs.CompareRuns).toHaveBeenLastCalledWith(2, 1))
    await waitFor(() => expect(cell('compare-row-site-energy-delta')).toBe('+25,000'))
    expect(screen.getByTestId('compare-row-site-energy-delta')).toHaveClass('delta-worse')
    expect(within(screen.getByTestId('compare-only-b')).getByText('only in one')).toBeInTheDocument()
  })

  it('shows a failed run’s figures as missing with the reason, and how it ended', async () => {
    render(<CompareView runs={runs} initial={{ a: 1, b: 3 }} onClose={() => {}} />)
    await screen.findByTestId('compare-body')
    expect(cell('compare-row-site-energy-b-value')).toBe('\u2014')
    expect(cell('compare-row-site-energy-b-why')).toBe('run #3 failed: Fatal: input errors')
    expect(cell('compare-row-site-energy-delta')).toBe('\u2014')
    expect(cell('compare-row-headline-b')).toBe('Fatal: input errors')
    expect(cell('compare-row-month-1-b-why')).toBe('This run did not succeed, so it has no hourly data.')
  })

  it('waits for a second run when opened with one, and compares the one picked', async () => {
    render(<CompareView runs={runs} initial={{ a: null, b: 2 }} onClose={() => {}} />)
    expect(screen.getByText(/Choose two runs to compare/)).toBeInTheDocument()
    expect(Runs.CompareRuns).not.toHaveBeenCalled()
    await userEvent.selectOptions(screen.getByTestId('compare-a-select'), '1')
    await screen.findByTestId('compare-body')
    expect(Runs.CompareRuns).toHaveBeenCalledWith(1, 2)
  })

  it('says so when Go refuses the pair', async () => {
    vi.mocked(Runs.CompareRuns).mockRejectedValueOnce(new Error('run 9: not found'))
    render(<CompareView runs={runs} initial={{ a: 9, b: 2 }} onClose={() => {}} />)
    expect(await screen.findByTestId('compare-error')).toHaveTextContent('run 9: not found')
  })
})
