import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { StudyRow } from '../lib/studyTable'
import { StudyCompareActions } from './StudyCompare'

const row = (over: Partial<StudyRow>) => ({ id: `${over.runId}`, label: '', name: '', baseline: false, weatherId: 1, weatherName: 'Chicago.epw', runId: 0, ...over }) as StudyRow

const rows = [
  row({ runId: 10, label: 'B', baseline: true, name: 'Baseline' }),
  row({ runId: 11, label: 'V1', name: 'ETICS 100' }),
  row({ runId: 12, label: 'V2', name: 'EPS 100' }),
  row({ runId: 20, label: 'B', baseline: true, weatherId: 2, weatherName: 'Stockholm.epw' }),
]

describe('StudyCompareActions', () => {
  it('compares the selected variant with the baseline of its weather file, the baseline as A', async () => {
    const onCompare = vi.fn()
    render(<StudyCompareActions row={rows[1]} rows={rows} onCompare={onCompare} />)
    await userEvent.click(screen.getByTestId('study-compare-baseline'))
    expect(onCompare).toHaveBeenCalledWith(10, 11)
  })

  it('compares it with any other variant, itself as A', async () => {
    const onCompare = vi.fn()
    render(<StudyCompareActions row={rows[1]} rows={rows} onCompare={onCompare} />)
    const select = screen.getByTestId('study-compare-with')
    expect([...select.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Compare with…', 'B · Baseline · Chicago.epw', 'V2 · EPS 100 · Chicago.epw', 'B · Baseline · Stockholm.epw'])
    await userEvent.selectOptions(select, '12')
    expect(onCompare).toHaveBeenCalledWith(11, 12)
  })

  it('offers no baseline comparison on the baseline itself', () => {
    render(<StudyCompareActions row={rows[0]} rows={rows} onCompare={() => {}} />)
    expect(screen.queryByTestId('study-compare-baseline')).not.toBeInTheDocument()
  })
})
