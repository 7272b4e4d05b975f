import { formatTemperature, monthName } from '../lib/format'
import { monthlyBars } from '../lib/weather'

const W = 240
const H = 64

/** Twelve bars of monthly mean dry-bulb temperature, warm months up and freezing ones down. */
export function MonthlyTempChart({ values, counts, testId }: { values: number[] | null | undefined; counts?: number[] | null; testId?: string }) {
  const g = monthlyBars(values, W, H, 3, counts)
  if (g.bars.length === 0) return <p className="subtle">No monthly temperatures in this file.</p>
  const present = g.bars.filter((b) => !b.missing).map((b) => b.value)
  const label = g.bars.map((b) => `${monthName(b.month)} ${b.missing ? 'no data' : formatTemperature(b.value)}`).join(', ')
  return (
    <figure className="temp-chart" data-testid={testId}>
      <svg viewBox={`0 0 ${W} ${H + 12}`} role="img" aria-label={`Monthly mean dry-bulb temperature: ${label}`}>
        {g.bars.map((b) =>
          b.missing ? null : (
            <rect key={b.month} x={b.x} y={b.y} width={b.width} height={Math.max(b.height, 0.5)} className={b.value < 0 ? 'bar-cold' : 'bar-warm'} rx="1">
              <title>{`${monthName(b.month)}: ${formatTemperature(b.value)}`}</title>
            </rect>
          ),
        )}
        <line x1="0" x2={W} y1={g.zeroY} y2={g.zeroY} className="zero-line" />
        {g.bars.map((b) => (
          <text key={`t${b.month}`} x={b.x + b.width / 2} y={H + 10} className="month-label" textAnchor="middle">
            {monthName(b.month).charAt(0)}
          </text>
        ))}
      </svg>
      <figcaption className="subtle">
        Monthly mean dry-bulb, {formatTemperature(Math.min(...present))} to {formatTemperature(Math.max(...present))}
      </figcaption>
    </figure>
  )
}
