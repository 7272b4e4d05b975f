import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { IdfObjectChange, VariantDiff } from '../bridge'
import { FIRST_OBJECTS } from '../lib/variantDiff'
import { VariantChanges, VariantChangesView } from './VariantChanges'

const wall = (n: number): IdfObjectChange => ({
  kind: 'changed',
  class: 'BuildingSurface:Detailed',
  name: `Wall ${n}`,
  beforeLine: 100 + 10 * n,
  afterLine: 100 + 10 * n,
  fields: [{ index: 2, name: 'Construction Name', before: 'Old brick wall', after: 'EPSM wall wall_concrete_etics_sw100', beforeLine: 103 + 10 * n, afterLine: 103 + 10 * n }],
})

const diff = (objects: IdfObjectChange[], over: Partial<VariantDiff> = {}): VariantDiff => ({
  studyId: 1,
  variantId: 2,
  variant: 'ETICS 100',
  baseline: false,
  baseModel: 'house.idf',
  variantModel: 'house [V1].idf',
  diff: {
    objects,
    changed: objects.filter((o) => o.kind === 'changed').length,
    added: objects.filter((o) => o.kind === 'added').length,
    removed: objects.filter((o) => o.kind === 'removed').length,
    fieldsChanged: objects.filter((o) => o.kind === 'changed').reduce((n, o) => n + (o.fields?.length ?? 0), 0),
  },
  ...over,
})

const construction: IdfObjectChange = {
  kind: 'added',
  class: 'Construction',
  name: 'EPSM wall wall_concrete_etics_sw100',
  beforeLine: 0,
  afterLine: 6500,
  fields: [
    { index: 0, name: 'Name', before: '', after: 'EPSM wall wall_concrete_etics_sw100', beforeLine: 0, afterLine: 6501 },
    { index: 1, name: 'Outside Layer', before: '', after: 'EPSM wall render', beforeLine: 0, afterLine: 6502 },
  ],
}

describe('VariantChangesView', () => {
  it('counts the changes, then shows each object with its fields before and after', () => {
    render(<VariantChangesView diff={diff([wall(1), wall(2), construction])} label="V1" />)
    expect(screen.getByTestId('variant-changes-summary')).toHaveTextContent('V1 · ETICS 100 against house.idf: 2 objects changed (2 fields), 1 object added.')
    const objects = screen.getAllByTestId('idf-change')
    expect(objects.map((o) => o.dataset.kind)).toEqual(['changed', 'changed', 'added'])
    const first = within(objects[0])
    expect(first.getByText('BuildingSurface:Detailed')).toBeInTheDocument()
    expect(first.getByText('Wall 1')).toBeInTheDocument()
    expect(first.getByText('line 110')).toBeInTheDocument()
    const field = first.getByTestId('idf-field')
    expect(field).toHaveAttribute('data-field', 'Construction Name')
    expect(within(field).getByTestId('idf-before')).toHaveTextContent('Old brick wall line 113')
    expect(within(field).getByTestId('idf-after')).toHaveTextContent('EPSM wall wall_concrete_etics_sw100 line 113')
    // An added object has no before: all its fields are new.
    const added = within(objects[2])
    expect(added.getByText('added')).toHaveClass('badge-success')
    expect(added.getAllByTestId('idf-before').map((c) => c.textContent)).toEqual(['—', '—'])
    expect(added.getAllByTestId('idf-field').map((r) => r.dataset.field)).toEqual(['Name', 'Outside Layer'])
  })

  it('shows a blank value as blank, not as an empty cell', () => {
    const cleared = { ...wall(1), fields: [{ index: 5, name: 'field 6', before: '0.5', after: '', beforeLine: 9, afterLine: 0 }] }
    render(<VariantChangesView diff={diff([cleared])} />)
    expect(screen.getByTestId('idf-after')).toHaveTextContent('(blank)')
  })

  it('draws the first objects of a large diff, the rest on request', async () => {
    const many = Array.from({ length: FIRST_OBJECTS + 15 }, (_, i) => wall(i))
    render(<VariantChangesView diff={diff(many)} />)
    expect(screen.getAllByTestId('idf-change')).toHaveLength(FIRST_OBJECTS)
    await userEvent.click(screen.getByTestId('variant-changes-all'))
    expect(screen.getAllByTestId('idf-change')).toHaveLength(FIRST_OBJECTS + 15)
    expect(screen.queryByTestId('variant-changes-all')).not.toBeInTheDocument()
  })

  it('says the baseline is the base model itself', () => {
    render(<VariantChangesView diff={diff([], { baseline: true, variant: 'Baseline' })} />)
    expect(screen.getByTestId('variant-changes-summary')).toHaveTextContent('The baseline is the base model house.idf itself: nothing changed.')
    expect(screen.queryByTestId('idf-change')).not.toBeInTheDocument()
  })
})

describe('VariantChanges', () => {
  it('loads the variant’s diff and shows it; an error is said', async () => {
    const load = vi.fn().mockResolvedValue(diff([wall(1)]))
    const { rerender } = render(<VariantChanges variantId={2} label="V1" onClose={() => {}} load={load} />)
    expect(await screen.findByTestId('idf-change')).toHaveAttribute('data-name', 'Wall 1')
    expect(load).toHaveBeenCalledWith(2)
    const failing = vi.fn().mockRejectedValue(new Error('model of variant "V2": file not found'))
    rerender(<VariantChanges variantId={3} label="V2" onClose={() => {}} load={failing} />)
    expect(await screen.findByTestId('variant-changes-error')).toHaveTextContent('model of variant "V2": file not found')
    expect(screen.queryByTestId('idf-change')).not.toBeInTheDocument()
  })

  it('shows the raw line diff on request, each line marked, and says when it was cut', async () => {
    const text = '--- house.idf\n+++ house [V1].idf\n@@ -12,3 +12,3 @@\n     Wall 1,  !- Name\n-    Old brick wall,  !- Construction Name\n+    EPSM wall,  !- Construction Name\n'
    const loadRaw = vi.fn().mockResolvedValue({ text, lines: 6, allLines: 900, truncated: true })
    render(<VariantChanges variantId={2} onClose={() => {}} load={vi.fn().mockResolvedValue(diff([wall(1)]))} loadRaw={loadRaw} />)
    await userEvent.click(await screen.findByTestId('variant-changes-raw'))
    const pre = await screen.findByTestId('variant-raw-diff')
    expect(loadRaw).toHaveBeenCalledWith(2)
    expect([...pre.children].map((l) => l.className)).toEqual(['raw-file', 'raw-file', 'raw-hunk', 'raw-ctx', 'raw-del', 'raw-add'])
    expect(pre.querySelector('.raw-del')).toHaveTextContent('- Old brick wall, !- Construction Name')
    expect(screen.getByTestId('variant-raw-truncated')).toHaveTextContent('The first 6 of 900 lines')
    expect(screen.queryByTestId('idf-change')).not.toBeInTheDocument()
    await userEvent.click(screen.getByTestId('variant-changes-raw'))
    expect(screen.getByTestId('idf-change')).toBeInTheDocument()
  })
})
