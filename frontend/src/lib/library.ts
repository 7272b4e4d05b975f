// The renovation library's editors: forms for materials and window systems (every number a
// text field, a blank stays blank), construction drafts with layers outside to inside and
// thicknesses in millimetres, the Go side's validation rules mirrored for inline hints, and Go's
// problem messages put next to the field or layer they are about. Go stays the judge: Save sends
// what parses and shows Go's message when it refuses.
import type { Construction, ConstructionView, Layer, Material, Problem, WindowSystem } from '../bridge/types'
import { MISSING } from './amount'
import { formatNumber } from './format'
import { mmToM, mToMm, numberText, parseOptionalNumber } from './numbers'

/** The building elements a construction is for (library.Elements; Construction.element holds one). */
export type Element = 'wall' | 'roof' | 'floor' | 'window'

export const ELEMENTS: Element[] = ['wall', 'roof', 'floor', 'window']

export const ELEMENT_LABELS: Record<string, string> = { wall: 'Wall', roof: 'Roof', floor: 'Floor', window: 'Window' }

export function elementLabel(el: string): string {
  return ELEMENT_LABELS[el] ?? el
}

export const KIND_MATERIAL = 'Material'
export const KIND_AIR_GAP = 'Material:AirGap'
export const KIND_NO_MASS = 'Material:NoMass'
export const KINDS = [KIND_MATERIAL, KIND_AIR_GAP, KIND_NO_MASS]
export const KIND_LABELS: Record<string, string> = {
  [KIND_MATERIAL]: 'Material (conductivity, density, specific heat)',
  [KIND_AIR_GAP]: 'Air gap (thermal resistance)',
  [KIND_NO_MASS]: 'No-mass (thermal resistance)',
}
export const ROUGHNESSES = ['VeryRough', 'Rough', 'MediumRough', 'MediumSmooth', 'Smooth', 'VerySmooth']
export const GWP_METRICS = ['CO2e', 'CO2 only']
/** EnergyPlus: a Construction has an outside layer and layers 2 to 10. */
export const MAX_LAYERS = 10
const MAX_ID_LENGTH = 64

/** U-values to two decimals: "0.21 W/m²K". */
export function formatU(u: number | null | undefined): string {
  if (u === null || u === undefined || !Number.isFinite(u)) return MISSING
  return `${formatNumber(u, 2)} W/m\u00b2K`
}

// ---------- ids ----------

/** What is wrong with an id (the rules of library.idProblem), or ''. */
export function idProblem(id: string): string {
  if (id === '') return 'the id is empty'
  if (id.length > MAX_ID_LENGTH) return `the id is ${id.length} characters long; at most ${MAX_ID_LENGTH}`
  const bad = [...id].find((r) => !/[A-Za-z0-9_.-]/.test(r))
  if (bad !== undefined) return `the id “${id}” may only contain letters, digits, '_', '-' and '.', not “${bad}”`
  return ''
}

/** A free id near `base`: base, base_2, base_3 ... (or base_copy, base_copy2 for copies). */
export function freeId(base: string, taken: Iterable<string>, suffix = '_'): string {
  const used = new Set(taken)
  const b = base.slice(0, MAX_ID_LENGTH - 4) || 'item'
  if (!used.has(b) && suffix === '_') return b
  for (let i = suffix === '_' ? 2 : 1; ; i++) {
    const tail = suffix === '_' ? `_${i}` : i === 1 ? suffix : `${suffix}${i}`
    const id = b.slice(0, MAX_ID_LENGTH - tail.length) + tail
    if (!used.has(id)) return id
  }
}

/** The id and name DuplicateConstruction is offered for a copy. */
export function copyOf(c: Pick<Construction, 'id' | 'name'>, taken: Iterable<string>): { id: string; name: string } {
  return { id: freeId(c.id, taken, '_copy'), name: `${c.name} (copy)` }
}

// ---------- Go's problem messages ----------

/** Library problems of one stored item by field, each without the item's label (its `detail`). */
export function problemsFor(problems: Problem[] | null | undefined, item: string, id: string): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const p of problems ?? []) {
    if (p.item !== item || p.id !== id) continue
    ;(out[p.field || ''] ??= []).push(p.detail || p.message)
  }
  return out
}

/** The layer a problem's field is about: "layers[2].thicknessM" is layer index 2; other fields have none. */
export function layerOfField(field: string): number | undefined {
  const hit = /^layers\[(\d+)\]/.exec(field)
  return hit ? Number(hit[1]) : undefined
}

export interface LayerProblems {
  /** by layer index (0 = outside) */
  layers: Record<number, string[]>
  /** the rest: name, id, element, window system, ... */
  general: string[]
}

/**
 * Go's problems with a construction being edited (a ConstructionView), each next to the layer
 * its field names; an error without problems is general.
 */
export function problemsByLayer(view: Pick<ConstructionView, 'problems' | 'error'> | null | undefined): LayerProblems {
  const out: LayerProblems = { layers: {}, general: [] }
  const problems = view?.problems ?? []
  if (problems.length === 0 && view?.error) out.general.push(view.error)
  for (const p of problems) {
    const i = layerOfField(p.field)
    if (i === undefined) out.general.push(p.message)
    else (out.layers[i] ??= []).push(p.message)
  }
  return out
}

// ---------- constructions and layers ----------

export interface LayerDraft {
  /** stable React key: layers move */
  key: number
  materialId: string
  /** what was typed, in millimetres */
  thicknessMm: string
  /** kept by the renovation: in the U-value, not in GWP or cost */
  existing: boolean
}

export interface ConstructionDraft {
  id: string
  name: string
  element: string
  layers: LayerDraft[]
  windowSystemId: string
  notes: string
  origin: string
}

let nextKey = 1
function layerKey(): number {
  return nextKey++
}

export function constructionToDraft(c: Construction): ConstructionDraft {
  return {
    id: c.id,
    name: c.name,
    element: c.element,
    layers: (c.layers ?? []).map((l) => ({
      key: layerKey(),
      materialId: l.materialId,
      thicknessMm: numberText(Number.isFinite(l.thicknessM) ? mToMm(l.thicknessM) : null),
      existing: Boolean(l.existing),
    })),
    windowSystemId: c.windowSystemId ?? '',
    notes: c.notes ?? '',
    origin: c.origin ?? '',
  }
}

export function newConstructionDraft(element: string, takenIds: Iterable<string>): ConstructionDraft {
  return {
    id: freeId(`my_${element}`, takenIds),
    name: '',
    element,
    layers: element === 'window' ? [] : [{ key: layerKey(), materialId: '', thicknessMm: '', existing: false }],
    windowSystemId: '',
    notes: '',
    origin: 'user',
  }
}

export interface DraftRead {
  construction: Construction
  /** by layer index: what the user must fix before Go can judge the construction */
  layerErrors: Record<number, string>
  ok: boolean
}

/**
 * The Construction a draft stands for. Thicknesses are read from millimetres into metres. A
 * layer without a material or with a thickness that is not a number cannot be sent (JSON has no
 * NaN): it is reported here; everything else (negative, zero, implausible) is Go's to judge.
 * Window constructions keep no layers; opaque ones keep no window system.
 */
export function readDraft(d: ConstructionDraft, materials: readonly Material[] = []): DraftRead {
  const layerErrors: Record<number, string> = {}
  const isWindow = d.element === 'window'
  const layers: Layer[] = isWindow
    ? []
    : d.layers.map((l, i) => {
        const m = materials.find((x) => x.id === l.materialId)
        const existing = Boolean(l.existing)
        if (!l.materialId) layerErrors[i] = `layer ${i + 1}: choose a material`
        const p = parseOptionalNumber(l.thicknessMm)
        if (!p.ok) {
          layerErrors[i] = `layer ${i + 1}: thickness ${p.error}`
          return { materialId: l.materialId, thicknessM: 0, existing }
        }
        if (p.value === null) {
          // Air gaps and no-mass layers have a fixed resistance: their thickness is informational.
          if (m && m.kind !== KIND_MATERIAL) return { materialId: l.materialId, thicknessM: 0, existing }
          layerErrors[i] ??= `layer ${i + 1}: enter the thickness in mm`
          return { materialId: l.materialId, thicknessM: 0, existing }
        }
        return { materialId: l.materialId, thicknessM: mmToM(p.value), existing }
      })
  const construction: Construction = {
    id: d.id.trim(),
    name: d.name.trim(),
    element: d.element,
    layers,
    windowSystemId: isWindow ? d.windowSystemId : '',
    notes: d.notes,
    origin: d.origin || 'user',
  }
  return { construction, layerErrors, ok: Object.keys(layerErrors).length === 0 }
}

export function addLayer(layers: LayerDraft[], at = layers.length): LayerDraft[] {
  const next = [...layers]
  next.splice(Math.max(0, Math.min(at, layers.length)), 0, { key: layerKey(), materialId: '', thicknessMm: '', existing: false })
  return next
}

export function removeLayer(layers: LayerDraft[], i: number): LayerDraft[] {
  return layers.filter((_, k) => k !== i)
}

/** Moves layer i one place outwards (-1) or inwards (+1); unchanged at the ends. */
export function moveLayer(layers: LayerDraft[], i: number, dir: -1 | 1): LayerDraft[] {
  const j = i + dir
  if (i < 0 || i >= layers.length || j < 0 || j >= layers.length) return layers
  const next = [...layers]
  ;[next[i], next[j]] = [next[j], next[i]]
  return next
}

/** Marks a layer as kept by the renovation (in U, not in GWP or cost) or as new. */
export function setLayerExisting(layers: LayerDraft[], i: number, existing: boolean): LayerDraft[] {
  return layers.map((l, k) => (k === i ? { ...l, existing } : l))
}

export function setLayerThickness(layers: LayerDraft[], i: number, mm: string): LayerDraft[] {
  return layers.map((l, k) => (k === i ? { ...l, thicknessMm: mm } : l))
}

/**
 * Chooses a layer's material. A fixed-thickness product (board, film) brings its thickness when
 * the layer has none yet.
 */
export function setLayerMaterial(layers: LayerDraft[], i: number, m: Pick<Material, 'id' | 'thicknessM'> | null): LayerDraft[] {
  return layers.map((l, k) => {
    if (k !== i) return l
    const thicknessMm = l.thicknessMm.trim() === '' && m?.thicknessM ? numberText(mToMm(m.thicknessM)) : l.thicknessMm
    return { ...l, materialId: m?.id ?? '', thicknessMm }
  })
}

/** Total thickness of the layers in mm (what parses), for the editor's summary line. */
export function totalMm(layers: LayerDraft[]): number {
  let sum = 0
  for (const l of layers) {
    const p = parseOptionalNumber(l.thicknessMm)
    if (p.ok && p.value !== null) sum += p.value
  }
  return Number.parseFloat(sum.toPrecision(12))
}

/** "EPS 150 mm + brick 108 mm" — a construction's layers, outside first. */
export function layersSummary(c: Construction, materials: readonly Material[], windows: readonly WindowSystem[] = []): string {
  if (c.element === 'window') return windows.find((w) => w.id === c.windowSystemId)?.name ?? c.windowSystemId
  return (c.layers ?? [])
    .map((l) => {
      const m = materials.find((x) => x.id === l.materialId)
      const name = m?.name ?? l.materialId
      const text = m && m.kind !== KIND_MATERIAL ? name : `${name} ${mToMm(l.thicknessM)} mm`
      return l.existing ? `${text} (existing)` : text
    })
    .join(' + ')
}

/** Constructions a variant can use for an element, with their figures. */
export function usableFor(views: readonly ConstructionView[], element: string): ConstructionView[] {
  return views.filter((v) => v.construction.element === element && !v.unusable && v.figures)
}

// ---------- materials ----------

export const MATERIAL_NUMBER_FIELDS = [
  'thicknessM',
  'conductivity',
  'density',
  'specificHeat',
  'thermalResistance',
  'thermalAbsorptance',
  'solarAbsorptance',
  'visibleAbsorptance',
  'gwpPerKg',
  'gwpPerM2',
  'costPerM2Per100mm',
  'costPerM2',
] as const
export type MaterialNumberField = (typeof MATERIAL_NUMBER_FIELDS)[number]

export type MaterialForm = Omit<Material, MaterialNumberField> & Record<MaterialNumberField, string>

/** A material as form text. The fixed thickness is edited in mm, like layer thicknesses. */
export function materialToForm(m: Material): MaterialForm {
  const f = { ...m } as unknown as MaterialForm
  for (const k of MATERIAL_NUMBER_FIELDS) f[k] = numberText(m[k])
  f.thicknessM = m.thicknessM === null || m.thicknessM === undefined ? '' : numberText(mToMm(m.thicknessM))
  return f
}

export function newMaterial(takenIds: Iterable<string>, currency = ''): Material {
  return {
    id: freeId('my_material', takenIds),
    name: '',
    category: '',
    kind: KIND_MATERIAL,
    thicknessM: null,
    conductivity: null,
    density: null,
    specificHeat: null,
    thermalResistance: null,
    roughness: 'MediumRough',
    thermalAbsorptance: null,
    solarAbsorptance: null,
    visibleAbsorptance: null,
    thermalSource: '',
    gwpPerKg: null,
    gwpPerM2: null,
    gwpMetric: 'CO2e',
    gwpSource: '',
    costPerM2Per100mm: null,
    costPerM2: null,
    costRange: '',
    costBasis: '',
    currency,
    costSource: '',
    notes: '',
    origin: 'user',
  }
}

export interface FormRead<T> {
  value: T
  /** fields whose text is not a number */
  errors: Record<string, string>
  ok: boolean
}

/** Reads a material form: blanks stay null; the fixed thickness goes from mm to m. */
export function readMaterialForm(f: MaterialForm): FormRead<Material> {
  const errors: Record<string, string> = {}
  const m = { ...f } as unknown as Material
  for (const k of MATERIAL_NUMBER_FIELDS) {
    const p = parseOptionalNumber(f[k])
    if (!p.ok) {
      errors[k] = p.error
      m[k] = null
    } else m[k] = p.value
  }
  if (m.thicknessM != null) m.thicknessM = mmToM(m.thicknessM)
  m.id = m.id.trim()
  return { value: m, errors, ok: Object.keys(errors).length === 0 }
}

/** An optional number of a library item: Go sends a blank as null (the generated type also allows undefined). */
type Blank = number | null | undefined

function positive(out: Record<string, string>, field: string, name: string, unit: string, v: Blank, required: boolean) {
  if (v == null) {
    if (required) out[field] = `${name} (${unit}) is missing`
  } else if (!(v > 0) || !Number.isFinite(v)) out[field] = `${name} must be greater than 0 ${unit}, not ${v}`
}

function nonNegative(out: Record<string, string>, field: string, name: string, v: Blank) {
  if (v != null && !(v >= 0)) out[field] ??= `${name} must not be negative, not ${v}`
}

function checkCost(out: Record<string, string>, per100mm: Blank, perM2: Blank, currency: string, source: string) {
  if (per100mm != null && perM2 != null) out.costPerM2 = 'cost is given both per m² and per m² per 100 mm; keep one'
  nonNegative(out, 'costPerM2Per100mm', 'cost per m² per 100 mm', per100mm)
  nonNegative(out, 'costPerM2', 'cost per m²', perM2)
  if (per100mm == null && perM2 == null) return
  if (!currency.trim()) out.currency = 'the cost has no currency'
  if (!source.trim()) out.costSource = 'the cost has no source; say where it comes from'
}

/** The rules of library.Material.Validate, by field, with Go's wording (without the item prefix). */
export function validateMaterial(m: Material): Record<string, string> {
  const out: Record<string, string> = {}
  const idp = idProblem(m.id)
  if (idp) out.id = idp
  if (!m.name.trim()) out.name = 'the name is empty'
  const absorptances = () => {
    for (const [field, name, max] of [
      ['thermalAbsorptance', 'thermal absorptance', 0.99999],
      ['solarAbsorptance', 'solar absorptance', 1],
      ['visibleAbsorptance', 'visible absorptance', 1],
    ] as const) {
      const v = m[field]
      if (v != null && !(v > 0 && v <= max)) out[field] = `${name} must be greater than 0 and at most ${max}, not ${v}`
    }
  }
  const roughness = () => {
    if (!m.roughness) out.roughness = `roughness is missing (one of ${ROUGHNESSES.join(', ')})`
    else if (!ROUGHNESSES.includes(m.roughness)) out.roughness = `roughness “${m.roughness}” is not one of ${ROUGHNESSES.join(', ')}`
  }
  switch (m.kind) {
    case KIND_MATERIAL:
      positive(out, 'conductivity', 'conductivity', 'W/(m·K)', m.conductivity, true)
      positive(out, 'density', 'density', 'kg/m³', m.density, true)
      if (m.specificHeat == null) out.specificHeat = 'specific heat (J/(kg·K)) is missing'
      else if (!(m.specificHeat >= 100)) out.specificHeat = `specific heat must be at least 100 J/(kg·K) (EnergyPlus's minimum), not ${m.specificHeat}`
      roughness()
      absorptances()
      break
    case KIND_AIR_GAP:
      positive(out, 'thermalResistance', 'thermal resistance', 'm²K/W', m.thermalResistance, true)
      break
    case KIND_NO_MASS:
      if (m.thermalResistance == null) out.thermalResistance = 'thermal resistance (m²K/W) is missing'
      else if (!(m.thermalResistance >= 0.001)) out.thermalResistance = `thermal resistance must be at least 0.001 m²K/W (EnergyPlus's minimum), not ${m.thermalResistance}`
      roughness()
      absorptances()
      break
    default:
      out.kind = `kind “${m.kind}” is not one of ${KINDS.join(', ')}`
  }
  if (m.thicknessM != null && !(m.thicknessM > 0)) out.thicknessM = `fixed thickness must be greater than 0 m, not ${m.thicknessM}`
  if (!m.thermalSource.trim()) out.thermalSource = 'the thermal properties have no source; say where they come from'
  if (m.gwpPerKg != null && m.gwpPerM2 != null) out.gwpPerKg = 'GWP is given both per kg and per m²; keep one'
  if (m.gwpPerKg != null && (m.kind === KIND_AIR_GAP || m.kind === KIND_NO_MASS)) {
    out.gwpPerKg ??= `GWP per kg needs a mass, and a ${m.kind} has none; give GWP per m² instead`
  }
  nonNegative(out, 'gwpPerKg', 'GWP per kg', m.gwpPerKg)
  nonNegative(out, 'gwpPerM2', 'GWP per m²', m.gwpPerM2)
  if (m.gwpPerKg != null || m.gwpPerM2 != null) {
    if (!GWP_METRICS.includes(m.gwpMetric)) out.gwpMetric = `say whether the GWP counts “CO2e” or “CO2 only” (not “${m.gwpMetric}”)`
    if (!m.gwpSource.trim()) out.gwpSource = 'the GWP has no source; say where it comes from'
  }
  checkCost(out, m.costPerM2Per100mm, m.costPerM2, m.currency, m.costSource)
  return out
}

/** Which inputs a kind uses: the editor hides the others (and Save blanks them). */
export function materialFieldsFor(kind: string): { thermal: MaterialNumberField[]; surface: boolean } {
  if (kind === KIND_AIR_GAP) return { thermal: ['thermalResistance'], surface: false }
  if (kind === KIND_NO_MASS) return { thermal: ['thermalResistance'], surface: true }
  return { thermal: ['conductivity', 'density', 'specificHeat'], surface: true }
}

/** Blanks the numbers a kind does not use, so a material switched from one kind to another stays valid. */
export function pruneForKind(m: Material): Material {
  const out = { ...m }
  if (m.kind === KIND_AIR_GAP || m.kind === KIND_NO_MASS) {
    out.conductivity = null
    out.density = null
    out.specificHeat = null
  } else out.thermalResistance = null
  if (m.kind === KIND_AIR_GAP) {
    out.roughness = ''
    out.thermalAbsorptance = null
    out.solarAbsorptance = null
    out.visibleAbsorptance = null
  }
  return out
}

// ---------- window systems ----------

export const WINDOW_NUMBER_FIELDS = ['uFactor', 'shgc', 'visibleTransmittance', 'gwpPerM2', 'costPerM2'] as const
export type WindowNumberField = (typeof WINDOW_NUMBER_FIELDS)[number]
export type WindowForm = Omit<WindowSystem, WindowNumberField> & Record<WindowNumberField, string>

export function windowToForm(w: WindowSystem): WindowForm {
  const f = { ...w } as unknown as WindowForm
  for (const k of WINDOW_NUMBER_FIELDS) f[k] = numberText(w[k])
  return f
}

export function readWindowForm(f: WindowForm): FormRead<WindowSystem> {
  const errors: Record<string, string> = {}
  const w = { ...f } as unknown as WindowSystem
  for (const k of WINDOW_NUMBER_FIELDS) {
    const p = parseOptionalNumber(f[k])
    if (!p.ok) {
      errors[k] = p.error
      w[k] = null
    } else w[k] = p.value
  }
  w.id = w.id.trim()
  return { value: w, errors, ok: Object.keys(errors).length === 0 }
}

export function newWindowSystem(takenIds: Iterable<string>, currency = ''): WindowSystem {
  return {
    id: freeId('my_window', takenIds),
    name: '',
    uFactor: null,
    shgc: null,
    visibleTransmittance: null,
    uBasis: '',
    source: '',
    gwpPerM2: null,
    gwpBasis: '',
    gwpSource: '',
    costPerM2: null,
    currency,
    costSource: '',
    notes: '',
    origin: 'user',
  }
}

/** The rules of library.WindowSystem.Validate, by field. */
export function validateWindow(w: WindowSystem): Record<string, string> {
  const out: Record<string, string> = {}
  const idp = idProblem(w.id)
  if (idp) out.id = idp
  if (!w.name.trim()) out.name = 'the name is empty'
  positive(out, 'uFactor', 'U-factor', 'W/(m²·K)', w.uFactor, true)
  for (const [field, name] of [
    ['shgc', 'solar heat gain coefficient (SHGC)'],
    ['visibleTransmittance', 'visible transmittance'],
  ] as const) {
    const v = w[field]
    if (v != null && !(v > 0 && v < 1)) out[field] = `${name} must be between 0 and 1 (exclusive), not ${v}`
  }
  if (!w.source.trim() && (w.uFactor != null || w.shgc != null || w.visibleTransmittance != null)) {
    out.source = 'U-factor, SHGC and visible transmittance have no source; say where they come from'
  }
  nonNegative(out, 'gwpPerM2', 'GWP per m²', w.gwpPerM2)
  if (w.gwpPerM2 != null && !w.gwpSource.trim()) out.gwpSource = 'the GWP has no source; say where it comes from'
  checkCost(out, null, w.costPerM2, w.currency, w.costSource)
  return out
}

/** Why a window system cannot be used in a variant yet (EnergyPlus needs SHGC and VT), or ''. */
export function windowGaps(w: Pick<WindowSystem, 'shgc' | 'visibleTransmittance'>): string {
  const blank = []
  if (w.shgc == null) blank.push('SHGC')
  if (w.visibleTransmittance == null) blank.push('visible transmittance')
  return blank.length ? `no ${blank.join(' and no ')}: fill in from the product's data sheet before using it in a variant` : ''
}
