import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { LibraryState } from '../hooks/useLibrary'
import { libraryView } from '../lib/testlibrary'
import { LibraryScreen } from './LibraryScreen'

function show() {
  const lib: LibraryState = { library: libraryView(), error: null, loading: false, ensure: () => {}, reload: async () => {}, set: () => {} }
  render(<LibraryScreen lib={lib} models={[]} currency="EUR" push={() => {}} />)
  return screen.getByTestId('library-constructions')
}

describe('LibraryScreen constructions', () => {
  it('filters the table by element and counts what it shows', async () => {
    const table = show()
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 4)
    await userEvent.selectOptions(screen.getByTestId('library-element-filter'), 'window')
    expect(screen.getByTestId('construction-row-win_triple')).toBeTruthy()
    expect(screen.queryByTestId('construction-row-etics_150')).toBeNull()
    expect(screen.getByTestId('library-constructions-count').textContent).toBe('2 of 4')
    // a new construction is made for the element shown
    expect((screen.getByTestId('library-new-construction-element') as HTMLSelectElement).value).toBe('window')
    await userEvent.selectOptions(screen.getByTestId('library-element-filter'), '')
    expect(screen.getByTestId('library-constructions-count').textContent).toBe('4')
  })

  it('shows readable layers, the currency of the costs and what a variant gets', () => {
    const table = show()
    expect(screen.getByTestId('construction-layers-etics_150').textContent).toBe('150 mm Mineral wool | 108 mm Brick (existing)')
    const cost = within(table).getByRole('columnheader', { name: /Cost/ })
    expect(cost.textContent).toContain('SEK/m²')
    const usable = screen.getByTestId('construction-usable-etics_150')
    expect(usable.textContent).toBe('energy · carbon, no cost')
    expect(usable.getAttribute('title')).toMatch(/No cost: missing cost of mineral_wool/)
    expect(screen.getByTestId('construction-unusable-win_double').textContent).toBe('not usable')
  })
})
