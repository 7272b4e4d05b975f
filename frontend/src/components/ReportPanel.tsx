import { useState } from 'react'
import { reportUrl } from '../bridge'

/** EnergyPlus's HTML report (eplustbl.htm), served by the Go side under /runfiles/. */
export function ReportPanel({ runId, available, freed = false }: { runId: number; available: boolean; freed?: boolean }) {
  const [reload, setReload] = useState(0)
  if (!available) {
    return (
      <p className="subtle" data-testid="report-unavailable">
        EnergyPlus writes the HTML report only for runs that complete.
      </p>
    )
  }
  if (freed) {
    return (
      <p className="subtle" data-testid="report-freed">
        This run’s report was deleted to free space (Settings &gt; Storage). Its results, hourly data and messages are kept; re-run it with “Re-run even if cached” to get the report again.
      </p>
    )
  }
  const src = reportUrl(runId)
  return (
    <div className="report-panel">
      <div className="err-toolbar">
        <span className="subtle">
          <code>eplustbl.htm</code> of run #{runId}
        </span>
        <button type="button" className="btn btn-small" onClick={() => setReload((n) => n + 1)}>
          Reload
        </button>
      </div>
      <iframe key={reload} className="report-frame" src={src} title={`HTML report of run ${runId}`} data-testid="report-iframe" sandbox="allow-same-origin" />
    </div>
  )
}
