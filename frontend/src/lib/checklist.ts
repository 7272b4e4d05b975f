// Before a study runs: which of its figures will be incomplete, and why. The same inputs the Go
// side will lack after the runs (a construction's GWP or cost, a fuel's emission factor or price,
// the model's Atemp) are known before them, so the user can fill them in first instead of
// finding dashes in a finished table.
import type { LcaSettings, LibraryView } from '../bridge/types'
import { gapOf, gapsOf, type Gap } from './gaps'
import { ELEMENTS } from './library'
import { figureGaps, type CostKey } from './measures'
import { COST_RANGE_USES, KEEP, packageMeasure, type BuilderState } from './study'

export interface CheckItem {
  id: 'annual' | 'atemp' | 'embodied' | 'investment' | 'operational' | 'energyCost'
  /** the figures this line is about */
  figure: string
  /** complete: every input is there; note: complete, with a caveat; incomplete: some figures will be missing */
  state: 'complete' | 'note' | 'incomplete'
  /** one line: what the user will see */
  text: string
  /** the missing inputs, each with where to enter it */
  gaps: Gap[]
}

export interface ChecklistInput {
  state: Pick<BuilderState, 'mode' | 'options' | 'packages' | 'designDaysOnly'> & Partial<Pick<BuilderState, 'measures' | 'costRanges'>>
  library: LibraryView | null
  lca: LcaSettings | null
  /** the model's Atemp setting, m² (undefined: none set) */
  atempM2: number | undefined
  /** fuels the model used in its last finished run; null when it has none */
  fuels: string[] | null
}

/** The construction ids the study's variants use (not "keep"), once each. */
export function chosenConstructions(state: ChecklistInput['state']): string[] {
  const ids = new Set<string>()
  if (state.mode === 'list') {
    for (const p of state.packages) for (const el of ELEMENTS) if (p[el] && p[el] !== KEEP) ids.add(p[el])
  } else {
    for (const el of ELEMENTS) for (const id of state.options[el] ?? []) if (id !== KEEP) ids.add(id)
  }
  return [...ids].sort()
}

function item(id: CheckItem['id'], figure: string, gaps: Gap[], ok: string, lacking: string): CheckItem {
  return gaps.length ? { id, figure, state: 'incomplete', text: lacking, gaps } : { id, figure, state: 'complete', text: ok, gaps: [] }
}

/** The checklist shown above "Create and run". */
export function studyChecklist(c: ChecklistInput): CheckItem[] {
  if (c.state.designDaysOnly) {
    return [{ id: 'annual', figure: 'Annual figures', state: 'incomplete', text: 'Design days only: no annual energy, EP_pet, carbon or cost for any variant.', gaps: [] }]
  }
  const out: CheckItem[] = []
  out.push(
    c.atempM2 !== undefined
      ? { id: 'atemp', figure: 'Per-m² figures, EP_pet and class', state: 'complete', text: `Atemp ${c.atempM2.toLocaleString('en-US')} m², the model's setting.`, gaps: [] }
      : {
          id: 'atemp',
          figure: 'Per-m² figures, EP_pet and class',
          state: 'note',
          text: "No Atemp set: EnergyPlus's conditioned floor area will stand in (labelled as such); a model without conditioned zones gets no EP_pet.",
          gaps: [gapOf('Atemp of the model (its settings)')],
        },
  )
  const byId = new Map((c.library?.constructions ?? []).map((v) => [v.construction.id, v]))
  const gwp: string[] = []
  const cost: string[] = []
  /** the cost gaps a published range could fill (the library marks them) */
  const rangedGaps = new Set<string>()
  for (const id of chosenConstructions(c.state)) {
    const f = byId.get(id)?.figures
    if (!f) continue // an unusable construction is refused by the builder itself
    if (!f.gwpPerM2.complete) gwp.push(...(f.gwpPerM2.missing ?? [`GWP of ${id}`]))
    if (!f.costPerM2.complete) cost.push(...(f.costPerM2.missing ?? [`cost of ${id}`]))
    for (const r of f.costPerM2.ranged ?? []) rangedGaps.add(r)
  }
  // A measure's costs are typed in its card, for the measure or per option: a blank stays missing
  // in the variants that apply it, and without a service life its replacements cannot be counted.
  // Hand-picked packages use only the measures some package changes.
  const used = (c.state.measures ?? []).filter((m) => c.state.mode !== 'list' || c.state.packages.some((p) => packageMeasure(p, m) !== KEEP))
  for (const m of used) {
    const name = m.name.trim() || m.id.trim() || m.template || 'a measure'
    const lacking = (key: CostKey, what: string) => {
      const gaps = figureGaps(m, key)
      if (gaps === null) return []
      const options = gaps === 'measure' ? '' : ` for option${gaps.length > 1 ? 's' : ''} ${gaps.join(', ')}`
      return [`${what} of the measure "${name}"${options} (its card above)`]
    }
    gwp.push(...lacking('gwp', 'GWP'))
    cost.push(...lacking('investment', 'investment'))
    const life = lacking('life', 'service life')
    gwp.push(...life)
    cost.push(...life)
  }
  const measures = used.length > 0
  // A cost published only as a range is taken at the point the study chooses, and said so.
  const point = COST_RANGE_USES.find((u) => u.value === (c.state.costRanges ?? ''))
  const ranged = c.state.costRanges ? cost.filter((m) => rangedGaps.has(m)) : []
  const costGaps = cost.filter((m) => !ranged.includes(m))
  out.push(item('embodied', 'Embodied and life-cycle carbon', gapsOf(gwp), measures ? 'Every chosen construction and measure has its GWP.' : 'Every chosen construction has its GWP.', 'Variants using these constructions or measures will have no embodied or life-cycle carbon:'))
  const costs = item('investment', 'Investment, life-cycle cost and payback', gapsOf(costGaps), measures ? 'Every chosen construction and measure has its cost.' : 'Every chosen construction has its cost.', 'Variants using these constructions or measures will have no investment, life-cycle cost or payback:')
  if (ranged.length > 0 && costs.state === 'complete') {
    const what = point?.label.replace('take ', '') ?? 'the chosen point'
    costs.state = 'note'
    costs.text = `Every chosen construction has its cost; ${ranged.length === 1 ? 'one is' : `${ranged.length} are`} ${what} of a published range (the figures say so):`
    costs.gaps = gapsOf(ranged)
  }
  out.push(costs)
  const fuels = c.fuels ?? Object.keys(c.lca?.fuels ?? {})
  const noFactor = fuels.filter((f) => c.lca?.fuels?.[f]?.kgCO2ePerKWh == null).map((f) => `${f} emission factor`)
  const noPrice = fuels.filter((f) => c.lca?.fuels?.[f]?.pricePerKWh == null).map((f) => `${f} price`)
  const which = c.fuels ? 'the model uses (its last run)' : 'the model may use (it has not run yet, so every fuel is listed)'
  out.push(item('operational', 'Operational and life-cycle carbon', gapsOf(noFactor), `Every fuel ${which} has an emission factor.`, `Fuels ${which} without an emission factor:`))
  out.push(item('energyCost', 'Energy cost, life-cycle cost and payback', gapsOf(noPrice), `Every fuel ${which} has a price.`, `Fuels ${which} without a price:`))
  return out
}

/** Fuels with delivered energy in a run's end uses. */
export function fuelsOf(endUses: ReadonlyArray<{ fuel: string; kWh: number }> | undefined | null): string[] {
  return [...new Set((endUses ?? []).filter((e) => e.kWh !== 0 && e.fuel).map((e) => e.fuel))].sort()
}
