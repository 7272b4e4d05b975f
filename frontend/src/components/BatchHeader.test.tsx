import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { FailureKind, RunStatus, type BatchSummary, type QueueState } from '../bridge'
import type { BatchGroup } from '../lib/batches'
import { fromOverview } from '../lib/runs'
import { errorGroup, progress, queue, run, summary } from '../lib/testdata'
import { BatchHeader, type BatchAction } from './BatchHeader'

const NOW = Date.parse('2025-11-25T22:10:00Z')

function group(runs: Parameters<typeof run>[0][], s: Partial<BatchSummary> = {}): BatchGroup {
  return {
    id: 4,
    name: 'Retrofit A',
    createdAt: '2025-11-25T22:00:00Z',
    summary: summary({ id: 4, name: 'Retrofit A', ...s }),
    runs: fromOverview(runs.map((r, i) => run({ id: i + 1, batchId: 4, ...r }))),
  }
}

function show(g: BatchGroup, opts: { queue?: QueueState; busy?: BatchAction | null } = {}) {
  const onAction = vi.fn()
  const onSelectRun = vi.fn()
  render(<BatchHeader group={g} queue={opts.queue ?? queue()} now={NOW} busy={opts.busy ?? null} collapsed={false} onToggle={() => {}} onAction={onAction} onSelectRun={onSelectRun} />)
  return { onAction, onSelectRun }
}

const running = [
  { status: RunStatus.Succeeded, startedAt: '2025-11-25T22:01:00Z', endedAt: '2025-11-25T22:04:00Z', progress: progress({ percent: 100 }) },
  { status: RunStatus.Running, startedAt: '2025-11-25T22:04:00Z', progress: progress({ percent: 50 }) },
  { status: RunStatus.Queued },
  { status: RunStatus.Queued },
]

describe('BatchHeader', () => {
  it('shows the progress, the counts per status, the time so far and the ETA of a running batch', () => {
    show(group(running, { percent: 37.5, hasEta: true, etaSeconds: 190 }))
    expect(screen.getByRole('heading', { name: 'Retrofit A' })).toBeInTheDocument()
    expect(screen.getByRole('progressbar', { name: 'Batch Retrofit A' })).toHaveAttribute('aria-valuenow', '37')
    expect(screen.getByText('37%')).toBeInTheDocument()
    const counts = screen.getByTestId('batch-counts-4')
    expect(within(counts).getByText('2 queued')).toBeInTheDocument()
    expect(within(counts).getByText('1 running')).toBeInTheDocument()
    expect(within(counts).getByText('1 succeeded')).toBeInTheDocument()
    expect(screen.getByTestId('batch-elapsed-4')).toHaveTextContent('9 min 00 s elapsed')
    expect(screen.getByTestId('batch-eta-4')).toHaveTextContent('about 3 min left')
  })

  it('has no ETA until a run finished on this machine', () => {
    show(group(running, { percent: 37.5, hasEta: false }))
    expect(screen.queryByTestId('batch-eta-4')).not.toBeInTheDocument()
  })

  it('offers to move the queued runs to the front and to cancel, and disables both while one is busy', async () => {
    const { onAction } = show(group(running))
    await userEvent.click(screen.getByRole('button', { name: 'Move to front' }))
    expect(onAction).toHaveBeenCalledWith(4, 'front')
    expect(screen.getByRole('button', { name: 'Cancel batch' })).toBeEnabled()
    expect(screen.queryByRole('button', { name: /Re-run/ })).not.toBeInTheDocument()
  })

  it('disables the actions while one is under way', () => {
    show(group(running), { busy: 'cancel' })
    expect(screen.getByRole('button', { name: 'Cancelling…' })).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Move to front' })).toBeDisabled()
  })

  it('says the queued runs wait while the queue is paused, with the reason when it paused itself', () => {
    const reason = 'Disk full: the queue paused after run 2 could not write its outputs. Free space on the disk of /data, press Resume, then re-run the failed runs.'
    show(group(running, { hasEta: true, etaSeconds: 190, paused: false }), { queue: queue({ paused: true, pauseReason: reason }) })
    expect(screen.getByTestId('batch-eta-4')).toHaveTextContent('paused: queued runs wait')
    expect(screen.getByRole('status')).toHaveTextContent(reason)
  })

  it('shows no reason when the user paused the queue', () => {
    show(group(running, { hasEta: true, etaSeconds: 190 }), { queue: queue({ paused: true }) })
    expect(screen.getByTestId('batch-eta-4')).toHaveTextContent('paused: queued runs wait')
    expect(screen.queryByRole('status')).not.toBeInTheDocument()
  })

  it('lists the failures grouped by headline, each with links to its runs', async () => {
    const advice = 'The model is written for EnergyPlus 9.4 but ran on EnergyPlus 25.2.0: transition it to 25.2.'
    const g = group(
      [
        { status: RunStatus.Fatal, kind: FailureKind.VersionMismatch },
        { status: RunStatus.Fatal, kind: FailureKind.VersionMismatch },
        { status: RunStatus.Fatal, kind: FailureKind.ModelFatal },
        { status: RunStatus.InputError, kind: FailureKind.InputError },
      ],
      {
        errors: [
          errorGroup({ kind: FailureKind.VersionMismatch, headline: advice, runIds: [1, 2] }),
          errorGroup({ kind: FailureKind.ModelFatal, headline: '** Severe ** Wall 1: too few vertices', runIds: [3] }),
          errorGroup({ status: RunStatus.InputError, kind: FailureKind.InputError, headline: 'weather file w.epw is not an EPW weather file', runIds: [4] }),
        ],
      },
    )
    const { onAction, onSelectRun } = show(g)
    const panel = screen.getByTestId('batch-errors-4')
    expect(within(panel).getByText('4 runs did not succeed · 3 different reasons')).toBeInTheDocument()
    const [mismatch, fatal, input] = within(panel).getAllByRole('listitem')
    expect(mismatch).toHaveTextContent(`2 runs: Version mismatch: ${advice}`)
    expect(within(mismatch).getAllByRole('button').map((b) => b.textContent)).toEqual(['#1', '#2'])
    expect(fatal).toHaveTextContent('1 run: ** Severe ** Wall 1: too few vertices')
    expect(input).toHaveTextContent('Could not start: weather file w.epw is not an EPW weather file')
    // EnergyPlus ran: its err file explains; it never started: the results tab shows why.
    await userEvent.click(within(fatal).getByRole('button', { name: '#3' }))
    expect(onSelectRun).toHaveBeenLastCalledWith(3, 'errors')
    await userEvent.click(within(input).getByRole('button', { name: '#4' }))
    expect(onSelectRun).toHaveBeenLastCalledWith(4, 'results')
    await userEvent.click(screen.getByRole('button', { name: 'Re-run 4 failed' }))
    expect(onAction).toHaveBeenCalledWith(4, 'rerun')
  })
})
