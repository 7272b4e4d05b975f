// A method study's state as the window shows it: the line and bar of its progress (pushed as
// study:method), the NSGA-II first front of each finished generation, and the Morris effects of
// each factor on an objective, ranked, with "–" for a figure there is none of (the Sobol
// indices' table and chart are in sobolChart.ts).
import type { Effect, MethodProgress, MethodView, Screening } from '../bridge/types'
import { formatNumber, plural } from './format'
import type { AxisKey } from './scatter'
import type { Tone } from './status'

export const METHOD_RUNNING = 'running'
export const METHOD_DONE = 'done'
export const METHOD_FAILED = 'failed'
/** the user cancelled runs the method waits for; ContinueStudyMethod goes on */
export const METHOD_STOPPED = 'stopped'
export const NSGA2 = 'nsga2'
export const MORRIS = 'morris'
export const SOBOL_INDICES = 'sobol-indices'

const METHOD_NAMES: Record<string, string> = { [NSGA2]: 'NSGA-II', [MORRIS]: 'Morris screening', [SOBOL_INDICES]: 'Sobol indices' }

/** "NSGA-II", "Morris screening", "Sobol indices" */
export function methodName(kind: string): string {
  return METHOD_NAMES[kind] ?? kind
}

type Progress = Pick<MethodProgress, 'kind' | 'status' | 'generation' | 'generations' | 'variants'>

/**
 * One line of the method's progress: "NSGA-II: generation 3 of 10 · 57 variants" while it runs
 * (the generation being evaluated: one past the finished ones), "… done" and "… failed" at the
 * end (the message is shown apart: it can be long).
 */
export function methodProgressLine(p: Progress): string {
  const variants = plural(p.variants, 'variant')
  const name = methodName(p.kind)
  if (p.kind === NSGA2) {
    const gens = plural(p.generations, 'generation')
    if (p.status === METHOD_DONE) return `${name}: done · ${gens} · ${variants}`
    if (p.status === METHOD_FAILED) return `${name}: failed after ${plural(p.generation, 'generation')} of ${p.generations} · ${variants}`
    if (p.status === METHOD_STOPPED) return `${name}: stopped after ${plural(p.generation, 'generation')} of ${p.generations} · ${variants}`
    return `${name}: generation ${Math.min(p.generation + 1, p.generations)} of ${p.generations} · ${variants}`
  }
  if (p.status === METHOD_DONE) return `${name}: done · ${variants}`
  if (p.status === METHOD_FAILED) return `${name}: failed · ${variants}`
  if (p.status === METHOD_STOPPED) return `${name}: stopped · ${variants}`
  return `${name}: running · ${variants}`
}

/**
 * How far the method is, in %: NSGA-II by finished generations plus the share of the current
 * one's runs that are done; Morris and Sobol indices lay out their whole design at once, so by
 * its runs.
 */
export function methodPercent(p: Progress, runs?: { finished: number; total: number }): number {
  if (p.status === METHOD_DONE) return 100
  const share = runs && runs.total > 0 ? runs.finished / runs.total : 0
  if (p.kind === NSGA2 && p.generations > 0) return ((p.generation + (p.status === METHOD_RUNNING ? share : 0)) / p.generations) * 100
  return share * 100
}

export function methodTone(p: Pick<MethodProgress, 'status'>): Tone {
  if (p.status === METHOD_STOPPED) return 'warning'
  return p.status === METHOD_FAILED ? 'danger' : p.status === METHOD_DONE ? 'success' : 'active'
}

/** The view with a pushed progress of its study laid over it (the rest stays until asked again). */
export function withProgress(view: MethodView, p: MethodProgress): MethodView {
  if (p.studyId !== view.studyId) return view
  return { ...view, status: p.status, message: p.message, generation: p.generation, generations: p.generations, variants: p.variants }
}

// ---------- NSGA-II: fronts per generation ----------

/** How many generations have a front to show (the finished ones). */
export function frontCount(view: Pick<MethodView, 'fronts'> | null | undefined): number {
  return view?.fronts?.length ?? 0
}

/** The labels (B, V1, ...) on the first front after generation g (1-based); empty when there is none. */
export function frontOf(view: Pick<MethodView, 'fronts'> | null | undefined, g: number): string[] {
  return view?.fronts?.[g - 1] ?? []
}

/** A generation the user chose, kept within the finished ones; the latest when none was chosen. */
export function generationShown(chosen: number | null, count: number): number {
  if (count <= 0) return 0
  return chosen === null || chosen < 1 || chosen > count ? count : chosen
}

/** The generation that first asked for each label, or undefined for a label it does not know. */
export function generationOfLabel(view: Pick<MethodView, 'generationOf'> | null | undefined, label: string): number | undefined {
  return view?.generationOf?.[label] ?? undefined
}

/**
 * The scatter's axes for a method's objectives, when both of its first two are figures the
 * scatter plots: the plot then opens on the trade-off the optimisation searched.
 */
const OBJECTIVE_AXES: Record<string, AxisKey> = {
  siteEnergyKWh: 'energy',
  embodiedKgCO2e: 'embodied',
  lifeCycleKgCO2e: 'lifeCycleCarbon',
  lifeCycleCost: 'lifeCycleCost',
  investmentCost: 'investment',
}

export function objectiveAxes(objectives: ReadonlyArray<{ id: string }> | null | undefined): [AxisKey, AxisKey] | null {
  const [x, y] = (objectives ?? []).map((o) => OBJECTIVE_AXES[o.id])
  return x && y && x !== y ? [x, y] : null
}

// ---------- Morris: effects per objective ----------

/** What the ranked table shows of a factor: figures as text, "–" where there is none. */
export interface EffectRow {
  rank: number
  factor: string
  muStar: string
  sigma: string
  mu: string
  /** effects averaged; dropped ones (failed runs) said apart */
  effects: string
}

/** A figure of the screening, in the objective's unit: "–" for none (null), never 0. */
export function effectText(v: number | null | undefined): string {
  return formatNumber(v ?? undefined, v !== null && v !== undefined && Math.abs(v) >= 100 ? 0 : undefined)
}

export function effectRows(sc: Pick<Screening, 'effects'>): EffectRow[] {
  return (sc.effects ?? []).map((e, i) => ({
    rank: i + 1,
    factor: e.factor,
    muStar: effectText(e.muStar),
    sigma: effectText(e.sigma),
    mu: effectText(e.mu),
    effects: e.dropped ? `${e.effects} (${e.dropped} dropped)` : String(e.effects),
  }))
}

/** The factors the mu*–sigma chart can place: those with both figures. */
export function plottedEffects(sc: Pick<Screening, 'effects'>): Array<Effect & { muStar: number; sigma: number }> {
  return (sc.effects ?? []).filter((e): e is Effect & { muStar: number; sigma: number } => typeof e.muStar === 'number' && typeof e.sigma === 'number')
}

/**
 * "2 points of the design have no value: a run of point 3 failed" ('' when every point has
 * one); a Morris screening's or Sobol indices' design alike.
 */
export function screeningGap(sc: Pick<Screening, 'missing' | 'why'>): string {
  if (!sc.missing) return sc.why ?? ''
  return `${plural(sc.missing, 'point')} of the design ${sc.missing === 1 ? 'has' : 'have'} no value${sc.why ? `: ${sc.why}` : ''}`
}
