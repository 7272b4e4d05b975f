import { useEffect, useState } from 'react'
import { getAbout, type About } from '../bridge'
import { errorMessage } from '../lib/format'
import { SHORTCUTS } from '../lib/shortcuts'
import { Dialog } from './Dialog'

/** Help → About: the app's, engine's and library's versions, and the keyboard shortcuts. */
export function AboutDialog({ onClose }: { onClose: () => void }) {
  const [about, setAbout] = useState<About | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    getAbout()
      .then(setAbout)
      .catch((e) => setError(errorMessage(e)))
  }, [])
  return (
    <Dialog labelledBy="about-heading" className="about-dialog" testId="about-dialog" focus="dialog" onClose={onClose}>
      <div className="panel-head">
        <h2 id="about-heading">About EPSM Desktop</h2>
        <button type="button" className="toast-close" onClick={onClose} aria-label="Close" data-testid="about-close">
          ×
        </button>
      </div>
      {error ? (
        <p className="engine-error" role="alert">
          {error}
        </p>
      ) : null}
      {about ? (
        <dl className="about-list">
          <dt>App</dt>
          <dd data-testid="about-app">
            {about.app} {about.version}
            {about.commit ? <span className="subtle"> (commit {about.commit.slice(0, 12)}{about.commitDate ? `, ${about.commitDate.slice(0, 10)}` : ''})</span> : null}
          </dd>
          <dt>EnergyPlus</dt>
          <dd data-testid="about-engine">{about.engineVersion ? `${about.engineVersion} (${about.enginePath})` : 'none found — see the engine settings'}</dd>
          <dt>Library</dt>
          <dd data-testid="about-library">
            {about.libraryVersion}, {about.libraryItems} items in your library
          </dd>
          <dt>Data folder</dt>
          <dd className="file-name">{about.dataDir}</dd>
          <dt>Built with</dt>
          <dd>
            {about.go}, {about.os}
            {(about.dependencies ?? []).map((d) => (
              <span key={d.path} className="about-dep">
                <br />
                {d.path} {d.version}
              </span>
            ))}
          </dd>
        </dl>
      ) : !error ? (
        <p className="subtle">Loading…</p>
      ) : null}
      <h3 className="about-sub">Keyboard shortcuts</h3>
      <table className="grid-table shortcut-table">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{s.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  )
}
