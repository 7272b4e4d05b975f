import { useMemo } from 'react'
import type { Screening } from '../bridge'
import { usePrefersDark } from '../hooks/usePrefersDark'
import { darkChartTheme, lightChartTheme } from '../lib/endUses'
import { effectRows, plottedEffects, screeningGap } from '../lib/method'
import { buildMorrisOption } from '../lib/morrisChart'
import { EChart } from './EChart'
import { MethodObjective, RankedTable } from './MethodObjective'

/** One objective's Morris screening: the summary, mu* against sigma per factor, and the ranked factors. */
export function MorrisScreening({ screening: sc }: { screening: Screening }) {
  const theme = usePrefersDark() ? darkChartTheme : lightChartTheme
  const id = sc.objective.id
  const option = useMemo(() => buildMorrisOption(sc, theme), [sc, theme])
  const rows = useMemo(() => effectRows(sc), [sc])
  const placed = plottedEffects(sc).length
  const gap = screeningGap(sc)
  const unit = sc.objective.unit ? ` (${sc.objective.unit})` : ''
  return (
    <MethodObjective prefix="morris" label="Screening" objective={sc.objective} summary={sc.summary} gap={gap}>
      {placed ? (
        <EChart option={option} height={260} title={`Morris ${sc.objective.name}`} background={theme.background} renderer="svg" testId={`morris-chart-${id}`} />
      ) : (
        <p className="subtle">No factor has both μ* and σ to place on a chart.</p>
      )}
      <RankedTable
        testId={`morris-table-${id}`}
        columns={[
          { label: `μ*${unit}`, title: 'Mean of the absolute elementary effects: how much the factor moves the figure' },
          { label: `σ${unit}`, title: 'Spread of the effects: interaction with other factors, or a non-linear effect' },
          { label: 'Effects', title: 'Elementary effects averaged (and those dropped because a run failed)' },
        ]}
        rows={rows.map((r) => ({ rank: r.rank, factor: r.factor, figures: [r.muStar, r.sigma, r.effects] }))}
      />
    </MethodObjective>
  )
}
