import { useCallback, useEffect, useState } from 'react'
import { freeSpace, getStorage, type FreeRequest, type Storage, type StorageGroup } from '../bridge'
import { errorMessage, formatBytes, plural } from '../lib/format'
import { ConfirmButton } from './ConfirmButton'

/**
 * Settings > Storage: the run folders by study and batch, and freeing space for one of them or
 * for runs older than some days. Freeing deletes EnergyPlus outputs only: results and hourly
 * meters are in the database, and each run keeps its eplusout.err.
 */
export function StorageSettings({ onBusy }: { onBusy: (busy: boolean) => void }) {
  const [storage, setStorage] = useState<Storage | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [keepReports, setKeepReports] = useState(true)
  const [days, setDays] = useState('90')
  const [busy, setBusy] = useState(false)

  const load = useCallback(() => {
    getStorage()
      .then(setStorage)
      .catch((e) => setError(errorMessage(e)))
  }, [])
  useEffect(load, [load])

  const free = async (req: Omit<FreeRequest, 'keepReports'>, what: string) => {
    setError(null)
    setDone(null)
    setBusy(true)
    onBusy(true)
    try {
      const r = await freeSpace({ ...req, keepReports })
      setStorage(r.storage)
      setDone(r.freed.runs ? `Freed ${formatBytes(r.freed.bytes)} from ${plural(r.freed.runs, 'run')} of ${what}.` : `Nothing to free in ${what}.`)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
      onBusy(false)
    }
  }

  const olderThan = Number(days)
  const daysOk = Number.isInteger(olderThan) && olderThan > 0
  return (
    <div className="storage-settings" data-testid="storage-settings">
      <p className="subtle settings-help">
        Once a run’s results and hourly meters are in the database, its folder keeps only eplusout.err, the HTML report and the run copy of the model, unless the run, study or target keeps all outputs. Freeing space deletes outputs only: results, hourly charts and error messages stay.
      </p>
      {storage ? (
        <p data-testid="storage-total">
          Run folders: <strong>{formatBytes(storage.runBytes)}</strong> · database and imported files: {formatBytes(storage.otherBytes)}
        </p>
      ) : !error ? (
        <p className="subtle">Measuring…</p>
      ) : null}
      <label className="check check-compact">
        <input type="checkbox" checked={keepReports} onChange={(e) => setKeepReports(e.target.checked)} disabled={busy} data-testid="storage-keep-reports" />
        <span>Keep each run’s HTML report and run copy (otherwise only eplusout.err stays)</span>
      </label>
      <div className="storage-age">
        <label htmlFor="storage-days">Free runs that ended more than</label>
        <input id="storage-days" className="text-input number-input" inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} disabled={busy} data-testid="storage-days" />
        <span>days ago</span>
        <button type="button" className="btn btn-small" disabled={busy || !daysOk} onClick={() => void free({ studyId: 0, batchId: 0, olderThanDays: olderThan }, `runs older than ${olderThan} days`)} data-testid="storage-free-age">
          Free
        </button>
      </div>
      {storage && storage.groups?.length ? (
        <table className="grid-table storage-table" data-testid="storage-table">
          <thead>
            <tr>
              <th scope="col">Study or batch</th>
              <th scope="col" className="num">
                Runs
              </th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col">Outputs kept</th>
              <th scope="col">Last run</th>
              <th scope="col">
                <span className="visually-hidden">Free</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {storage.groups.map((g) => (
              <StorageRow key={`${g.kind}-${g.id}`} g={g} busy={busy} onFree={() => void free(g.kind === 'study' ? { studyId: g.id, batchId: 0, olderThanDays: 0 } : { studyId: 0, batchId: g.id, olderThanDays: 0 }, `${g.kind} “${g.name}”`)} />
            ))}
          </tbody>
        </table>
      ) : storage ? (
        <p className="subtle">No finished runs yet.</p>
      ) : null}
      {done ? (
        <p className="engine-notice engine-notice-success" role="status" data-testid="storage-done">
          {done}
        </p>
      ) : null}
      {error ? (
        <p className="engine-error" role="alert" data-testid="storage-error">
          {error}
        </p>
      ) : null}
    </div>
  )
}

function kept(g: StorageGroup): string {
  const parts = []
  if (g.full) parts.push(`${g.full} all`)
  if (g.trimmed) parts.push(`${g.trimmed} report and err`)
  if (g.freed) parts.push(`${g.freed} err only`)
  return parts.join(' · ')
}

function StorageRow({ g, busy, onFree }: { g: StorageGroup; busy: boolean; onFree: () => void }) {
  return (
    <tr data-testid={`storage-${g.kind}-${g.id}`} data-bytes={g.bytes}>
      <td>
        <span className="subtle">{g.kind === 'study' ? 'Study' : 'Batch'} #{g.id}</span> {g.name}
      </td>
      <td className="num">{g.runs}</td>
      <td className="num">{formatBytes(g.bytes)}</td>
      <td>{kept(g)}</td>
      <td>{g.newest ? g.newest.slice(0, 10) : ''}</td>
      <td>
        <ConfirmButton label="Free" question={`Delete the outputs of ${g.name || `#${g.id}`}? Results stay.`} confirmLabel="Yes, free" onConfirm={onFree} disabled={busy} className="btn btn-small" testId={`storage-free-${g.kind}-${g.id}`} />
      </td>
    </tr>
  )
}
