import { useMemo } from 'react'
import type { Sensitivity } from '../bridge'
import { usePrefersDark } from '../hooks/usePrefersDark'
import { darkChartTheme, lightChartTheme } from '../lib/endUses'
import { screeningGap } from '../lib/method'
import { buildSobolOption, hasPlottedIndex, indexRows, sobolChartHeight } from '../lib/sobolChart'
import { EChart } from './EChart'
import { MethodObjective, RankedTable } from './MethodObjective'

/** One objective's Sobol indices: the summary, S1 and ST per factor with their intervals, and the ranked factors. */
export function SobolIndices({ sensitivity: s }: { sensitivity: Sensitivity }) {
  const theme = usePrefersDark() ? darkChartTheme : lightChartTheme
  const id = s.objective.id
  const option = useMemo(() => buildSobolOption(s, theme), [s, theme])
  const rows = useMemo(() => indexRows(s), [s])
  return (
    <MethodObjective prefix="sobol" label="Sobol indices" objective={s.objective} summary={s.summary} gap={screeningGap(s)}>
      {hasPlottedIndex(s) ? (
        <EChart option={option} height={sobolChartHeight(rows.length)} title={`Sobol indices ${s.objective.name}`} background={theme.background} renderer="svg" testId={`sobol-chart-${id}`} />
      ) : (
        <p className="subtle">No factor has an index to draw.</p>
      )}
      <RankedTable
        testId={`sobol-table-${id}`}
        columns={[
          { label: 'S1', title: 'First-order index: the share of the variance the factor explains alone, ± the 95 % half-width' },
          { label: 'ST', title: 'Total index: its share with all its interactions, ± the 95 % half-width; the ranking follows it' },
          { label: 'Rows', title: 'Base samples the indices were estimated from' },
          { label: 'Dropped', title: 'Base samples left out because one of their runs has no value' },
        ]}
        rows={rows.map((r) => ({ rank: r.rank, factor: r.factor, figures: [r.s1, r.st, r.rows, r.dropped] }))}
      />
    </MethodObjective>
  )
}
