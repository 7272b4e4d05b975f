import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as Studies from '../../wailsjs/go/studysvc/Service'
import type { Model, Spec, Weather } from '../bridge/types'
import { newFieldMeasure, setField } from '../lib/measures'
import { initialBuilder, type BuilderState } from '../lib/study'
import { heatRecoveryFit } from '../lib/testmeasures'
import { StudyBuilder } from './StudyBuilder'

// The builder calls the real bridge; only the bound Go services are replaced.
vi.mock('../../wailsjs/go/studysvc/Service', () => ({
  EstimateStudy: vi.fn(),
  MeasureTemplates: vi.fn(),
  StudyFigures: vi.fn(),
}))
vi.mock('../../wailsjs/go/librarysvc/Service', () => ({
  // The take-off (areas beside each element) is not what these tests are about.
  ModelTakeoff: vi.fn(() => new Promise(() => {})),
}))

const heatRecovery = heatRecoveryFit({
  suggested: [{ values: ['0.7'] }, { values: ['0.8'] }],
  applies: false,
  reason: 'the template does not apply to this model: it has no ZoneHVAC:IdealLoadsAirSystem and no HeatExchanger:AirToAir:SensibleAndLatent',
})

const figures = [
  { id: 'siteEnergyKWh', name: 'Annual site energy', unit: 'kWh' },
  { id: 'lifeCycleCost', name: 'Life-cycle cost', unit: 'currency' },
  { id: 'embodiedKgCO2e', name: 'Embodied carbon', unit: 'kg CO2e' },
]

beforeEach(() => {
  vi.clearAllMocks()
  vi.mocked(Studies.MeasureTemplates).mockResolvedValue([heatRecovery] as never)
  vi.mocked(Studies.StudyFigures).mockResolvedValue(figures as never)
  vi.mocked(Studies.EstimateStudy).mockImplementation(async (spec) => {
    // Go's budgets: population × generations, or for Sobol indices N × (k + 2) (k: the measures here).
    const m = spec.method
    const budget = !m ? 2 : m.kind === 'sobol-indices' ? (m.samples ?? 0) * ((spec.measures?.length ?? 0) + 2) : (m.population ?? 0) * (m.generations ?? 0)
    return { variants: budget, runs: budget + 1, seconds: 0, hasTime: false } as never
  })
})

const models = [{ id: 1, name: '1ZoneUncontrolled.idf' }] as unknown as Model[]
const weather = [{ id: 2, name: 'Golden.epw', header: null }] as unknown as Weather[]

function Builder({ initial = initialBuilder(1, [2]), folded = false }: { initial?: BuilderState; folded?: boolean }) {
  const [state, setState] = useState(initial)
  const [open, setOpen] = useState<boolean | null>(!folded)
  return (
    <StudyBuilder
      models={models}
      weather={weather}
      library={null}
      libraryError={null}
      state={state}
      onState={setState}
      busy={false}
      engineFound
      onCreate={() => {}}
      targets={[]}
      target=""
      onTarget={() => {}}
      onManageTargets={() => {}}
      open={open}
      onOpen={setOpen}
    />
  )
}

/** Types text into an input at once (a paste): each key would redraw the whole builder. */
async function fill(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, text: string) {
  await user.click(input)
  await user.paste(text)
}

/** The spec of the last estimate asked for, as plain data. */
function lastEstimated(): Spec {
  const calls = vi.mocked(Studies.EstimateStudy).mock.calls
  return JSON.parse(JSON.stringify(calls[calls.length - 1][0]))
}

// Each test redraws the whole builder per input: on a busy machine that takes seconds.
describe('StudyBuilder folding', () => {
  it('folds into a "New study…" button that unfolds the form', async () => {
    const user = userEvent.setup()
    render(<Builder folded />)
    const toggle = screen.getByTestId('study-builder-toggle')
    expect(toggle).toHaveTextContent('New study…')
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(screen.getByTestId('study-model')).not.toBeVisible()
    await user.click(toggle)
    expect(screen.getByTestId('study-model')).toBeVisible()
    expect(toggle).toHaveTextContent('Hide')
    expect(screen.getByTestId('study-builder')).toHaveAttribute('data-open', 'true')
  })
})

describe('StudyBuilder measures and method', { timeout: 20_000 }, () => {
  it('lists a template that does not apply as disabled, with its reason', async () => {
    render(<Builder />)
    const option = await screen.findByRole('option', { name: 'Ventilation heat recovery (does not apply)' })
    expect(option).toBeDisabled()
    // One line until asked: the reason lists every object class the template looks for.
    const reason = screen.getByTestId('study-template-reason-heat-recovery')
    expect(reason).not.toBeVisible()
    await userEvent.click(screen.getByText('Ventilation heat recovery does not apply to this model: why'))
    expect(reason).toBeVisible()
    expect(reason).toHaveTextContent(/Ventilation heat recovery does not apply: .*has no ZoneHVAC:IdealLoadsAirSystem/)
    expect(Studies.MeasureTemplates).toHaveBeenCalledWith(1)
  })

  it('adds a template measure that applies with its suggested options', async () => {
    vi.mocked(Studies.MeasureTemplates).mockResolvedValue([{ ...heatRecovery, applies: true, reason: undefined }] as never)
    render(<Builder />)
    await userEvent.selectOptions(await screen.findByTestId('study-measure-template'), 'heat-recovery')
    expect(screen.getByLabelText('Measure 1 values')).toHaveValue('0.7, 0.8')
    expect(screen.getByTestId('study-measure-0-id')).toHaveValue('ventilation-heat-recovery')
    await waitFor(() => expect(lastEstimated().measures).toEqual([{ id: 'ventilation-heat-recovery', name: 'Ventilation heat recovery', template: 'heat-recovery', values: [{ values: ['0.7'] }, { values: ['0.8'] }], per: 'unit' }]))
  })

  it('builds a field measure and an NSGA-II method into the spec, and says the count is a budget', async () => {
    const user = userEvent.setup()
    render(<Builder />)
    await user.click(screen.getByTestId('study-measure-add-field'))
    await fill(user, screen.getByLabelText('Measure 1 field 1 class'), 'Exterior:Lights')
    await fill(user, screen.getByLabelText('Measure 1 field 1 object names'), 'ExtLights')
    await fill(user, screen.getByLabelText('Measure 1 field 1 IDD field name'), 'Design Level')
    expect(screen.getByTestId('study-measure-0-id')).toHaveValue('design-level')
    await fill(user, screen.getByLabelText('Measure 1 values'), '1000, 2500')
    await user.selectOptions(screen.getByTestId('study-measure-0-per'), 'fixed')
    await fill(user, screen.getByLabelText('Measure 1 investment'), '0')
    await fill(user, screen.getByLabelText('Measure 1 service life in years'), '15')
    // Full factorial: a continuous interval cannot be enumerated, so it is not offered.
    expect(within(screen.getByTestId('study-measure-0-kind')).getByRole('option', { name: 'continuous (sampled)' })).toBeDisabled()

    await user.click(screen.getByRole('radio', { name: 'Optimise (NSGA-II)' }))
    expect(within(screen.getByTestId('study-measure-0-kind')).getByRole('option', { name: 'continuous (sampled)' })).toBeEnabled()
    await user.click(await screen.findByRole('checkbox', { name: 'Annual site energy (kWh)' }))
    // One objective is not an optimisation: the form says so before asking Go.
    expect(screen.getByTestId('study-estimate')).toHaveTextContent('Optimise: tick 2 or 3 objectives (1 ticked).')
    expect(screen.getByTestId('study-create')).toBeDisabled()
    await user.click(screen.getByRole('checkbox', { name: 'Embodied carbon (kg CO2e)' }))
    await user.clear(screen.getByLabelText('Population'))
    await fill(user, screen.getByLabelText('Population'), '4')
    await user.clear(screen.getByLabelText('Generations'))
    await fill(user, screen.getByLabelText('Generations'), '2')

    await waitFor(() => expect(screen.getByTestId('study-estimate')).toHaveTextContent(/^budget: up to 8 variants \+ baseline × 1 weather file = up to 9 runs/))
    const spec = lastEstimated()
    expect(spec.measures).toEqual([{ id: 'design-level', fields: [{ class: 'Exterior:Lights', name: 'ExtLights', field: 'Design Level' }], values: [{ values: ['1000'] }, { values: ['2500'] }], per: 'fixed', investment: 0, lifeYears: 15 }])
    expect(spec.method).toEqual({ kind: 'nsga2', objectives: ['siteEnergyKWh', 'embodiedKgCO2e'], constraints: [], population: 4, generations: 2, seed: 1 })
    expect(spec.sampling.mode).toBe('factorial')
    // The weather aggregation shows only for several weather files.
    expect(screen.queryByTestId('study-method-weather')).not.toBeInTheDocument()
    expect(screen.getByTestId('study-create')).toBeEnabled()
  })

  it('sends the point a cost published only as a range is taken at, and nothing when left missing', async () => {
    const user = userEvent.setup()
    render(<Builder initial={{ ...initialBuilder(1, [2]), options: { wall: ['keep'], roof: ['keep', 'loft_cellulose_300'], floor: ['keep'], window: ['keep'] } }} />)
    const ranges = screen.getByTestId('study-cost-ranges')
    expect(ranges).toHaveValue('')
    await waitFor(() => expect(vi.mocked(Studies.EstimateStudy)).toHaveBeenCalled())
    expect(lastEstimated().costRanges).toBeUndefined()
    await user.selectOptions(ranges, 'take the midpoint')
    await waitFor(() => expect(lastEstimated().costRanges).toBe('mid'))
  })

  it('gives hand-picked packages a column per measure, and sends the options they pick', async () => {
    const lights = { ...setField(newFieldMeasure([]), 0, { class: 'Exterior:Lights', name: 'ExtLights', field: 'Design Level' }), name: 'Exterior lights', list: '1000, 2500' }
    const user = userEvent.setup()
    render(<Builder initial={{ ...initialBuilder(1, [2]), measures: [lights] }} />)
    await user.click(screen.getByRole('radio', { name: 'Hand-picked packages' }))
    await user.click(screen.getByTestId('study-package-add'))
    expect(within(screen.getByTestId('study-packages')).getByRole('columnheader', { name: 'Exterior lights' })).toBeInTheDocument()
    const pick = screen.getByLabelText('Package 1: Exterior lights')
    expect(pick).toHaveValue('keep')
    // Everything kept is the baseline: the form says so instead of asking Go.
    expect(screen.getByTestId('study-estimate')).toHaveTextContent('Package 1 changes nothing: it is the baseline, which always runs.')
    expect(within(pick).getAllByRole('option').map((o) => o.textContent)).toEqual(['keep existing', '1000', '2500'])
    await user.selectOptions(pick, '2500')
    await waitFor(() => expect(screen.getByTestId('study-create')).toBeEnabled())
    const spec = lastEstimated()
    expect(spec.sampling).toEqual({ mode: 'list', n: 0, seed: 0, packages: [{ wall: 'keep', roof: 'keep', floor: 'keep', window: 'keep', 'exterior-lights': '2500' }] })
    expect(spec.measures?.map((m) => m.id)).toEqual(['exterior-lights'])

    // A copy of the package below it, changed in one choice, is the second variant.
    await user.click(screen.getByRole('button', { name: 'Copy package 1' }))
    expect(screen.getByLabelText('Package 2: Exterior lights')).toHaveValue('2500')
    await user.selectOptions(screen.getByLabelText('Package 2: Exterior lights'), '1000')
    await waitFor(() => expect(lastEstimated().sampling.packages.map((p) => p['exterior-lights'])).toEqual(['2500', '1000']))
  })

  it('offers Sobol indices with N samples, says what they cost, and shows their budget', async () => {
    const lights = { ...setField(newFieldMeasure([]), 0, { class: 'Exterior:Lights', name: 'ExtLights', field: 'Design Level' }), list: '1000, 2500' }
    const user = userEvent.setup()
    render(<Builder initial={{ ...initialBuilder(1, [2]), measures: [lights] }} />)
    await user.click(screen.getByRole('radio', { name: 'Sobol indices' }))
    expect(screen.getByRole('radio', { name: 'Sobol indices' })).toHaveAttribute('aria-checked', 'true')
    expect(screen.getByTestId('study-method-note')).toHaveTextContent('Sobol indices cost N × (k + 2) runs for k varying options (Morris: r × (k + 1)): screen with Morris first')
    expect(screen.getByLabelText('Samples (N)')).toHaveValue('32')
    expect(screen.queryByLabelText('Trajectories')).not.toBeInTheDocument()
    expect(screen.queryByTestId('study-constraints')).not.toBeInTheDocument()
    expect(screen.getByTestId('study-estimate')).toHaveTextContent('Sobol indices: tick at least one objective.')
    await user.click(await screen.findByRole('checkbox', { name: 'Annual site energy (kWh)' }))
    await waitFor(() => expect(screen.getByTestId('study-estimate')).toHaveTextContent(/^budget: up to 96 variants \+ baseline × 1 weather file = up to 97 runs/))
    expect(lastEstimated().method).toEqual({ kind: 'sobol-indices', objectives: ['siteEnergyKWh'], samples: 32, seed: 1 })

    await user.clear(screen.getByLabelText('Samples (N)'))
    await fill(user, screen.getByLabelText('Samples (N)'), '8')
    await waitFor(() => expect(screen.getByTestId('study-estimate')).toHaveTextContent(/^budget: up to 24 variants \+ baseline × 1 weather file = up to 25 runs/))
    expect(lastEstimated().method?.samples).toBe(8)
    expect(screen.getByTestId('study-create')).toBeEnabled()
  })

  it("shows Go's complaint in the card of the measure it names", async () => {
    vi.mocked(Studies.EstimateStudy).mockRejectedValue('study spec: measure "design-level", fields[0]: Exterior:Lights has no field "Design Levl"; did you mean "Design Level"? (model 1ZoneUncontrolled.idf)')
    const user = userEvent.setup()
    render(<Builder />)
    await user.click(screen.getByTestId('study-measure-add-field'))
    await fill(user, screen.getByLabelText('Measure 1 field 1 class'), 'Exterior:Lights')
    await fill(user, screen.getByLabelText('Measure 1 field 1 IDD field name'), 'Design Levl')
    await user.clear(screen.getByTestId('study-measure-0-id'))
    await fill(user, screen.getByTestId('study-measure-0-id'), 'design-level')
    await fill(user, screen.getByLabelText('Measure 1 values'), '1000')
    const card = screen.getByTestId('study-measure-0')
    expect(await within(card).findByRole('alert')).toHaveTextContent('did you mean "Design Level"?')
    expect(screen.getByTestId('study-create')).toBeDisabled()
  })

  it('gives each option its own label and costs in a table; blanks show and take the measure’s figures', async () => {
    const lights = { ...setField(newFieldMeasure([]), 0, { class: 'Exterior:Lights', name: 'ExtLights', field: 'Design Level' }), list: '1000, 2500', per: 'fixed' as const, investment: '5000', life: '15' }
    const user = userEvent.setup()
    render(<Builder initial={{ ...initialBuilder(1, [2]), measures: [lights] }} />)
    expect(screen.queryByTestId('study-measure-0-rows')).not.toBeInTheDocument()
    await user.click(screen.getByRole('checkbox', { name: 'labels and costs per option' }))
    // The list is now the table's rows; the comma-separated input is gone.
    expect(screen.queryByLabelText('Measure 1 values')).not.toBeInTheDocument()
    const table = screen.getByTestId('study-measure-0-rows')
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['#', 'Design Level', 'label', 'investment', 'GWP kg CO2e', 'service life, years', 'Remove'])
    expect(screen.getByLabelText('Measure 1 option 1: Design Level')).toHaveValue('1000')
    expect(screen.getByLabelText('Measure 1 option 2 investment')).toHaveAttribute('placeholder', '5000')
    expect(screen.getByLabelText('Measure 1 option 2 GWP, kg CO2e')).toHaveAttribute('placeholder', 'missing')
    expect(screen.getByTestId('study-measure-0-per-option-hint')).toHaveTextContent("A blank cost takes the measure's figure below")

    await fill(user, screen.getByLabelText('Measure 1 option 2 label'), 'LED retrofit')
    await fill(user, screen.getByLabelText('Measure 1 option 2 investment'), '12000')
    await fill(user, screen.getByLabelText('Measure 1 option 2 GWP, kg CO2e'), '80')
    await waitFor(() =>
      expect(lastEstimated().measures?.[0]).toMatchObject({
        values: [{ values: ['1000'] }, { values: ['2500'], label: 'LED retrofit', investment: 12000, gwpKgCO2e: 80 }],
        investment: 5000,
        lifeYears: 15,
      }),
    )
    await fill(user, screen.getByLabelText('Measure 1 option 1 service life in years'), '0')
    expect(screen.getByTestId('study-estimate')).toHaveTextContent('Measure “design-level”: option 1 (1000): service life must be more than 0 years, not 0.')
    expect(screen.getByTestId('study-create')).toBeDisabled()

    // Off again: back to a list, every option on the measure's figures.
    await user.click(screen.getByRole('checkbox', { name: 'labels and costs per option' }))
    expect(screen.getByLabelText('Measure 1 values')).toHaveValue('1000, 2500')
    await waitFor(() => expect(lastEstimated().measures?.[0].values).toEqual([{ values: ['1000'] }, { values: ['2500'] }]))
  })

  it('moves several fields together: one row per option, a cell per field', async () => {
    const user = userEvent.setup()
    render(<Builder />)
    await user.click(screen.getByTestId('study-measure-add-field'))
    await fill(user, screen.getByLabelText('Measure 1 field 1 class'), 'Coil:Heating:DX:SingleSpeed')
    await fill(user, screen.getByLabelText('Measure 1 field 1 IDD field name'), 'Gross Rated Heating COP')
    await fill(user, screen.getByLabelText('Measure 1 values'), '3.5, 4')
    await user.click(screen.getByTestId('study-measure-0-add-field'))
    await user.clear(screen.getByLabelText('Measure 1 field 2 class'))
    await fill(user, screen.getByLabelText('Measure 1 field 2 class'), 'Coil:Cooling:DX:SingleSpeed')
    await fill(user, screen.getByLabelText('Measure 1 field 2 IDD field name'), 'Gross Rated Cooling COP')
    await fill(user, screen.getByLabelText('Measure 1 option 1: Gross Rated Cooling COP'), '3')
    await fill(user, screen.getByLabelText('Measure 1 option 2: Gross Rated Cooling COP'), '3.2')
    await waitFor(() => expect(lastEstimated().measures?.[0].values).toEqual([{ values: ['3.5', '3'] }, { values: ['4', '3.2'] }]))
    expect(lastEstimated().measures?.[0].fields?.map((f) => f.class)).toEqual(['Coil:Heating:DX:SingleSpeed', 'Coil:Cooling:DX:SingleSpeed'])
  })
})
