import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { FailureKind, RunStatus } from '../bridge'
import type { RunView } from '../lib/runs'
import { progress, run } from '../lib/testdata'
import { RunRow } from './RunRow'

const NOW = Date.parse('2025-11-25T22:10:00Z')

function show(r: Partial<RunView>, props: { modelVersion?: string; cancelling?: boolean } = {}) {
  const onSelect = vi.fn()
  const onCancel = vi.fn()
  const view = render(
    <ul>
      <RunRow run={{ ...run({ id: 7, modelVersion: props.modelVersion ?? '25.2' }), ...r }} selected={false} now={NOW} cancelling={props.cancelling ?? false} onSelect={onSelect} onCancel={onCancel} />
    </ul>,
  )
  return { ...view, row: screen.getByRole('listitem'), onSelect, onCancel }
}

const FATAL = '** Fatal ** GetInput: Errors occurred on processing input file. Preceding condition(s) cause termination.'
const SEVERE = "** Severe ** <root>[BuildingSurface:Detailed][Wall 1] - Missing required property 'vertex_z_coordinate'."
const LAST = '** Severe ** Process_input: 3 errors found'

describe('RunRow', () => {
  it('shows a queued run waiting, cancellable, with nothing to open yet', async () => {
    const { row, onCancel } = show({ status: RunStatus.Queued })
    expect(within(row).getByText('Queued', { selector: '.chip' })).toBeInTheDocument()
    expect(within(row).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0')
    expect(within(row).queryByRole('button', { name: 'eplusout.err' })).not.toBeInTheDocument()
    expect(within(row).queryByRole('button', { name: 'Results' })).not.toBeInTheDocument()
    await userEvent.click(within(row).getByRole('button', { name: 'Cancel' }))
    expect(onCancel).toHaveBeenCalledWith(7)
  })

  it('shows a running run with its progress, its phase and the last line EnergyPlus printed', () => {
    const { row } = show({
      status: RunStatus.Running,
      startedAt: '2025-11-25T22:08:30Z',
      progress: progress({ percent: 42, phase: 'simulating', environment: 'RUN PERIOD 1', simDate: '03/14' }),
      warnings: 3,
      lastLine: 'Continuing Simulation at 03/14 for RUN PERIOD 1',
    })
    const bar = within(row).getByRole('progressbar')
    expect(bar).toHaveAttribute('aria-valuenow', '42')
    expect(within(row).getByTestId('progress-text-7')).toHaveTextContent('42% Simulating RUN PERIOD 1 · 03/14')
    expect(within(row).getByText('3 warnings')).toBeInTheDocument()
    expect(within(row).getByText('1 min 30 s')).toBeInTheDocument()
    expect(within(row).getByText('Continuing Simulation at 03/14 for RUN PERIOD 1')).toBeInTheDocument()
    expect(within(row).queryByTestId('run-message-7')).not.toBeInTheDocument()
  })

  it('disables Cancel while the run is being cancelled', () => {
    const { row } = show({ status: RunStatus.Running }, { cancelling: true })
    expect(within(row).getByRole('button', { name: 'Cancelling…' })).toBeDisabled()
  })

  it('offers results, eplusout.err and the report of a run that succeeded, and no failure line', async () => {
    const { row, onSelect } = show({ status: RunStatus.Succeeded, hasResults: true, startedAt: '2025-11-25T22:00:00Z', elapsedSeconds: 65, progress: progress({ percent: 100, phase: 'done' }) })
    expect(within(row).getByText('Succeeded', { selector: '.chip' })).toBeInTheDocument()
    expect(within(row).queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument()
    expect(within(row).queryByTestId('run-message-7')).not.toBeInTheDocument()
    await userEvent.click(within(row).getByRole('button', { name: 'HTML report' }))
    expect(onSelect).toHaveBeenLastCalledWith(7, 'report')
    await userEvent.click(within(row).getByRole('button', { name: 'Results' }))
    expect(onSelect).toHaveBeenLastCalledWith(7, 'results')
    expect(within(row).getByRole('button', { name: 'eplusout.err' })).toBeEnabled()
  })

  it("shows a fatal run's headline (its first severe error), and EnergyPlus's message and the last severe error on demand", async () => {
    const { row } = show({ status: RunStatus.Fatal, kind: FailureKind.ModelFatal, message: FATAL, firstSevere: SEVERE, headline: SEVERE, lastSevere: LAST, severe: 3, startedAt: '2025-11-25T22:00:00Z' })
    expect(within(row).getByText('Fatal', { selector: '.chip' })).toBeInTheDocument()
    expect(within(row).getByTestId('run-message-7')).toHaveTextContent(SEVERE)
    expect(within(row).getByTestId('run-message-7')).not.toHaveTextContent('GetInput')
    const details = within(row).getByTestId('run-details-7')
    expect(details).not.toHaveAttribute('open')
    await userEvent.click(within(details).getByText('Details'))
    expect(details).toHaveAttribute('open')
    expect(within(details).getByTestId('run-detail-7-message')).toHaveTextContent(FATAL)
    expect(within(details).getByTestId('run-detail-7-last-severe')).toHaveTextContent(LAST)
    // The headline is not repeated in the details.
    expect(within(details).queryByTestId('run-detail-7-first-severe')).not.toBeInTheDocument()
    expect(within(row).getByText('3 severe')).toBeInTheDocument()
  })

  it('names the reason of a run the queue stopped before its message', () => {
    const { row } = show({ status: RunStatus.Hung, kind: FailureKind.Stalled, message: 'no output for 10m0s: killed', headline: 'no output for 10m0s: killed', startedAt: '2025-11-25T22:00:00Z' })
    expect(within(row).getByTestId('run-message-7')).toHaveTextContent('Hung: no output for a long time: no output for 10m0s: killed')
  })

  it('shows a version mismatch as one chip, with the advice and the severe error as details, not as paragraphs', async () => {
    const advice = 'The model is written for EnergyPlus 9.4 but ran on EnergyPlus 25.2.0: transition it to 25.2 (IDFVersionUpdater) or choose an EnergyPlus 9.4 engine in Settings.'
    const { row } = show(
      {
        status: RunStatus.Fatal,
        kind: FailureKind.VersionMismatch,
        message: advice,
        headline: advice,
        firstSevere: SEVERE,
        lastSevere: SEVERE,
        engineVersion: '25.2.0',
        versionWarning: 'Written for EnergyPlus 9.4; runs on 25.2.0 (no 9.4 engine installed).',
        startedAt: '2025-11-25T22:00:00Z',
      },
      { modelVersion: '9.4' },
    )
    const chip = within(row).getByTestId('run-version-7')
    expect(chip).toHaveTextContent('Version 9.4 ≠ engine 25.2')
    expect(chip).toHaveAttribute('title', 'Written for EnergyPlus 9.4; runs on 25.2.0 (no 9.4 engine installed).')
    // No failure paragraph repeats the advice: it is in the details, once.
    expect(within(row).queryByTestId('run-message-7')).not.toBeInTheDocument()
    expect(within(row).getAllByText(advice)).toHaveLength(1)
    const details = within(row).getByTestId('run-details-7')
    await userEvent.click(within(details).getByText('Why it failed'))
    expect(within(details).getByTestId('run-detail-7-headline')).toHaveTextContent(advice)
    expect(within(details).getByTestId('run-detail-7-first-severe')).toHaveTextContent(SEVERE)
  })

  it('flags a model of another version that ran anyway with a warning chip', () => {
    const { row } = show({ status: RunStatus.Succeeded, hasResults: true, engineVersion: '25.2.0', versionWarning: 'Written for EnergyPlus 24.1; runs on 25.2.0 (no 24.1 engine installed).' }, { modelVersion: '24.1.0' })
    const chip = within(row).getByTestId('run-version-7')
    expect(chip).toHaveTextContent('Version 24.1 ≠ engine 25.2')
    expect(chip).toHaveAttribute('data-kind', 'warning')
    expect(within(row).queryByTestId('run-details-7')).not.toBeInTheDocument()
  })

  it('shows a cached run as cached, naming the run it reuses', () => {
    const { row } = show({ status: RunStatus.Succeeded, hasResults: true, cachedFrom: 3, progress: progress({ percent: 100, phase: 'done' }) })
    expect(within(row).getByTestId('run-cached-7')).toHaveTextContent('cached from #3')
    expect(within(row).getByTestId('elapsed-7')).toHaveTextContent('cached')
    expect(within(row).queryByTestId('run-version-7')).not.toBeInTheDocument()
  })
})
