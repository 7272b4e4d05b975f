import { fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { FailureKind, RunStatus } from '../bridge'
import { fromOverview } from '../lib/runs'
import { progress, run } from '../lib/testdata'
import { RunTable } from './RunTable'

const NOW = Date.parse('2025-11-25T22:10:00Z')
const GENERIC = '** Fatal ** GetInput: Errors occurred on processing input file. Preceding condition(s) cause termination.'
const SEVERE = '** Severe ** Wall 1: too few vertices'

const runs = fromOverview([
  run({ id: 1, modelName: 'house.idf', weatherName: 'Stockholm.epw', status: RunStatus.Succeeded, hasResults: true, startedAt: '2025-11-25T22:00:00Z', elapsedSeconds: 65, figures: { primaryEnergyNumber: 95.5, energyClass: 'C' } }),
  run({ id: 2, modelName: 'house-etics.idf', weatherName: 'Kiruna.epw', status: RunStatus.Succeeded, hasResults: true, startedAt: '2025-11-25T22:00:00Z', elapsedSeconds: 50, figures: { primaryEnergyNumber: 61.2, energyClass: 'B' } }),
  run({ id: 3, modelName: 'old.idf', weatherName: 'Stockholm.epw', status: RunStatus.Fatal, kind: FailureKind.ModelFatal, message: GENERIC, firstSevere: SEVERE, headline: SEVERE, severe: 2, startedAt: '2025-11-25T22:01:00Z' }),
  run({ id: 4, modelName: 'house.idf', weatherName: 'Kiruna.epw', status: RunStatus.Running, startedAt: '2025-11-25T22:09:30Z', progress: progress({ percent: 42, phase: 'simulating' }), warnings: 3 }),
])

function show(props: { selectedId?: number | null; cancelling?: Set<number> } = {}) {
  const onSelect = vi.fn()
  const onCancel = vi.fn()
  const view = render(<RunTable runs={runs} selectedId={props.selectedId ?? null} now={NOW} cancelling={props.cancelling ?? new Set()} onSelect={onSelect} onCancel={onCancel} />)
  return { ...view, onSelect, onCancel }
}

const order = () => screen.getAllByRole('row').map((r) => r.dataset.testid).filter((t) => t?.startsWith('run-row-'))

describe('RunTable', () => {
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600)
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200)
    return () => vi.restoreAllMocks()
  })

  it('draws one row per run, newest first, with EP_pet per m² Atemp and the energy class', () => {
    show()
    expect(order()).toEqual(['run-row-4', 'run-row-3', 'run-row-2', 'run-row-1'])
    expect(screen.getByTestId('run-energy-1')).toHaveTextContent('95.5')
    expect(screen.getByTestId('run-class-2')).toHaveTextContent('B')
    expect(screen.getByTestId('run-row-3').querySelector('td[data-column="energy"]')).toHaveTextContent('—')
  })

  it('sorts by EP_pet when its header is clicked, and the other way on a second click', async () => {
    show()
    await userEvent.click(screen.getByTestId('sort-energy'))
    expect(order().slice(0, 2)).toEqual(['run-row-2', 'run-row-1'])
    await userEvent.click(screen.getByTestId('sort-energy'))
    expect(order().slice(0, 2)).toEqual(['run-row-1', 'run-row-2'])
  })

  it('filters by text and by status', async () => {
    show()
    await userEvent.type(screen.getByTestId('run-filter'), 'kiruna')
    expect(order()).toEqual(['run-row-4', 'run-row-2'])
    expect(screen.getByTestId('run-rowcount')).toHaveTextContent('2 of 4')
    await userEvent.clear(screen.getByTestId('run-filter'))
    await userEvent.selectOptions(screen.getByTestId('run-status-filter'), 'failed')
    expect(order()).toEqual(['run-row-3'])
  })

  it("leads a failed run with its first severe error, never EnergyPlus's generic fatal line", () => {
    show()
    const headline = screen.getByTestId('run-headline-3')
    expect(headline).toHaveTextContent(SEVERE)
    expect(headline).not.toHaveTextContent('Errors occurred')
    expect(screen.queryByTestId('run-headline-1')).not.toBeInTheDocument()
  })

  it('shows a running run’s live progress and lets it be cancelled', async () => {
    const { onCancel, onSelect } = show()
    const row = screen.getByTestId('run-row-4')
    expect(within(row).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '42')
    expect(within(row).getByTestId('elapsed-4')).toHaveTextContent('30 s')
    expect(within(row).getByTestId('warnings-4')).toHaveTextContent('3')
    await userEvent.click(within(row).getByRole('button', { name: 'Cancel run 4' }))
    expect(onCancel).toHaveBeenCalledWith(4)
    expect(onSelect).not.toHaveBeenCalled()
  })

  it('selects a run by a click on its row, by its button, and with the arrow keys', async () => {
    const { onSelect, rerender, onCancel } = show()
    await userEvent.click(screen.getByTestId('run-row-2').querySelector('td[data-column="weather"]')!)
    expect(onSelect).toHaveBeenLastCalledWith(2)
    await userEvent.click(screen.getByRole('button', { name: /Show run 3/ }))
    expect(onSelect).toHaveBeenLastCalledWith(3)
    rerender(<RunTable runs={runs} selectedId={3} now={NOW} cancelling={new Set()} onSelect={onSelect} onCancel={onCancel} />)
    expect(screen.getByTestId('run-row-3')).toHaveAttribute('aria-current', 'true')
    fireEvent.keyDown(screen.getByTestId('run-table-scroll'), { key: 'ArrowDown' })
    expect(onSelect).toHaveBeenLastCalledWith(2)
    fireEvent.keyDown(screen.getByTestId('run-table-scroll'), { key: 'ArrowUp' })
    expect(onSelect).toHaveBeenLastCalledWith(4)
  })
})
