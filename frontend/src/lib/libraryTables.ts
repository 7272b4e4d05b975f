// The library screen's three tables as rows and TanStack column definitions. Cells that hold
// a figure carry its AmountView, so a blank GWP or cost reads as missing with its reason and
// sorts after every known value, never as 0.
import { createColumnHelper } from '@tanstack/table-core'
import type { Construction, ConstructionView, LibraryView, Material, Problem, WindowSystem } from '../bridge/types'
import { amountView, MISSING, type AmountView } from './amount'
import { formatNumber } from './format'
import { elementLabel, formatU, KIND_MATERIAL, layersSummary, windowGaps } from './library'
import { mToMm } from './numbers'
import { SEARCH_COLUMN, type Features } from './tables'

/** A known number as AmountView; a blank one is missing with what it is. */
export function optionalView(v: number | null | undefined, what: string, format: (n: number) => string = (n) => formatNumber(n)): AmountView {
  return amountView(v === null || v === undefined ? { value: 0, complete: false, missing: [what] } : { value: v, complete: true }, format)
}

function countProblems(problems: Problem[] | null | undefined, item: string, id: string): string[] {
  return (problems ?? []).filter((p) => p.item === item && p.id === id).map((p) => p.message)
}

// ---------- materials ----------

/** A property the material's kind does not have (conductivity of an air gap): empty, not missing. */
const NOT_USED: AmountView = { text: '', complete: true, missing: [], title: 'not used by this kind of material', sortValue: undefined }

export interface MaterialRow {
  id: string
  name: string
  category: string
  kind: string
  conductivity: AmountView
  density: AmountView
  specificHeat: AmountView
  resistance: AmountView
  /** "12.5 mm" for fixed-thickness products */
  fixedThickness: string
  /** GWP per kg or per m², with its unit */
  gwp: AmountView
  gwpUnit: string
  cost: AmountView
  costUnit: string
  origin: string
  usedBy: string[]
  problems: string[]
  search: string
  material: Material
}

export function materialRows(lib: LibraryView): MaterialRow[] {
  const cons = (lib.constructions ?? []).map((v) => v.construction)
  return (lib.materials ?? []).map((m) => {
    const massive = m.kind === KIND_MATERIAL
    const na = (v: number | null | undefined, what: string, format: (n: number) => string) => (massive ? optionalView(v, `${what} of ${m.id}`, format) : NOT_USED)
    const gwpPerKg = m.gwpPerKg !== null && m.gwpPerKg !== undefined
    const gwp = gwpPerKg ? optionalView(m.gwpPerKg, `GWP of ${m.id}`, (n) => formatNumber(n, 3)) : optionalView(m.gwpPerM2, `GWP of ${m.id}`)
    const per100 = m.costPerM2Per100mm !== null && m.costPerM2Per100mm !== undefined
    const costMissing = `cost of ${m.id}${m.costRange ? ` (only a range is published: ${m.costRange} ${m.currency})` : ''}`
    const cost = per100 ? optionalView(m.costPerM2Per100mm, costMissing) : optionalView(m.costPerM2, costMissing)
    const usedBy = cons.filter((c) => (c.layers ?? []).some((l) => l.materialId === m.id)).map((c) => c.id)
    return {
      id: m.id,
      name: m.name,
      category: m.category,
      kind: m.kind,
      // λ to three decimals (0.035, not 0.04): a U-value depends on the third.
      conductivity: na(m.conductivity, 'conductivity', (n) => formatNumber(n, 3)),
      density: na(m.density, 'density', (n) => formatNumber(n, n < 10 ? 1 : 0)),
      specificHeat: na(m.specificHeat, 'specific heat', (n) => formatNumber(n, 0)),
      resistance: massive ? NOT_USED : optionalView(m.thermalResistance, `thermal resistance of ${m.id}`, (n) => formatNumber(n, 3)),
      fixedThickness: m.thicknessM ? `${mToMm(m.thicknessM)} mm` : '',
      gwp,
      gwpUnit: gwpPerKg ? 'kg CO2e/kg' : 'kg CO2e/m²',
      cost,
      costUnit: `${m.currency || ''}/m²${per100 ? ' per 100 mm' : ''}`.trim(),
      origin: m.origin,
      usedBy,
      problems: countProblems(lib.problems, 'material', m.id),
      search: [m.id, m.name, m.category, m.kind, m.thermalSource, m.gwpSource, m.costSource, m.notes].join(' '),
      material: m,
    }
  })
}

// ---------- window systems ----------

export interface WindowRow {
  id: string
  name: string
  u: AmountView
  shgc: AmountView
  vt: AmountView
  gwp: AmountView
  cost: AmountView
  currency: string
  /** why it cannot be used in a variant yet, '' when it can */
  gaps: string
  origin: string
  usedBy: string[]
  problems: string[]
  search: string
  window: WindowSystem
}

export function windowRows(lib: LibraryView): WindowRow[] {
  const cons = (lib.constructions ?? []).map((v) => v.construction)
  return (lib.windows ?? []).map((w) => ({
    id: w.id,
    name: w.name,
    u: optionalView(w.uFactor, `U-factor of ${w.id}`, (n) => formatNumber(n, 2)),
    shgc: optionalView(w.shgc, `SHGC of ${w.id}`, (n) => formatNumber(n, 2)),
    vt: optionalView(w.visibleTransmittance, `visible transmittance of ${w.id}`, (n) => formatNumber(n, 2)),
    gwp: optionalView(w.gwpPerM2, `GWP of window system ${w.id}`),
    cost: optionalView(w.costPerM2, `cost of window system ${w.id}`),
    currency: w.currency,
    gaps: windowGaps(w),
    origin: w.origin,
    usedBy: cons.filter((c) => c.windowSystemId === w.id).map((c) => c.id),
    problems: countProblems(lib.problems, 'window system', w.id),
    search: [w.id, w.name, w.uBasis, w.source, w.gwpSource, w.costSource, w.notes].join(' '),
    window: w,
  }))
}

// ---------- constructions ----------

// ---------- constructions ----------

/**
 * A material's name for a table cell: the name without its grade ("Plywood, 540 kg/m3" ->
 * "Plywood") and without a long parenthesis ("Normal-weight concrete (sand & gravel
 * aggregate)" -> "Normal-weight concrete"). The full name is the cell's tooltip.
 */
export function shortMaterialName(name: string): string {
  let depth = 0
  let cut = name.length
  for (let i = 0; i < name.length; i++) {
    const ch = name[i]
    if (ch === '(') depth++
    else if (ch === ')') depth = Math.max(0, depth - 1)
    else if (ch === ',' && depth === 0) {
      cut = i
      break
    }
  }
  const head = name.slice(0, cut).trim()
  if (head.length <= 24) return head
  const bare = head.replace(/\s*\([^()]*\)/g, '').trim()
  return bare || head
}

export interface LayerText {
  /** "95 mm Mineral wool", "Air space in wall", "Brick 108 mm (existing)" */
  text: string
  /** the full name, thickness and whether the layer is kept */
  title: string
}

/** The layers, outside to inside, as the table shows them: thickness first, short names. A window is its window system. */
export function layerTexts(c: Construction, materials: readonly Material[], windows: readonly WindowSystem[] = []): LayerText[] {
  if (c.element === 'window') {
    const w = windows.find((x) => x.id === c.windowSystemId)
    const name = w?.name ?? c.windowSystemId
    return [{ text: name, title: `Window system ${name}` }]
  }
  return (c.layers ?? []).map((l) => {
    const m = materials.find((x) => x.id === l.materialId)
    const name = m?.name ?? l.materialId
    const sized = !m || m.kind === KIND_MATERIAL
    const kept = l.existing ? ' (existing)' : ''
    const text = `${sized ? `${mToMm(l.thicknessM)} mm ` : ''}${shortMaterialName(name)}${kept}`
    const title = `${name}${sized ? `, ${mToMm(l.thicknessM)} mm` : ''}${l.existing ? ', existing layer kept' : ''}${m ? '' : ' (not in the library)'}`
    return { text, title }
  })
}

/** What a study variant gets from a construction: energy always (its U-value), carbon and cost when the library has their inputs. */
export interface Usability {
  /** 'all': energy, carbon and cost; 'partial': energy and some; 'none': a variant cannot use it */
  level: 'all' | 'partial' | 'none'
  /** "energy · carbon · cost", "energy · carbon, no cost", "not usable" */
  text: string
  /** what it gives and what is missing, one item per line */
  title: string
  /** for sorting: the number of figures it gives (0 when unusable) */
  rank: number
}

export function usability(unusable: string, u: AmountView, gwp: AmountView, cost: AmountView): Usability {
  if (unusable) return { level: 'none', text: 'not usable', title: unusable, rank: 0 }
  if (!u.complete) return { level: 'none', text: 'not usable', title: `No U-value, so no simulation: ${u.title.replace(/^Missing: /, '')}`, rank: 0 }
  const figures = [
    { name: 'carbon', full: 'embodied carbon (GWP)', view: gwp },
    { name: 'cost', full: 'cost', view: cost },
  ]
  const has = figures.filter((f) => f.view.complete)
  const lacks = figures.filter((f) => !f.view.complete)
  const gives = ['energy', ...has.map((f) => f.name)].join(' · ')
  const title = [
    `A study variant can use it. It gives energy (U-value)${has.length ? ` and ${has.map((f) => f.full).join(' and ')}` : ''}.`,
    ...lacks.map((f) => `No ${f.full}: ${f.view.title.replace(/^Missing: /, 'missing ')}`),
  ].join('\n')
  return {
    level: lacks.length ? 'partial' : 'all',
    text: lacks.length ? `${gives}, no ${lacks.map((f) => f.name).join(' or ')}` : gives,
    title,
    rank: 1 + has.length,
  }
}

export interface ConstructionRow {
  id: string
  name: string
  element: string
  /** "95 mm Mineral wool | 108 mm Brick (existing)" */
  layers: string
  layerParts: LayerText[]
  usability: Usability
  u: AmountView
  gwp: AmountView
  cost: AmountView
  currency: string
  /** why a variant cannot use it ('' when it can) */
  unusable: string
  /** why its figures cannot be computed ('' when they can) */
  error: string
  origin: string
  search: string
  view: ConstructionView
}

export function constructionRows(lib: LibraryView): ConstructionRow[] {
  const materials = lib.materials ?? []
  const windows = lib.windows ?? []
  return (lib.constructions ?? []).map((v) => {
    const c = v.construction
    const f = v.figures
    const why = v.error || 'not computed'
    const layerParts = layerTexts(c, materials, windows)
    const layers = layerParts.map((l) => l.text).join(' | ')
    const u = f ? amountView({ value: f.u, complete: true }, (n) => formatNumber(n, 2)) : amountView({ value: 0, complete: false, missing: [why] })
    const gwp = f ? amountView(f.gwpPerM2) : amountView({ value: 0, complete: false, missing: [why] })
    const cost = f ? amountView(f.costPerM2) : amountView({ value: 0, complete: false, missing: [why] })
    return {
      id: c.id,
      name: c.name,
      element: c.element,
      layers,
      layerParts,
      usability: usability(v.unusable ?? '', u, gwp, cost),
      u,
      gwp,
      cost,
      currency: f?.currency ?? '',
      unusable: v.unusable ?? '',
      error: v.error ?? '',
      origin: c.origin,
      search: [c.id, c.name, elementLabel(c.element), layersSummary(c, materials, windows), c.notes].join(' '),
      view: v,
    }
  })
}

/** The currency the library's costs are in (the first item that names one), else `fallback`. */
export function libraryCurrency(lib: LibraryView | null | undefined, fallback: string): string {
  for (const v of lib?.constructions ?? []) if (v.figures?.currency) return v.figures.currency
  for (const m of lib?.materials ?? []) if (m.currency) return m.currency
  for (const w of lib?.windows ?? []) if (w.currency) return w.currency
  return fallback
}

/** The cost columns' unit: "SEK/m²". */
export function costHeaderUnit(currency: string): string {
  return currency ? `${currency}/m²` : 'per m²'
}

/** "0.18 W/m²K · 42 kg CO2e/m² · 1,250 SEK/m²" for the scenario builder's option lists. */
export function constructionFiguresText(v: ConstructionView): string {
  const f = v.figures
  if (!f) return v.error || MISSING
  const gwp = amountView(f.gwpPerM2)
  return `U ${formatU(f.u)} · GWP ${gwp.complete ? `${gwp.text} kg CO2e/m²` : `${MISSING} (missing)`}`
}

// ---------- column definitions ----------

const byView = (a: AmountView) => a.sortValue

const mh = createColumnHelper<Features, MaterialRow>()
export const materialColumns = mh.columns([
  mh.accessor('name', { header: 'Material', sortFn: 'alphanumeric', meta: { canHide: false } }),
  mh.accessor('category', { header: 'Category', sortFn: 'alphanumeric' }),
  mh.accessor('kind', { header: 'Kind', sortFn: 'alphanumeric' }),
  mh.accessor((r) => byView(r.conductivity), { id: 'conductivity', header: 'λ', sortUndefined: 'last', meta: { numeric: true, unit: 'W/(m·K)', description: 'Thermal conductivity' } }),
  mh.accessor((r) => byView(r.density), { id: 'density', header: 'ρ', sortUndefined: 'last', meta: { numeric: true, unit: 'kg/m³', description: 'Density' } }),
  mh.accessor((r) => byView(r.specificHeat), { id: 'specificHeat', header: 'c', sortUndefined: 'last', meta: { numeric: true, unit: 'J/(kg·K)', description: 'Specific heat' } }),
  mh.accessor((r) => byView(r.resistance), { id: 'resistance', header: 'R', sortUndefined: 'last', meta: { numeric: true, unit: 'm²K/W', description: 'Thermal resistance (air gaps, no-mass layers)' } }),
  mh.accessor((r) => byView(r.gwp), { id: 'gwp', header: 'GWP A1-A3', sortUndefined: 'last', meta: { numeric: true, unit: 'per kg or m²', description: 'Embodied carbon (A1-A3), per kg of material or per m² of layer' } }),
  mh.accessor((r) => byView(r.cost), { id: 'cost', header: 'Cost', sortUndefined: 'last', meta: { numeric: true, unit: 'per m²', description: 'Cost per m² (per 100 mm of layer where stated)' } }),
  mh.accessor('origin', { header: 'Origin', sortFn: 'alphanumeric' }),
  mh.accessor('search', { id: SEARCH_COLUMN, header: '', enableSorting: false, meta: { canHide: false } }),
])

const wh = createColumnHelper<Features, WindowRow>()
export const windowColumns = wh.columns([
  wh.accessor('name', { header: 'Window system', sortFn: 'alphanumeric', meta: { canHide: false } }),
  wh.accessor((r) => byView(r.u), { id: 'u', header: 'U', sortUndefined: 'last', meta: { numeric: true, unit: 'W/m²K', description: 'U-factor with surface films' } }),
  wh.accessor((r) => byView(r.shgc), { id: 'shgc', header: 'SHGC', sortUndefined: 'last', meta: { numeric: true, description: 'Solar heat gain coefficient' } }),
  wh.accessor((r) => byView(r.vt), { id: 'vt', header: 'VT', sortUndefined: 'last', meta: { numeric: true, description: 'Visible transmittance' } }),
  wh.accessor((r) => byView(r.gwp), { id: 'gwp', header: 'GWP', sortUndefined: 'last', meta: { numeric: true, unit: 'kg CO2e/m²' } }),
  wh.accessor((r) => byView(r.cost), { id: 'cost', header: 'Cost', sortUndefined: 'last', meta: { numeric: true, unit: 'per m²' } }),
  wh.accessor('origin', { header: 'Origin', sortFn: 'alphanumeric' }),
  wh.accessor('search', { id: SEARCH_COLUMN, header: '', enableSorting: false, meta: { canHide: false } }),
])

const ch = createColumnHelper<Features, ConstructionRow>()
export const constructionColumns = ch.columns([
  ch.accessor('name', { header: 'Construction', sortFn: 'alphanumeric', meta: { canHide: false } }),
  ch.accessor((r) => elementLabel(r.element), { id: 'element', header: 'Element', sortFn: 'alphanumeric' }),
  ch.accessor('layers', { header: 'Layers (outside → inside)', sortFn: 'alphanumeric' }),
  ch.accessor((r) => byView(r.u), { id: 'u', header: 'U', sortUndefined: 'last', meta: { numeric: true, unit: 'W/m²K', description: 'U-value with surface resistances (EN ISO 6946)' } }),
  ch.accessor((r) => byView(r.gwp), { id: 'gwp', header: 'GWP', sortUndefined: 'last', meta: { numeric: true, unit: 'kg CO2e/m²', description: 'Embodied carbon A1-A3 per m² of construction, from its layers' } }),
  ch.accessor((r) => byView(r.cost), { id: 'cost', header: 'Cost', sortUndefined: 'last', meta: { numeric: true, unit: 'per m²', description: 'Cost per m² of construction, from its layers' } }),
  ch.accessor((r) => r.usability.rank, {
    id: 'usable',
    header: 'A variant gets',
    meta: { description: 'What a study variant using it can be judged on: energy (from its U-value), embodied carbon (needs the GWP of every layer) and cost (needs every layer’s price). Hover a cell for what is missing.' },
  }),
  ch.accessor('origin', { header: 'Origin', sortFn: 'alphanumeric' }),
  ch.accessor('search', { id: SEARCH_COLUMN, header: '', enableSorting: false, meta: { canHide: false } }),
])
