import { useMemo } from 'react'
import type { Screening } from '../bridge'
import { usePrefersDark } from '../hooks/usePrefersDark'
import { darkChartTheme, lightChartTheme } from '../lib/endUses'
import { effectRows, plottedEffects, screeningGap } from '../lib/method'
import { buildMorrisOption, objectiveTitle } from '../lib/morrisChart'
import { EChart } from './EChart'

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
    <section className="morris-objective" data-testid={`morris-${id}`} aria-label={`Screening of ${sc.objective.name}`}>
      <h4>{objectiveTitle(sc.objective)}</h4>
      {sc.summary ? (
        <p className="morris-summary" data-testid={`morris-summary-${id}`}>
          {sc.summary}
        </p>
      ) : null}
      {gap ? (
        <p className="hint-inline hint-warning small" data-testid={`morris-gap-${id}`}>
          {gap}
        </p>
      ) : null}
      {placed ? (
        <EChart option={option} height={260} title={`Morris ${sc.objective.name}`} background={theme.background} renderer="svg" testId={`morris-chart-${id}`} />
      ) : (
        <p className="subtle">No factor has both μ* and σ to place on a chart.</p>
      )}
      <table className="grid-table morris-table" data-testid={`morris-table-${id}`}>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Factor</th>
            <th scope="col" className="num" title="Mean of the absolute elementary effects: how much the factor moves the figure">
              μ*{unit}
            </th>
            <th scope="col" className="num" title="Spread of the effects: interaction with other factors, or a non-linear effect">
              σ{unit}
            </th>
            <th scope="col" className="num" title="Elementary effects averaged (and those dropped because a run failed)">
              Effects
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.factor} data-factor={r.factor}>
              <td className="num">{r.rank}</td>
              <td>{r.factor}</td>
              <td className="num">{r.muStar}</td>
              <td className="num">{r.sigma}</td>
              <td className="num">{r.effects}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
