import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as Imports from '../../wailsjs/go/importsvc/Service'
import type { EngineStatus, Model } from '../bridge/types'
import { ModelCard } from './ModelCard'

// The card calls the real bridge; only the bound Go services are replaced.
vi.mock('../../wailsjs/go/importsvc/Service', () => ({ TransitionOffer: vi.fn() }))
vi.mock('../../wailsjs/go/librarysvc/Service', () => ({
  // The take-off is not what these tests are about.
  ModelTakeoff: vi.fn(() => new Promise(() => {})),
}))

const engine = { engine: { version: '25.2.0', path: '/home/me/.venv/lib/python3.11/site-packages/energyplus/energyplus' }, engines: [] } as unknown as EngineStatus
const oldModel = { id: 7, name: 'office-9.4.idf', originalPath: '/data/office-9.4.idf', sizeBytes: 2048, importedAt: '2026-12-01T10:00:00Z', summary: { version: '9.4', runPeriods: [], designDays: [] } } as unknown as Model

function renderCard() {
  return render(<ModelCard model={oldModel} checked={false} onToggle={() => {}} engine={engine} changed={false} successor={null} reimporting={false} onReimport={() => {}} />)
}

beforeEach(() => vi.clearAllMocks())

describe('ModelCard version mismatch', () => {
  it('shows one chip; the explanation and the install path only when asked', async () => {
    vi.mocked(Imports.TransitionOffer).mockResolvedValue({
      possible: false,
      from: '9.4',
      to: '25.2',
      steps: 0,
      reason: `EnergyPlus 25.2.0 at ${engine.engine!.path} has no transition programs (PreProcess/IDFVersionUpdater); the full NREL install has them`,
    } as never)
    renderCard()
    const chip = screen.getByText('Version 9.4 ≠ engine 25.2.0')
    const reason = await screen.findByTestId('model-transition-unavailable-7')
    // Closed: the chip is all a user sees, not the paragraph with the engine's path.
    expect(reason).not.toBeVisible()
    expect(screen.getByText(/Written for EnergyPlus 9\.4/)).not.toBeVisible()
    await userEvent.click(chip)
    await waitFor(() => expect(reason).toBeVisible())
    expect(reason).toHaveTextContent('IDFVersionUpdater')
  })

  it('keeps the transition button inside the details too', async () => {
    vi.mocked(Imports.TransitionOffer).mockResolvedValue({ possible: true, from: '9.4', to: '25.2', steps: 3, reason: '' } as never)
    renderCard()
    const button = await screen.findByTestId('model-transition-button-7')
    expect(button).not.toBeVisible()
    await userEvent.click(screen.getByText('Version 9.4 ≠ engine 25.2.0'))
    await waitFor(() => expect(button).toBeVisible())
    expect(button).toHaveTextContent('Transition a copy to 25.2 (3 steps)')
  })
})
