import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as Library from '../../wailsjs/go/librarysvc/Service'
import { libraryView, material, windowSystem } from '../lib/testlibrary'
import { ConstructionEditor } from './ConstructionEditor'
import { MaterialEditor } from './MaterialEditor'
import { WindowEditor } from './WindowEditor'

// The editors call the real bridge; only the bound Go service is replaced.
vi.mock('../../wailsjs/go/librarysvc/Service', () => ({
  SaveMaterial: vi.fn(async () => ({ materials: [], windows: [], constructions: [], problems: [], attribution: '' })),
  SaveWindowSystem: vi.fn(async () => ({ materials: [], windows: [], constructions: [], problems: [], attribution: '' })),
  SaveConstruction: vi.fn(async () => ({ materials: [], windows: [], constructions: [], problems: [], attribution: '' })),
  PreviewConstruction: vi.fn(async (c: unknown) => ({ construction: c, figures: null, error: '' })),
  DeleteMaterial: vi.fn(),
  DeleteWindowSystem: vi.fn(),
  DeleteConstruction: vi.fn(),
  DuplicateConstruction: vi.fn(),
}))

beforeEach(() => {
  vi.clearAllMocks()
  vi.mocked(Library.PreviewConstruction).mockImplementation(async (c) => ({ construction: c, error: '' }) as never)
})

const field = (label: string | RegExp) => screen.getByLabelText(label)

async function retype(label: string | RegExp, text: string) {
  const input = field(label)
  await userEvent.clear(input)
  if (text) await userEvent.type(input, text)
  return input
}

describe('MaterialEditor', () => {
  const show = (m = material()) => {
    const onChanged = vi.fn()
    render(<MaterialEditor library={libraryView()} material={m} currency="SEK" onChanged={onChanged} onClose={() => {}} />)
    return { onChanged }
  }

  it('marks a number it cannot read, and saves nothing until it can', async () => {
    show()
    const input = await retype(/Conductivity/, '0,035 W')
    expect(input).toBeInvalid()
    expect(input).toHaveAccessibleDescription(/is not a number/)
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(screen.getByRole('alert')).toHaveTextContent('Some numbers cannot be read: see the marked fields.')
    expect(Library.SaveMaterial).not.toHaveBeenCalled()
  })

  it("says what is wrong with a value with Go's rule, next to the field", async () => {
    show()
    expect(await retype(/Conductivity/, '-1')).toHaveAccessibleDescription('conductivity must be greater than 0 W/(m·K), not -1')
    expect(await retype(/Specific heat/, '50')).toHaveAccessibleDescription(/at least 100 J\/\(kg·K\)/)
    await retype(/GWP per m²/, '3')
    expect(field(/GWP per kg/)).toHaveAccessibleDescription(/GWP is given both per kg and per m²; keep one/)
  })

  it('keeps a blank a blank: a cleared figure is sent as missing, not as 0', async () => {
    const { onChanged } = show()
    const input = await retype(/GWP per kg/, '')
    expect(input).toBeValid()
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(Library.SaveMaterial).toHaveBeenCalledTimes(1)
    const sent = vi.mocked(Library.SaveMaterial).mock.calls[0][0]
    expect(sent.gwpPerKg).toBeNull()
    expect(sent.conductivity).toBe(0.035)
    expect(onChanged).toHaveBeenCalledWith(expect.anything(), 'mineral_wool')
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.')
  })

  it("shows Go's refusal and keeps the form", async () => {
    vi.mocked(Library.SaveMaterial).mockRejectedValueOnce('material mineral_wool (Mineral wool): conductivity must be greater than 0')
    show()
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(/conductivity must be greater than 0/)
    expect(field(/Conductivity/)).toHaveValue('0.035')
  })

  it('disables the buttons while saving', async () => {
    let finish: (v: unknown) => void = () => {}
    vi.mocked(Library.SaveMaterial).mockReturnValueOnce(new Promise((r) => (finish = r)) as never)
    show()
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(screen.getByRole('button', { name: 'Saving…' })).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Close' })).toBeDisabled()
    finish({ materials: [], windows: [], constructions: [], problems: [], attribution: '' })
    expect(await screen.findByRole('button', { name: 'Save' })).toBeEnabled()
  })
})

describe('WindowEditor', () => {
  it('marks an SHGC outside 0–1 and says a variant needs one when it is blank', async () => {
    render(<WindowEditor library={libraryView()} window={windowSystem()} currency="SEK" onChanged={() => {}} onClose={() => {}} />)
    expect(await retype('SHGC', '1.2')).toHaveAccessibleDescription(/solar heat gain coefficient \(SHGC\) must be between 0 and 1 \(exclusive\), not 1.2/)
    await retype('SHGC', '')
    expect(screen.getByText(/no SHGC: fill in from the product's data sheet before using it in a variant/)).toBeInTheDocument()
  })
})

describe('ConstructionEditor', () => {
  const wall = () => libraryView().constructions![0].construction

  it('marks a layer thickness it cannot read and saves nothing', async () => {
    render(<ConstructionEditor library={libraryView()} construction={wall()} onChanged={() => {}} onClose={() => {}} />)
    const thickness = screen.getByRole('textbox', { name: 'Layer 1 thickness in mm' })
    await userEvent.clear(thickness)
    await userEvent.type(thickness, '15 cm')
    expect(thickness).toBeInvalid()
    expect(screen.getByTestId('layer-error-0')).toHaveTextContent('layer 1: thickness “15 cm” is not a number')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(screen.getByRole('alert')).toHaveTextContent('layer 1: thickness “15 cm” is not a number')
    expect(Library.SaveConstruction).not.toHaveBeenCalled()
  })

  it("puts Go's problem with a layer next to the layer its field names", async () => {
    const message = 'construction etics_150: layer 2 (brick): thickness must be greater than 0 m, not -0.005'
    const problems = [{ item: 'construction', id: 'etics_150', field: 'layers[1].thicknessM', message }]
    vi.mocked(Library.PreviewConstruction).mockImplementation(async (c) => ({ construction: c, error: message, problems }) as never)
    render(<ConstructionEditor library={libraryView()} construction={wall()} onChanged={() => {}} onClose={() => {}} />)
    const thickness = screen.getByRole('textbox', { name: 'Layer 2 thickness in mm' })
    await userEvent.clear(thickness)
    await userEvent.type(thickness, '-5')
    expect(await screen.findByTestId('layer-error-1')).toHaveTextContent('thickness must be greater than 0 m, not -0.005')
    expect(thickness).toBeInvalid()
    expect(screen.getByRole('textbox', { name: 'Layer 1 thickness in mm' })).toBeValid()
  })

  it('places problems by their field, not by the layer a message names', async () => {
    const problems = [
      { item: 'construction', id: 'etics_150', field: 'layers[0].materialId', message: 'reworded: see layer 2' },
      { item: 'construction', id: 'etics_150', field: 'name', message: 'construction etics_150: layer 2: the name reads like a layer' },
    ]
    vi.mocked(Library.PreviewConstruction).mockImplementation(async (c) => ({ construction: c, error: 'one line', problems }) as never)
    render(<ConstructionEditor library={libraryView()} construction={wall()} onChanged={() => {}} onClose={() => {}} />)
    expect(await screen.findByTestId('layer-error-0')).toHaveTextContent('reworded: see layer 2')
    expect(screen.queryByTestId('layer-error-1')).toBeNull()
    expect(screen.getByTestId('construction-problems')).toHaveTextContent('construction etics_150: layer 2: the name reads like a layer')
    expect(screen.getByTestId('construction-problems')).not.toHaveTextContent('one line')
  })

  it('refuses a copy under an id that is taken', async () => {
    render(<ConstructionEditor library={libraryView()} construction={wall()} onChanged={() => {}} onClose={() => {}} />)
    await userEvent.click(screen.getByRole('button', { name: /Duplicate/ }))
    const id = screen.getByLabelText('Id of the copy')
    await userEvent.clear(id)
    await userEvent.type(id, 'roof_300')
    expect(id).toHaveAccessibleDescription('this id is taken')
    const dialog = id.closest('form, [role="dialog"], section') as HTMLElement
    expect(within(dialog).getByTestId('copy-confirm')).toBeDisabled()
    await userEvent.clear(id)
    await userEvent.type(id, 'etics_150_b')
    expect(within(dialog).getByTestId('copy-confirm')).toBeEnabled()
  })
})
