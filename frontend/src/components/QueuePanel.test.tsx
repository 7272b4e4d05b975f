import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { RunStatus, type QueueState } from '../bridge'
import { fromOverview } from '../lib/runs'
import { progress, queue, run } from '../lib/testdata'
import { QueuePanel } from './QueuePanel'

const runs = fromOverview([
  run({ id: 1, status: RunStatus.Running, modelName: 'office.idf', weatherName: 'Chicago.epw', progress: progress({ percent: 30, phase: 'simulating', environment: 'RUN PERIOD 1' }) }),
  run({ id: 2, status: RunStatus.Queued, modelName: 'house.idf', weatherName: 'Chicago.epw' }),
])

function show(q: QueueState | null = queue(), list = runs) {
  const on = { onPause: vi.fn(), onResume: vi.fn(), onSettings: vi.fn(), onSelectRun: vi.fn() }
  render(<QueuePanel queue={q} runs={list} busy={null} {...on} />)
  return on
}

describe('QueuePanel', () => {
  it('shows one lane per worker with the run the scheduler runs, and what waits', async () => {
    const on = show(queue({ workers: 2, running: [1], queued: [2] }))
    expect(screen.getByRole('status')).toHaveTextContent('Running: 1 of 2 workers busy, 1 queued')
    const lanes = within(screen.getByRole('list', { name: 'Workers' })).getAllByRole('listitem')
    expect(lanes).toHaveLength(2)
    expect(lanes[0]).toHaveTextContent('#1 office.idf × Chicago.epw')
    expect(within(lanes[0]).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '30')
    expect(lanes[1]).toHaveTextContent('idle')
    expect(screen.getByTestId('lanes-next')).toHaveTextContent('next: #2 house.idf × Chicago.epw')
    await userEvent.click(screen.getByRole('button', { name: 'Pause' }))
    expect(on.onPause).toHaveBeenCalled()
  })

  it('says why the queue paused itself, and offers Resume', async () => {
    const reason = 'Disk full: the queue paused after run 1 could not write its outputs. Free space, press Resume, then re-run the failed runs.'
    const on = show(queue({ workers: 2, paused: true, pauseReason: reason, queued: [2] }))
    expect(screen.getByRole('status')).toHaveTextContent('Paused: running runs finish, no new ones start')
    expect(screen.getByRole('alert')).toHaveTextContent(reason)
    expect(screen.queryByRole('button', { name: 'Pause' })).not.toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Resume' }))
    expect(on.onResume).toHaveBeenCalled()
  })

  it('shows no reason when the user paused it', () => {
    show(queue({ paused: true, queued: [2] }))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(screen.getByTestId('queue-bar')).toHaveAttribute('data-paused', 'true')
  })

  it('disables Pause until the first queue state arrived', () => {
    show(null, [])
    expect(screen.getByRole('button', { name: 'Pause' })).toBeDisabled()
    expect(screen.getByRole('status')).toHaveTextContent('Connecting to the queue…')
  })
})
