import { useEffect, useState } from 'react'
import { getDataFolder, type DataFolder } from '../bridge'
import { errorMessage, formatBytes, plural } from '../lib/format'

/** Where EPSM keeps its database, imported copies and run folders, and how much room they take. */
export function DataFolderInfo() {
  const [info, setInfo] = useState<DataFolder | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    getDataFolder()
      .then((d) => live && setInfo(d))
      .catch((e) => live && setError(errorMessage(e)))
    return () => {
      live = false
    }
  }, [])
  return (
    <div className="settings-field data-folder" data-testid="settings-data-folder">
      <span className="field-label">Data folder</span>
      {info ? (
        <>
          <code className="file-name" data-testid="settings-data-path">
            {info.path}
          </code>
          <p className="subtle settings-help" data-testid="settings-data-size">
            {formatBytes(info.sizeBytes)} in {plural(info.files, 'file')}, {plural(info.runs, 'run folder')}. Set <code>EPSM_DATA_DIR</code> before starting EPSM to use another folder.
            {info.error ? ` ${info.error}` : ''}
          </p>
        </>
      ) : error ? (
        <p className="engine-error">{error}</p>
      ) : (
        <p className="subtle settings-help">Measuring…</p>
      )}
    </div>
  )
}
