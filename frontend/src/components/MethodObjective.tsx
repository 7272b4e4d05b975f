import type { ReactNode } from 'react'
import type { StudyFigure } from '../bridge'
import { objectiveTitle } from '../lib/morrisChart'

interface Props {
  /** names the test ids: morris-…, sobol-… */
  prefix: string
  /** "Screening", "Sobol indices": the section's label for screen readers */
  label: string
  objective: StudyFigure
  summary: string
  /** the design's points without a value, said as a warning ('' for none) */
  gap: string
  /** the chart and the ranked table */
  children: ReactNode
}

/** One objective's result of a sensitivity method: its title, summary sentence and gaps, then the chart and the table. */
export function MethodObjective({ prefix, label, objective, summary, gap, children }: Props) {
  const id = objective.id
  return (
    <section className="morris-objective" data-testid={`${prefix}-${id}`} aria-label={`${label} of ${objective.name}`}>
      <h4>{objectiveTitle(objective)}</h4>
      {summary ? (
        <p className="morris-summary" data-testid={`${prefix}-summary-${id}`}>
          {summary}
        </p>
      ) : null}
      {gap ? (
        <p className="hint-inline hint-warning small" data-testid={`${prefix}-gap-${id}`}>
          {gap}
        </p>
      ) : null}
      {children}
    </section>
  )
}

interface RankedTableProps {
  testId: string
  /** the figures' columns after # and Factor: a heading and what it means */
  columns: ReadonlyArray<{ label: ReactNode; title: string }>
  /** per factor, ranked: its figures as text, in the columns' order */
  rows: ReadonlyArray<{ rank: number; factor: string; figures: string[] }>
}

/** The factors ranked: their rank, name and figures, one row each. */
export function RankedTable({ testId, columns, rows }: RankedTableProps) {
  return (
    <table className="grid-table morris-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Factor</th>
          {columns.map((c) => (
            <th key={c.title} scope="col" className="num" title={c.title}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.factor} data-factor={r.factor}>
            <td className="num">{r.rank}</td>
            <td>{r.factor}</td>
            {r.figures.map((f, i) => (
              <td key={i} className="num">
                {f}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
