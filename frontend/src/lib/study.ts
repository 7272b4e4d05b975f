// The scenario builder: what the user picked, turned into the study.Spec that Go (and
// `epsm study`) reads, and the estimate line shown before anything runs.
import type { Spec, StudyEstimate } from '../bridge/types'
import { formatDuration, plural } from './format'
import { ELEMENTS, elementLabel, type Element } from './library'
import { buildMeasures, buildMethod, initialMethod, findMeasureChoice, measureChoices, measureIds, type MeasureDraft, type MethodDraft } from './measures'
import { wholeNumber } from './numbers'

/** The option that leaves an element's existing construction alone (study.Keep). */
export const KEEP = 'keep'

/** How a study picks its variants (study.Sampling's mode). */
export type SamplingMode = 'factorial' | 'list' | 'lhs' | 'sobol'

/** The modes that draw a sample of N variants (with a seed) rather than listing them. */
export function isSampled(mode: SamplingMode): boolean {
  return mode === 'lhs' || mode === 'sobol'
}

/**
 * A hand-picked package: per element "keep" or a construction id, and per measure (by its draft's
 * form key, which survives renaming the measure) "keep" or one of its options; a measure absent
 * here is kept.
 */
export type Package = Record<Element, string> & { measures?: Record<number, string> }

export interface BuilderState {
  name: string
  modelId: number | null
  weatherIds: number[]
  /** per element: "keep" and/or construction ids */
  options: Record<Element, string[]>
  mode: SamplingMode
  /** hand-picked packages (mode "list"): per element "keep" or a construction id */
  packages: Package[]
  /** Latin hypercube and Sobol: how many variants, and the seed, as typed (Sobol: 0 is the plain sequence) */
  n: string
  seed: string
  designDaysOnly: boolean
  forceAnnual: boolean
  /** keep every EnergyPlus output of the study's runs */
  keepAllOutputs: boolean
  /** steps on any field of the model, beside the elements' constructions */
  measures: MeasureDraft[]
  /** sampling (mode above), or an optimisation or screening that chooses the variants itself */
  method: MethodDraft
  /** a cost the library has only as a published range: '' leaves it missing, else the point taken */
  costRanges: CostRangeUse
}

/** What a study does with a cost published only as a range (the spec's costRanges). */
export type CostRangeUse = '' | 'low' | 'mid' | 'high'

export const COST_RANGE_USES: { value: CostRangeUse; label: string }[] = [
  { value: '', label: 'leave the cost missing' },
  { value: 'low', label: 'take the low end' },
  { value: 'mid', label: 'take the midpoint' },
  { value: 'high', label: 'take the high end' },
]

export function keepPackage(): Package {
  return { wall: KEEP, roof: KEEP, floor: KEEP, window: KEEP }
}

export function initialBuilder(modelId: number | null = null, weatherIds: number[] = []): BuilderState {
  return {
    name: '',
    modelId,
    weatherIds,
    options: { wall: [KEEP], roof: [KEEP], floor: [KEEP], window: [KEEP] },
    mode: 'factorial',
    packages: [],
    n: '20',
    seed: '1',
    designDaysOnly: false,
    forceAnnual: false,
    keepAllOutputs: false,
    measures: [],
    method: initialMethod(),
    costRanges: '',
  }
}

/** How the variants are combined: a method chooses them over the full factorial's axes. */
export function effectiveMode(state: Pick<BuilderState, 'mode' | 'method'>): SamplingMode {
  return state.method.kind === 'sampling' ? state.mode : 'factorial'
}

/** Ticks or unticks one option of an element, keeping "keep" first and the rest in click order. */
export function toggleOption(state: BuilderState, el: Element, option: string, on: boolean): BuilderState {
  const now = state.options[el].filter((o) => o !== option)
  const next = on ? (option === KEEP ? [KEEP, ...now] : [...now, option]) : now
  return { ...state, options: { ...state.options, [el]: next } }
}

export function setPackage(packages: Package[], i: number, el: Element, option: string): Package[] {
  return packages.map((p, k) => (k === i ? { ...p, [el]: option || KEEP } : p))
}

export function setPackageMeasure(packages: Package[], i: number, measureKey: number, choice: string): Package[] {
  return packages.map((p, k) => (k === i ? { ...p, measures: { ...p.measures, [measureKey]: choice || KEEP } } : p))
}

/** A package's choice for a measure: "keep" when it gives none. */
export function packageMeasure(p: Package, d: MeasureDraft): string {
  return p.measures?.[d.key] ?? KEEP
}

/**
 * Adds a package; a new one starts from the options ticked first for each element (or keep),
 * and keeps each measure (a measure without "keep" starts on its first option).
 */
export function addPackage(state: Pick<BuilderState, 'options' | 'packages'> & Partial<Pick<BuilderState, 'measures'>>): Package[] {
  const p: Package = keepPackage()
  for (const el of ELEMENTS) p[el] = state.options[el].find((o) => o !== KEEP) ?? KEEP
  const measures = state.measures ?? []
  if (measures.length) p.measures = Object.fromEntries(measures.map((d) => [d.key, d.keep ? KEEP : (measureChoices(d)[0]?.value ?? KEEP)]))
  return [...state.packages, p]
}

/** Copies package i just below it: the start of a package that differs from it in one choice. */
export function copyPackage(packages: Package[], i: number): Package[] {
  const p = packages[i]
  if (!p) return packages
  const copy: Package = { ...p, ...(p.measures ? { measures: { ...p.measures } } : {}) }
  return [...packages.slice(0, i + 1), copy, ...packages.slice(i + 1)]
}

export function removePackage(packages: Package[], i: number): Package[] {
  return packages.filter((_, k) => k !== i)
}

export interface SpecResult {
  spec: Spec
  /** what the user must fix before the study can be estimated or made; empty when none */
  problems: string[]
}

/**
 * The Spec for the builder's state. Options go only for the elements that try something (an
 * element left out keeps its construction); hand-picked packages go without options. Go
 * validates the spec again and resolves the construction ids against the library.
 */
export function buildSpec(state: BuilderState): SpecResult {
  const problems: string[] = []
  if (!state.modelId) problems.push('Choose the base model.')
  if (state.weatherIds.length === 0) problems.push('Tick at least one weather file.')
  const mode = effectiveMode(state)
  const options: Record<string, string[]> = {}
  let tries = state.measures.length > 0
  const sampling: Spec['sampling'] = { mode, n: 0, seed: 0, packages: [] }
  if (mode === 'list') {
    if (state.packages.length === 0) problems.push('Add at least one package.')
    const ids = measureIds(state.measures)
    state.packages.forEach((p, i) => {
      const measuresKept = state.measures.every((d) => packageMeasure(p, d) === KEEP)
      if (ELEMENTS.every((el) => !p[el] || p[el] === KEEP) && measuresKept) problems.push(`Package ${i + 1} changes nothing: it is the baseline, which always runs.`)
      state.measures.forEach((d, k) => {
        const choice = packageMeasure(p, d)
        const label = d.name.trim() || ids[k]
        if (choice === KEEP) {
          if (!d.keep) problems.push(`Package ${i + 1}: the measure “${label}” does not offer “keep existing” (its card): pick one of its options.`)
        } else if (!findMeasureChoice(d, choice)) {
          problems.push(`Package ${i + 1}: “${choice.replaceAll(',', ' / ')}” is no longer an option of the measure “${label}”: pick another.`)
        }
      })
    })
    sampling.packages = state.packages.map((p) => {
      const out: Record<string, string> = {}
      for (const el of ELEMENTS) out[el] = p[el] || KEEP
      // Only the measures a package changes: Go reads a measure left out as kept.
      state.measures.forEach((d, k) => {
        const choice = packageMeasure(p, d)
        if (choice !== KEEP) out[ids[k]] = choice
      })
      return out
    })
  } else {
    for (const el of ELEMENTS) {
      const opts = state.options[el]
      if (opts.length === 0) {
        problems.push(`${elementLabel(el)}: tick “keep” or at least one construction.`)
        continue
      }
      if (opts.some((o) => o !== KEEP)) {
        options[el] = [...opts]
        tries = true
      }
    }
    if (!tries && problems.length === 0) problems.push('Tick at least one construction or add a measure to try: with every element kept there is only the baseline.')
    if (isSampled(mode)) {
      sampling.n = wholeNumber(state.n, 'Number of variants', problems, 1)
      sampling.seed = wholeNumber(state.seed || '0', 'Seed', problems, 0)
    }
  }
  const measures = buildMeasures(state.measures, isSampled(mode) || state.method.kind !== 'sampling')
  const method = buildMethod(state.method, state.weatherIds.length)
  problems.push(...measures.problems, ...method.problems)
  const spec: Spec = {
    name: state.name.trim(),
    model: '',
    modelId: state.modelId ?? 0,
    weather: [],
    weatherIds: [...state.weatherIds],
    options,
    ...(measures.measures.length ? { measures: measures.measures } : {}),
    sampling,
    ...(method.method ? { method: method.method } : {}),
    forceAnnual: state.forceAnnual,
    designDaysOnly: state.designDaysOnly,
    keepAllOutputs: state.keepAllOutputs,
    ...(state.costRanges ? { costRanges: state.costRanges } : {}),
  }
  return { spec, problems }
}

/** "about 12 min", "under a minute", "about 2 h 05 min" */
export function aboutTime(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return 'time unknown'
  if (seconds < 60) return 'under a minute'
  if (seconds < 3600) return `about ${Math.round(seconds / 60)} min`
  return `about ${formatDuration(seconds)}`
}

/**
 * The line above "Create and run": "53 variants + baseline × 2 weather files = 108 runs, about 40 min".
 * For a method (budget) Go counts the most variants it may ask for: "budget: up to 8 variants +
 * baseline × 1 weather file = up to 9 runs". Without a measured run time on this machine it says
 * so instead of guessing.
 */
export function estimateText(e: StudyEstimate, budget = false): string {
  const weathers = e.variants + 1 > 0 ? Math.max(1, Math.round(e.runs / (e.variants + 1))) : 1
  const upTo = budget ? 'up to ' : ''
  const head = `${budget ? 'budget: ' : ''}${upTo}${plural(e.variants, 'variant')} + baseline × ${plural(weathers, 'weather file')} = ${upTo}${plural(e.runs, 'run')}`
  return e.hasTime ? `${head}, ${aboutTime(e.seconds)}${budget ? ' at most' : ''}` : `${head}; run time not known yet (no run has finished on this machine)`
}

/**
 * Elements the builder tries to change that the base model does not have (no exterior window,
 * say): Go would refuse the study, so say it before.
 */
export function missingElements(state: Pick<BuilderState, 'mode' | 'options' | 'packages'>, areas: Record<Element, number> | null): string[] {
  if (!areas) return []
  const out: string[] = []
  for (const el of ELEMENTS) {
    const tries = state.mode === 'list' ? state.packages.some((p) => p[el] && p[el] !== KEEP) : state.options[el].some((o) => o !== KEEP)
    if (tries && !(areas[el] > 0)) out.push(`The base model has no exterior ${el === 'floor' ? 'ground floor' : el} surfaces: untick the ${el} constructions (keep only).`)
  }
  return out
}

/**
 * What importing a study file did with its runs: results carried over when this machine has the
 * same EnergyPlus build (same run keys), the rest queued.
 */
export function studyImportSummary(variants: number, runs: number, reused: number): string {
  const head = `${plural(variants, 'variant')} and the baseline.`
  if (reused >= runs && runs > 0) return `${head} All ${plural(runs, 'run')} came with their results (same EnergyPlus build): nothing to simulate.`
  if (reused > 0) return `${head} ${reused} of ${plural(runs, 'run')} came with their results; ${runs - reused} queued on this machine.`
  return `${head} ${plural(runs, 'run')} queued on this machine.`
}
