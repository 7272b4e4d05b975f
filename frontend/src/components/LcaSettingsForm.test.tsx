import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as Studies from '../../wailsjs/go/studysvc/Service'
import type { LcaSettings } from '../bridge/types'
import { LcaSettingsForm } from './LcaSettingsForm'

// The form calls the real bridge; only the bound Go service is replaced.
vi.mock('../../wailsjs/go/studysvc/Service', () => ({
  GetLCASettings: vi.fn(),
  CheckLCASettings: vi.fn(async () => null),
  SaveLCASettings: vi.fn(async (s: unknown) => s),
}))

const settings = (): LcaSettings => ({
  fuels: { Electricity: { kgCO2ePerKWh: 0.059, carbonSource: 'IVL', pricePerKWh: 1.5, priceSource: 'tariff' } },
  currency: 'SEK',
  currencySource: '',
  analysisPeriodYears: 50,
  analysisPeriodSource: '',
  discountRate: 0.03,
  discountRateSource: '',
})

beforeEach(() => {
  vi.clearAllMocks()
  vi.mocked(Studies.GetLCASettings).mockResolvedValue(settings() as never)
})

async function showAndSave() {
  const onSaved = vi.fn()
  render(<LcaSettingsForm fuelsUsed={['Electricity']} onSaved={onSaved} onClose={() => {}} onBusy={() => {}} />)
  await userEvent.click(await screen.findByRole('button', { name: 'Save' }))
  return { onSaved }
}

describe('LcaSettingsForm', () => {
  it("puts each of Go's problems at the input its field names, whatever the message says, and saves nothing", async () => {
    vi.mocked(Studies.CheckLCASettings).mockResolvedValueOnce([
      { field: 'fuels.Electricity.pricePerKWh', message: 'reworded: the currency is wrong here' },
      { field: 'analysisPeriodYears', message: 'reworded: Electricity price' },
      { field: 'fuels.Wood', message: 'unknown fuel "Wood"' },
    ] as never)
    const { onSaved } = await showAndSave()
    const price = await screen.findByLabelText('Electricity price per kWh')
    expect(price).toBeInvalid()
    expect(price).toHaveAccessibleDescription('reworded: the currency is wrong here')
    expect(screen.getByLabelText('Analysis period in years')).toHaveAccessibleDescription('reworded: Electricity price')
    expect(screen.getByLabelText('Currency')).toBeValid()
    expect(screen.getByLabelText('Electricity emission factor, kg CO2e per kWh')).toBeValid()
    // A problem no input has is said on its own.
    expect(screen.getByRole('alert')).toHaveTextContent(/^unknown fuel "Wood"$/)
    expect(Studies.SaveLCASettings).not.toHaveBeenCalled()
    expect(onSaved).not.toHaveBeenCalled()
  })

  it('saves once Go names no problem', async () => {
    const { onSaved } = await showAndSave()
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.')
    expect(Studies.CheckLCASettings).toHaveBeenCalledTimes(1)
    expect(Studies.SaveLCASettings).toHaveBeenCalledTimes(1)
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ currency: 'SEK', discountRate: 0.03 }))
  })

  it("shows a refused save's error as it is, at no field", async () => {
    vi.mocked(Studies.SaveLCASettings).mockRejectedValueOnce('database is locked: analysis period')
    await showAndSave()
    expect(await screen.findByRole('alert')).toHaveTextContent(/^database is locked: analysis period$/)
    expect(screen.getByLabelText('Analysis period in years')).toBeValid()
  })
})
