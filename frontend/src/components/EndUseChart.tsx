import { useMemo } from 'react'
import type { EndUse } from '../bridge'
import { buildEndUseOption, darkChartTheme, endUseTable, lightChartTheme } from '../lib/endUses'
import { usePrefersDark } from '../hooks/usePrefersDark'
import { useUnitSystem } from '../hooks/useUnitSystem'
import { EChart } from './EChart'

export function EndUseChart({ endUses }: { endUses: EndUse[] | null | undefined }) {
  const rows = endUseTable(endUses).endUses.length
  if (rows === 0) {
    return (
      <p className="subtle" data-testid="end-use-chart-empty">
        This run reported no energy end uses.
      </p>
    )
  }
  return <Chart endUses={endUses} rows={rows} />
}

function Chart({ endUses, rows }: { endUses: EndUse[] | null | undefined; rows: number }) {
  const dark = usePrefersDark()
  const theme = dark ? darkChartTheme : lightChartTheme
  const height = Math.max(180, 70 + rows * 34)
  const units = useUnitSystem()
  const option = useMemo(() => buildEndUseOption(endUses, theme, units), [endUses, theme, units])
  // SVG stays sharp at any display scaling and leaves the labels in the DOM.
  return (
    <figure className="end-use-figure">
      <figcaption>End uses by fuel</figcaption>
      <EChart option={option} height={height} title="End uses by fuel" background={theme.background} renderer="svg" testId="end-use-chart" />
    </figure>
  )
}
