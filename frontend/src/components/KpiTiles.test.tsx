import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { kpiTiles } from '../lib/kpi'
import { buildStudyRows } from '../lib/studyTable'
import { study } from '../lib/teststudy'
import { KpiTiles } from './KpiTiles'

const rows = buildStudyRows(
  study([
    { kwh: 10000, embodied: 0, lcc: 50000, lcCarbon: 30000, investment: 0 },
    { kwh: 8000, embodied: 2000, lcc: null, lcCarbon: 26000, investment: null },
  ]),
)

describe('KpiTiles', () => {
  it('say on a tile without its figure which input is missing, and link to where it is entered', async () => {
    const onGap = vi.fn()
    render(<KpiTiles tiles={kpiTiles(rows[1], rows[0], 'si', 'EUR')} caption="V1" onGap={onGap} />)
    const lcc = screen.getByTestId('variant-kpi-lifeCycleCost-gaps')
    expect(lcc).toHaveTextContent('Missing: Electricity price')
    expect(screen.getByTestId('variant-kpi-investment-gaps')).toHaveTextContent('Missing: cost of EPS')
    await userEvent.click(screen.getAllByTestId('kpi-gap-lca-settings')[0])
    expect(onGap).toHaveBeenCalledWith({ kind: 'lca-settings' })
    await userEvent.click(screen.getByTestId('kpi-gap-library'))
    expect(onGap).toHaveBeenLastCalledWith({ kind: 'library', item: 'material', id: 'EPS' })
    // A complete figure has no such line.
    expect(screen.queryByTestId('variant-kpi-energy-gaps')).toBeNull()
  })
})
