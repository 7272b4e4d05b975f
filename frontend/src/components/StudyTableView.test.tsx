import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { buildStudyRows } from '../lib/studyTable'
import { study } from '../lib/teststudy'
import { StudyTableView } from './StudyTableView'

// The baseline, a variant whose life-cycle cost lacks a price, and one whose run goes on.
const rows = buildStudyRows(
  study([
    { kwh: 30_000, embodied: 0, lcc: 90_000, lcCarbon: 80_000 },
    { kwh: 24_000, embodied: 5_200, lcc: null, lcCarbon: 72_000 },
    null,
  ]),
)

function cell(variantId: number, column: string): HTMLElement {
  const row = screen.getByTestId(`study-row-${variantId}-1`)
  return row.querySelector<HTMLElement>(`td[data-column="${column}"]`)!
}

describe('StudyTableView', () => {
  // jsdom lays nothing out: give the table's scroll box a window's height, so that the
  // virtualized rows are drawn as they are on screen.
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600)
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200)
    return () => vi.restoreAllMocks()
  })

  it('draws a row per variant, the baseline first', () => {
    render(<StudyTableView rows={rows} weatherCount={1} currency="EUR" />)
    expect(screen.getByTestId('study-rowcount')).toHaveTextContent('3 rows')
    const drawn = screen.getAllByRole('row').filter((r) => r.dataset.testid?.startsWith('study-row-'))
    expect(drawn.map((r) => r.dataset.testid)).toEqual(['study-row-1-1', 'study-row-2-1', 'study-row-3-1'])
    expect(within(drawn[0]).getByText('baseline', { selector: '.badge' })).toBeInTheDocument()
  })

  it('shows a figure that lacks an input as a dash that says what is missing, never as 0', () => {
    render(<StudyTableView rows={rows} weatherCount={1} currency="EUR" />)
    const lcc = cell(2, 'lifeCycleCost')
    expect(lcc).toHaveTextContent('—')
    expect(lcc).not.toHaveTextContent('0')
    expect(within(lcc).getByLabelText('Missing: Electricity price')).toBeInTheDocument()
    // The same variant's complete figures are numbers, per m² Atemp (200 m²).
    expect(cell(2, 'deltaM2')).toHaveTextContent('−30.0')
    expect(cell(2, 'embodiedM2')).toHaveTextContent('26.0')
  })

  it('says why a variant whose run goes on has no figures yet', () => {
    render(<StudyTableView rows={rows} weatherCount={1} currency="EUR" />)
    const energy = cell(3, 'deltaM2')
    expect(energy).toHaveTextContent('—')
    expect(energy.querySelector('[title]')).toHaveAttribute('title', 'Missing: the run has not finished')
    expect(within(cell(3, 'status')).getByRole('progressbar')).toBeInTheDocument()
  })

  it('shows the baseline as the reference, not as a missing delta', () => {
    render(<StudyTableView rows={rows} weatherCount={1} currency="EUR" />)
    expect(cell(1, 'deltaM2')).toHaveTextContent('baseline')
    expect(cell(2, 'deltaPct')).toHaveTextContent('−20')
  })

  it('freezes the variant column with its short id, full name in a tooltip and the Pareto mark', () => {
    const table = study([{ kwh: 30_000, embodied: 0, lcc: 90_000, lcCarbon: 80_000 }, { kwh: 24_000, embodied: 5_200, lcc: 70_000, lcCarbon: 72_000 }])
    table.rows[1] = { ...table.rows[1], paretoCarbonCost: true, name: 'Wall: Concrete external wall + 100 mm stone-wool ETICS | Roof: PIR' }
    const marked = buildStudyRows(table)
    render(<StudyTableView rows={marked} weatherCount={1} currency="SEK" />)
    const v = cell(2, 'name')
    expect(within(v).getByTestId('variant-label')).toHaveTextContent('V1')
    expect(within(v).getByTitle(/stone-wool ETICS \| Roof: PIR$/)).toBeInTheDocument()
    expect(within(v).getByTestId('pareto-mark')).toHaveAttribute('title', 'Pareto-optimal on life-cycle carbon and life-cycle cost (SEK)')
    expect(within(cell(1, 'name')).queryByTestId('pareto-mark')).toBeNull()
    // Money columns name the study's currency, not the word "currency".
    expect(screen.getByRole('columnheader', { name: /Life-cycle cost/ })).toHaveTextContent('SEK')
  })

  it('shows the constructions of a variant in its expandable row', async () => {
    render(<StudyTableView rows={rows} weatherCount={1} currency="EUR" />)
    expect(screen.queryByTestId('study-details-2-1')).toBeNull()
    await userEvent.click(screen.getByTestId('study-expand-2-1'))
    const details = screen.getByTestId('study-details-2-1')
    expect(details).toHaveTextContent('Wall')
    expect(details).toHaveTextContent('wall_a')
    expect(details).toHaveTextContent('Roof')
    expect(details).toHaveTextContent('unchanged')
    await userEvent.click(screen.getByTestId('study-expand-2-1'))
    expect(screen.queryByTestId('study-details-2-1')).toBeNull()
  })

  it('opens a variant’s IDF changes from its expanded row', async () => {
    const onShowChanges = vi.fn()
    const onSelectRow = vi.fn()
    render(<StudyTableView rows={rows} weatherCount={1} currency="EUR" onShowChanges={onShowChanges} onSelectRow={onSelectRow} />)
    await userEvent.click(screen.getByTestId('study-expand-2-1'))
    await userEvent.click(screen.getByTestId('study-changes-2-1'))
    expect(onShowChanges).toHaveBeenCalledWith(expect.objectContaining({ variantId: 2, weatherId: 1 }))
    expect(onSelectRow).not.toHaveBeenCalled()
  })

  it('shows the option of each measure in the expandable row', async () => {
    const t = study([{ kwh: 30_000, embodied: 0, lcc: 90_000, lcCarbon: 80_000 }, { kwh: 24_000, embodied: 0, lcc: 80_000, lcCarbon: 70_000 }])
    t.rows[1].measures = { extlights: '2500' }
    render(<StudyTableView rows={buildStudyRows({ ...t, measures: [{ id: 'extlights', name: 'Exterior lights' }] })} weatherCount={1} currency="EUR" />)
    await userEvent.click(screen.getByTestId('study-expand-2-1'))
    expect(within(screen.getByTestId('study-details-2-1')).getByTestId('study-measure-extlights')).toHaveTextContent('Exterior lights2500')
    await userEvent.click(screen.getByTestId('study-expand-1-1'))
    expect(within(screen.getByTestId('study-details-1-1')).getByTestId('study-measure-extlights')).toHaveTextContent('unchanged')
  })

  it('filters the variants as the user types', async () => {
    const onSelectRow = vi.fn()
    render(<StudyTableView rows={rows} weatherCount={1} currency="EUR" onSelectRow={onSelectRow} />)
    await userEvent.type(screen.getByRole('searchbox', { name: 'Filter variants' }), 'Variant 2')
    expect(screen.getByTestId('study-rowcount')).toHaveTextContent('2 of 3 rows')
    await userEvent.click(screen.getByTestId('study-row-3-1'))
    expect(onSelectRow).toHaveBeenCalledWith(expect.objectContaining({ variantId: 3 }))
  })
})
