// The study builder's measures (any IDF field, or a ready-made template) and its method
// (NSGA-II, Morris or Sobol indices): what the user typed, turned into the spec's measures and method that Go
// (and `epsm study`) reads. Go checks the spec again against the model and the IDD; these
// checks catch what can be said before asking it.
import type { Measure, MeasureOption, MethodSpec, TemplateFit } from '../bridge/types'
import { ELEMENTS } from './library'
import { parseOptionalNumber, wholeNumber } from './numbers'

/** How a measure's values are given: a list of options, a stepped range, or an interval. */
export type ValuesKind = 'list' | 'range' | 'continuous'

/** The quantity a measure's costs are counted per (study.PerFixed ...). */
export type Per = 'fixed' | 'unit' | 'm2' | 'kW'

export const PER_CHOICES: readonly (readonly [Per, string])[] = [
  ['fixed', 'per variant (fixed)'],
  ['unit', 'per object changed'],
  ['m2', 'per m²'],
  ['kW', 'per kW'],
]

export interface FieldDraft {
  class: string
  /** '' or '*' for every object, an exact name, or /a regexp/ */
  name: string
  /** the IDD field name */
  field: string
}

/** A list option's own label and costs as typed; a blank cost takes the measure's figure. */
export interface OptionCostDraft {
  label: string
  investment: string
  gwp: string
  life: string
}

/** The cost figures a measure or an option can give (the draft's keys). */
export type CostKey = 'investment' | 'gwp' | 'life'

const COST_NAMES: Record<CostKey, string> = { investment: 'investment', gwp: 'GWP', life: 'service life' }

/** A measure as the builder holds it: the inputs' text, read by buildMeasures. */
export interface MeasureDraft {
  /** stable key for the form's rows; never sent */
  key: number
  /** the id as typed; used once idEdited, otherwise generated from the name */
  id: string
  idEdited: boolean
  name: string
  /** a template's id, or '' for a measure on the fields below */
  template: string
  /** a template's values, named with their unit (a template measure has no fields) */
  templateValues: string[]
  fields: FieldDraft[]
  kind: ValuesKind
  /** list of a one-value measure: "1000, 2500" */
  list: string
  /** list of a measure of several values (or of one, with costs per option): one row per option, a cell per value */
  rows: string[][]
  /** each option of the list gives its own label and costs: the options are rows, even of one value */
  perOption: boolean
  /** beside rows[i] when perOption; empty otherwise */
  optionCosts: OptionCostDraft[]
  from: string
  to: string
  step: string
  min: string
  max: string
  keep: boolean
  per: Per
  /** per unit of `per`; blank is missing, never 0 */
  investment: string
  gwp: string
  life: string
}

function blankDraft(key: number): MeasureDraft {
  return {
    key,
    id: '',
    idEdited: false,
    name: '',
    template: '',
    templateValues: [],
    fields: [{ class: '', name: '', field: '' }],
    kind: 'list',
    list: '',
    rows: [],
    perOption: false,
    optionCosts: [],
    from: '',
    to: '',
    step: '',
    min: '',
    max: '',
    keep: true,
    per: 'unit',
    investment: '',
    gwp: '',
    life: '',
  }
}

/** The next free form key for a new measure. */
export function nextKey(drafts: MeasureDraft[]): number {
  return drafts.reduce((k, d) => Math.max(k, d.key + 1), 1)
}

/** A measure on fields the user names (class, object name, IDD field). */
export function newFieldMeasure(drafts: MeasureDraft[]): MeasureDraft {
  return blankDraft(nextKey(drafts))
}

function isPer(p: string): p is Per {
  return PER_CHOICES.some(([v]) => v === p)
}

/** A measure from a template, starting from the template's suggested options. */
export function newTemplateMeasure(drafts: MeasureDraft[], t: TemplateFit): MeasureDraft {
  const values = (t.values ?? []).map((v) => (v.unit && v.unit !== '-' ? `${v.name} (${v.unit})` : v.name))
  const suggested = (t.suggested ?? []).map((o) => o.values ?? [])
  return {
    ...blankDraft(nextKey(drafts)),
    name: t.name,
    template: t.id,
    templateValues: values,
    fields: [],
    list: values.length === 1 ? suggested.map((v) => v[0]).join(', ') : '',
    rows: values.length === 1 ? [] : suggested.map((v) => values.map((_, i) => v[i] ?? '')),
    per: isPer(t.per) ? t.per : 'unit',
  }
}

/** How many values each option of the measure holds: one per field, or the template's count. */
export function measureWidth(d: MeasureDraft): number {
  return d.template ? d.templateValues.length : d.fields.length
}

/** Whether the measure's list is held as rows (several values, or costs per option) rather than typed as text. */
export function usesRows(d: MeasureDraft): boolean {
  return measureWidth(d) > 1 || d.perOption
}

const blankCosts = (): OptionCostDraft => ({ label: '', investment: '', gwp: '', life: '' })

/** The draft with a blank label and costs beside every row that has none, when its options give their own. */
function withCostRows(d: MeasureDraft): MeasureDraft {
  if (!d.perOption) return { ...d, optionCosts: [] }
  return { ...d, optionCosts: d.rows.map((_, i) => d.optionCosts[i] ?? blankCosts()) }
}

/** The list's values, one row per option (a blank one to fill when there are none). */
function listRows(d: MeasureDraft): string[][] {
  const rows = splitList(d.list).map((v) => [v])
  return rows.length ? rows : [['']]
}

/**
 * Turns the options' own labels and costs on or off. On, a one-value list becomes rows; off, the
 * options' figures are dropped (the measure's own apply to all) and one-value rows become a list.
 */
export function setPerOption(d: MeasureDraft, on: boolean): MeasureDraft {
  if (on === d.perOption) return d
  if (on) return withCostRows({ ...d, perOption: true, rows: measureWidth(d) === 1 ? listRows(d) : d.rows, list: measureWidth(d) === 1 ? '' : d.list })
  if (measureWidth(d) > 1) return { ...d, perOption: false, optionCosts: [] }
  return { ...d, perOption: false, optionCosts: [], rows: [], list: joinList(d.rows) }
}

function joinList(rows: string[][]): string {
  return rows
    .map((r) => r[0] ?? '')
    .filter((v) => v.trim() !== '')
    .join(', ')
}

/** The label and costs typed for option `row` (blank ones for a row that has none yet). */
export function optionCostsOf(d: MeasureDraft, row: number): OptionCostDraft {
  return d.optionCosts[row] ?? blankCosts()
}

export function setOptionCosts(d: MeasureDraft, row: number, patch: Partial<OptionCostDraft>): MeasureDraft {
  const aligned = withCostRows(d)
  return { ...aligned, optionCosts: aligned.optionCosts.map((c, k) => (k === row ? { ...c, ...patch } : c)) }
}

/**
 * Adds a field that moves with the others (same class and name to start from). A one-value
 * list becomes rows, one per option, the new field's cells empty.
 */
export function addField(d: MeasureDraft): MeasureDraft {
  const last = d.fields[d.fields.length - 1] ?? { class: '', name: '', field: '' }
  const rows = usesRows(d) ? d.rows : listRows(d)
  return withCostRows({
    ...d,
    fields: [...d.fields, { class: last.class, name: last.name, field: '' }],
    rows: (rows.length ? rows : [d.fields.map(() => '')]).map((r) => [...r, '']),
    list: '',
    kind: 'list',
  })
}

/** Removes field i and its cell in every option; back to one field, the rows become a list again (unless the options have their own costs). */
export function removeField(d: MeasureDraft, i: number): MeasureDraft {
  if (d.fields.length <= 1) return d
  const rows = d.rows.map((r) => r.filter((_, k) => k !== i))
  const fields = d.fields.filter((_, k) => k !== i)
  if (fields.length === 1 && !d.perOption) return { ...d, fields, rows: [], list: joinList(rows) }
  return { ...d, fields, rows }
}

export function setField(d: MeasureDraft, i: number, patch: Partial<FieldDraft>): MeasureDraft {
  return { ...d, fields: d.fields.map((f, k) => (k === i ? { ...f, ...patch } : f)) }
}

export function setCell(d: MeasureDraft, row: number, col: number, value: string): MeasureDraft {
  return { ...d, rows: d.rows.map((r, k) => (k === row ? r.map((c, j) => (j === col ? value : c)) : r)) }
}

export function addRow(d: MeasureDraft): MeasureDraft {
  return withCostRows({ ...d, rows: [...d.rows, Array.from({ length: measureWidth(d) }, () => '')] })
}

export function removeRow(d: MeasureDraft, i: number): MeasureDraft {
  return { ...d, rows: d.rows.filter((_, k) => k !== i), optionCosts: d.optionCosts.filter((_, k) => k !== i) }
}

// ---------- ids ----------

const ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/
const MAX_ID = 40

/** A measure id from a name: "Ext. lights – LED" -> "ext-lights-led" (letters, digits, - and _). */
export function slugId(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_ID)
    .replace(/-+$/, '')
}

function isElementName(id: string): boolean {
  return (ELEMENTS as readonly string[]).includes(id.toLowerCase())
}

/** base, or base-2, base-3, ... : the first that is not taken (ignoring case) nor an element name. */
function uniqueId(base: string, taken: Set<string>): string {
  const free = (id: string) => !taken.has(id.toLowerCase()) && !isElementName(id)
  if (free(base)) return base
  for (let n = 2; ; n++) {
    const suffix = `-${n}`
    const id = base.slice(0, MAX_ID - suffix.length) + suffix
    if (free(id)) return id
  }
}

/** What a measure's generated id is made from: its name, else its first field's name. */
function idSource(d: MeasureDraft): string {
  return d.name.trim() || d.template || d.fields[0]?.field.trim() || ''
}

/**
 * Every measure's id: the one typed where the user edited it, else one generated from its name,
 * unique among the measures (ignoring case, as Go compares them) and never an element's name.
 */
export function measureIds(drafts: MeasureDraft[]): string[] {
  const typed = (d: MeasureDraft) => (d.idEdited ? d.id.trim() : '')
  const taken = new Set(drafts.map(typed).filter(Boolean).map((id) => id.toLowerCase()))
  return drafts.map((d) => {
    if (typed(d)) return typed(d)
    const id = uniqueId(slugId(idSource(d)) || 'measure', taken)
    taken.add(id.toLowerCase())
    return id
  })
}

// ---------- values ----------

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '')
}

/** The same option: numbers compared as numbers (0.80 is 0.8), texts ignoring case. */
function sameValue(a: string, b: string): boolean {
  const x = parseOptionalNumber(a)
  const y = parseOptionalNumber(b)
  if (x.ok && y.ok && x.value !== null && y.value !== null) return x.value === y.value
  return a.toLowerCase() === b.toLowerCase()
}

const IDF_SEPARATORS = /[;!]/

/**
 * Reads a list of options typed as "1000, 2500" or "Sensible, None": the values in order, and a
 * sentence for each that cannot be one (an IDF separator in it, listed twice).
 */
export function parseValueList(text: string): { values: string[]; problems: string[] } {
  const values = splitList(text)
  const problems: string[] = []
  values.forEach((v, i) => {
    if (IDF_SEPARATORS.test(v)) problems.push(`“${v}” holds an IDF separator (; or !)`)
    else if (values.slice(0, i).some((w) => sameValue(v, w))) problems.push(`“${v}” is listed twice`)
  })
  return { values, problems }
}

/** An option read from a row: its values, and the row it came from (for its costs). */
interface RowOption {
  values: string[]
  row: number
}

const hasOwnFigures = (c: OptionCostDraft | undefined) => !!c && Object.values(c).some((v) => v.trim() !== '')

/** The options of a measure's rows: empty rows skipped, each a value per field. */
function rowOptions(d: MeasureDraft, problems: string[]): RowOption[] {
  const out: RowOption[] = []
  const what = measureWidth(d) > 1 ? 'a value in every column' : 'a value'
  d.rows.forEach((row, i) => {
    const cells = row.map((c) => c.trim())
    if (cells.every((c) => c === '')) {
      if (d.perOption && hasOwnFigures(d.optionCosts[i])) problems.push(`option ${i + 1} has a label or costs but no value`)
      return
    }
    if (cells.some((c) => c === '')) problems.push(`option ${i + 1} needs ${what}`)
    else if (cells.some((c) => /[,;!]/.test(c))) problems.push(`option ${i + 1}: a value holds an IDF separator (, ; or !)`)
    else if (out.some((o) => o.values.every((v, k) => sameValue(v, cells[k])))) problems.push(`option ${i + 1} is listed twice`)
    else out.push({ values: cells, row: i })
  })
  return out
}

/** How an option is named in a message: its number in the list and its values. */
function optionName(o: RowOption): string {
  return `option ${o.row + 1} (${o.values.join(', ')})`
}

type CostFigures = Pick<MeasureOption, 'investment' | 'gwpKgCO2e' | 'lifeYears'>

/**
 * The cost figures typed for the measure or one option, blanks left out (missing, never 0).
 * `where` starts each problem ("" for the measure, "option 2 (0.85): " for an option).
 */
function costFigures(c: Pick<OptionCostDraft, CostKey>, where: string, problems: string[]): CostFigures {
  const out: CostFigures = {}
  const read = (key: CostKey) => optionalNumber(c[key], `${where}${COST_NAMES[key]}`, problems)
  const investment = read('investment')
  const gwp = read('gwp')
  const life = read('life')
  // A GWP may be negative (timber's stored biogenic carbon, a measure that removes material),
  // as the spec format allows; an investment below zero is taken for a typing slip.
  if (investment !== undefined && investment < 0) problems.push(`${where}${COST_NAMES.investment} must not be negative, not ${investment}`)
  if (life !== undefined && !(life > 0)) problems.push(`${where}service life must be more than 0 years, not ${life}`)
  if (investment !== undefined) out.investment = investment
  if (gwp !== undefined) out.gwpKgCO2e = gwp
  if (life !== undefined) out.lifeYears = life
  return out
}

/** An option of the spec: its values, with its own label and costs only when it gives any. */
function specOption(d: MeasureDraft, o: RowOption, problems: string[]): MeasureOption {
  const own = d.perOption ? d.optionCosts[o.row] : undefined
  if (!own) return { values: o.values }
  const label = own.label.trim()
  return { values: o.values, ...(label ? { label } : {}), ...costFigures(own, `${optionName(o)}: `, problems) }
}

/**
 * Where a measure lacks a cost figure: nowhere (null), for every option ('measure'), or only
 * for some options that give their own figures but not this one (their numbers).
 */
export function figureGaps(d: MeasureDraft, key: CostKey): null | 'measure' | number[] {
  if (d[key].trim() !== '') return null
  if (!(d.kind === 'list' && d.perOption)) return 'measure'
  const filled = d.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.some((c) => c.trim() !== ''))
  const lacking = filled.filter(({ i }) => (d.optionCosts[i]?.[key] ?? '').trim() === '').map(({ i }) => i + 1)
  if (filled.length > 0 && lacking.length === 0) return null
  return lacking.length === filled.length ? 'measure' : lacking
}

/** A typed number the measure needs; adds "what: ..." to problems when it is blank or not one. */
function requiredNumber(text: string, what: string, problems: string[]): number {
  const p = parseOptionalNumber(text)
  if (!p.ok) problems.push(`${what}: ${p.error}`)
  else if (p.value === null) problems.push(`${what}: enter a number`)
  return p.ok && p.value !== null ? p.value : 0
}

/** An optional cost figure: undefined when blank (missing, never 0). */
function optionalNumber(text: string, what: string, problems: string[]): number | undefined {
  const p = parseOptionalNumber(text)
  if (!p.ok) {
    problems.push(`${what}: ${p.error}`)
    return undefined
  }
  return p.value ?? undefined
}

export interface MeasuresResult {
  measures: Measure[]
  /** what the user must fix, each naming its measure; empty when none */
  problems: string[]
}

/**
 * The spec's measures for the drafts. continuousAllowed says whether the study samples
 * (Latin hypercube, Sobol) or runs a method: a full factorial or a list of packages needs
 * values it can enumerate.
 */
export function buildMeasures(drafts: MeasureDraft[], continuousAllowed: boolean): MeasuresResult {
  const ids = measureIds(drafts)
  const problems: string[] = []
  const measures = drafts.map((d, k) => {
    const id = ids[k]
    const mine: string[] = []
    if (!ID_PATTERN.test(id)) mine.push(`id “${id}”: use 1 to 40 letters, digits, '-' or '_'`)
    else if (isElementName(id)) mine.push(`id “${id}” is an element's name; pick another`)
    else if (ids.slice(0, k).some((o) => o.toLowerCase() === id.toLowerCase())) mine.push(`id “${id}” is used by another measure`)
    const m: Measure = { id }
    if (d.name.trim()) m.name = d.name.trim()
    if (d.template) m.template = d.template
    else {
      d.fields.forEach((f, i) => {
        if (!f.class.trim() || !f.field.trim()) mine.push(`field ${i + 1} needs a class and an IDD field name`)
      })
      m.fields = d.fields.map((f) => ({ class: f.class.trim(), ...(f.name.trim() ? { name: f.name.trim() } : {}), field: f.field.trim() }))
    }
    const width = measureWidth(d)
    if (d.kind !== 'list' && width !== 1) mine.push('a range or an interval sets one value; list the options of fields that move together')
    switch (d.kind) {
      case 'list': {
        const before = mine.length
        if (usesRows(d)) {
          const options = rowOptions(d, mine)
          if (options.length === 0 && mine.length === before) mine.push('fill at least one option')
          m.values = options.map((o) => specOption(d, o, mine))
        } else {
          const list = parseValueList(d.list)
          mine.push(...list.problems)
          if (list.values.length === 0 && mine.length === before) mine.push('list at least one value (comma-separated)')
          m.values = list.values.map((v): MeasureOption => ({ values: [v] }))
        }
        break
      }
      case 'range': {
        const r = { from: requiredNumber(d.from, 'from', mine), to: requiredNumber(d.to, 'to', mine), step: requiredNumber(d.step, 'step', mine) }
        if (mine.length === 0 && !(r.step > 0 && r.to >= r.from)) mine.push(`a range needs from ≤ to and a step > 0`)
        m.range = r
        break
      }
      case 'continuous': {
        const b = { min: requiredNumber(d.min, 'min', mine), max: requiredNumber(d.max, 'max', mine) }
        if (mine.length === 0 && !(b.max > b.min)) mine.push('an interval needs min < max')
        if (!continuousAllowed) mine.push('continuous values need Latin hypercube or Sobol sampling, or a method (a full factorial or packages need a list or a range)')
        m.continuous = b
        break
      }
    }
    if (!d.keep && d.kind !== 'continuous') m.keep = false
    m.per = d.per
    Object.assign(m, costFigures(d, '', mine))
    const label = d.name.trim() || id
    problems.push(...mine.map((p) => `Measure “${label}”: ${p}.`))
    return m
  })
  return { measures, problems }
}

/** One option a hand-picked package can give a measure: the text the spec's package holds, and how it reads. */
export interface MeasureChoice {
  /** the option's values joined by "," (as study.Measure.parseChoice reads a package's value) */
  value: string
  label: string
}

/** Most steps a range offers as package choices: a longer range is a sampling's job. */
const MAX_RANGE_CHOICES = 200

/**
 * The options of a measure a hand-picked package can choose, as typed so far (keep not among
 * them): the list's options, or a range's steps; none for an interval or a measure still blank.
 */
export function measureChoices(d: MeasureDraft): MeasureChoice[] {
  switch (d.kind) {
    case 'list': {
      if (!usesRows(d)) return parseValueList(d.list).values.map((v) => ({ value: v, label: v }))
      return rowOptions(d, []).map((o) => {
        const label = d.perOption ? (d.optionCosts[o.row]?.label ?? '').trim() : ''
        return { value: o.values.join(','), label: label || o.values.join(' / ') }
      })
    }
    case 'range': {
      const [from, to, step] = [d.from, d.to, d.step].map((t) => parseOptionalNumber(t))
      if (!from.ok || !to.ok || !step.ok || from.value === null || to.value === null || step.value === null) return []
      if (!(step.value > 0) || to.value < from.value) return []
      const n = Math.floor((to.value - from.value) / step.value + 1e-9) + 1
      if (n > MAX_RANGE_CHOICES) return []
      // Twelve significant digits, as Go writes a range's steps (0.1 + 0.2 is 0.3).
      return Array.from({ length: n }, (_, i) => {
        const v = String(Number((from.value! + i * step.value!).toPrecision(12)))
        return { value: v, label: v }
      })
    }
    default:
      return []
  }
}

/** The option of the measure a package's value names (numbers compared as numbers, texts ignoring case); undefined when none does. */
export function findMeasureChoice(d: MeasureDraft, value: string): MeasureChoice | undefined {
  const parts = value.split(',')
  return measureChoices(d).find((c) => {
    const own = c.value.split(',')
    return own.length === parts.length && own.every((v, i) => sameValue(v, parts[i]))
  })
}

// ---------- method ----------

/** How the study chooses its variants: the sampling above, an optimisation, a screening, or Sobol indices. */
export type MethodKind = 'sampling' | 'nsga2' | 'morris' | 'sobol-indices'

export interface ConstraintDraft {
  figure: string
  max: string
}

export interface MethodDraft {
  kind: MethodKind
  /** figure ids, in the order ticked */
  objectives: string[]
  constraints: ConstraintDraft[]
  weather: 'mean' | 'worst'
  population: string
  generations: string
  trajectories: string
  levels: string
  /** Sobol indices: Saltelli's N base samples, N × (k + 2) runs */
  samples: string
  seed: string
}

/** No method, with Go's defaults ready for when one is picked (study.Default*). */
export function initialMethod(): MethodDraft {
  return { kind: 'sampling', objectives: [], constraints: [], weather: 'mean', population: '20', generations: '10', trajectories: '10', levels: '4', samples: '32', seed: '1' }
}

export function toggleObjective(d: MethodDraft, figure: string, on: boolean): MethodDraft {
  const rest = d.objectives.filter((o) => o !== figure)
  return { ...d, objectives: on ? [...rest, figure] : rest }
}

function evenNumber(text: string, what: string, problems: string[]): number {
  const n = wholeNumber(text, what, problems, 2)
  if (n % 2 === 1) problems.push(`${what} must be an even number, not ${n}`)
  return n
}

/**
 * The spec's method for the draft (none for sampling). weatherCount is how many weather files
 * the study runs: the aggregation over them is sent only when there is more than one.
 */
export function buildMethod(d: MethodDraft, weatherCount: number): { method?: MethodSpec; problems: string[] } {
  if (d.kind === 'sampling') return { problems: [] }
  const problems: string[] = []
  const m: MethodSpec = { kind: d.kind, objectives: [...d.objectives] }
  if (d.kind === 'nsga2') {
    const n = d.objectives.length
    if (n < 2 || n > 3) problems.push(`Optimise: tick 2 or 3 objectives (${n} ticked).`)
    m.population = evenNumber(d.population, 'Population', problems)
    m.generations = wholeNumber(d.generations, 'Generations', problems, 1)
    m.constraints = d.constraints.map((c, i) => {
      if (!c.figure) problems.push(`Constraint ${i + 1}: choose a figure.`)
      return { figure: c.figure, max: requiredNumber(c.max, `Constraint ${i + 1} max`, problems) }
    })
  } else if (d.kind === 'morris') {
    if (d.objectives.length === 0) problems.push('Screen: tick at least one objective.')
    m.trajectories = wholeNumber(d.trajectories, 'Trajectories', problems, 1)
    m.levels = evenNumber(d.levels, 'Levels', problems)
  } else {
    if (d.objectives.length === 0) problems.push('Sobol indices: tick at least one objective.')
    // Saltelli's estimators need two base samples at least (Go refuses fewer).
    m.samples = wholeNumber(d.samples, 'Samples', problems, 2)
  }
  m.seed = wholeNumber(d.seed || '0', 'Method seed', problems, 0)
  if (weatherCount > 1) m.weather = d.weather
  return { method: m, problems }
}

/**
 * Where Go's complaint about a spec belongs in the form: the measure it names (its index), the
 * method, or neither (it stays in the line above "Create and run").
 */
export function errorPlace(message: string, ids: string[]): number | 'method' | null {
  const named = /\bmeasure "([^"]+)"/.exec(message)
  if (named) {
    const i = ids.findIndex((id) => id.toLowerCase() === named[1].toLowerCase())
    if (i >= 0) return i
  }
  return /^study spec: method\b/.test(message) ? 'method' : null
}
