import type { StudyRow } from '../lib/studyTable'

interface Props {
  /** the selected variant */
  row: StudyRow
  rows: StudyRow[]
  /** opens the comparison: a is the reference (the baseline), b the variant */
  onCompare: (a: number, b: number) => void
}

/**
 * The study screen's way into the comparison: the selected variant against its baseline (same
 * weather file) in one click, or against any other variant or weather file of the study.
 */
export function StudyCompareActions({ row, rows, onCompare }: Props) {
  const baseline = rows.find((r) => r.baseline && r.weatherId === row.weatherId && r.runId !== row.runId)
  const others = rows.filter((r) => r.runId !== row.runId && r.runId > 0)
  return (
    <span className="study-compare" data-testid="study-compare">
      {baseline ? (
        <button type="button" className="btn btn-small" onClick={() => onCompare(baseline.runId, row.runId)} data-testid="study-compare-baseline">
          Compare with the baseline
        </button>
      ) : null}
      {others.length ? (
        <select
          value=""
          onChange={(e) => e.target.value && onCompare(row.runId, Number(e.target.value))}
          aria-label="Compare the selected variant with…"
          data-testid="study-compare-with"
        >
          <option value="">Compare with…</option>
          {others.map((r) => (
            <option key={r.id} value={r.runId}>
              {r.label ? `${r.label} · ` : ''}
              {r.baseline ? 'Baseline' : r.name} · {r.weatherName}
            </option>
          ))}
        </select>
      ) : null}
    </span>
  )
}
