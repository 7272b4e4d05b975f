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
    // The same variant's complete figures are numbers.
    expect(cell(2, 'energy')).toHaveTextContent('24,000')
    expect(cell(2, 'embodied')).toHaveTextContent('5,200')
  })

  it('says why a variant whose run goes on has no figures yet', () => {
    render(<StudyTableView rows={rows} weatherCount={1} currency="EUR" />)
    const energy = cell(3, 'energy')
    expect(energy).toHaveTextContent('—')
    expect(energy.querySelector('[title]')).toHaveAttribute('title', 'Missing: the run has not finished')
    expect(within(cell(3, 'status')).getByRole('progressbar')).toBeInTheDocument()
  })

  it('shows the baseline as the reference, not as a missing delta', () => {
    render(<StudyTableView rows={rows} weatherCount={1} currency="EUR" />)
    expect(cell(1, 'deltaAbs')).toHaveTextContent('baseline')
    expect(cell(2, 'deltaAbs')).toHaveTextContent('−6,000')
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
