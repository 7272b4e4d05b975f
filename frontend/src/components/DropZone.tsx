import type { CSSProperties } from 'react'

// Wails only reports drops to JavaScript over elements with this style; the Go handler
// imports drops anywhere in the window, so this marks the target for users and for Wails.
const dropTarget = { '--wails-drop-target': 'drop' } as CSSProperties

interface Props {
  dragging: boolean
  importing: boolean
  onImport: () => void
  onExample: () => void
}

export function DropZone({ dragging, importing, onImport, onExample }: Props) {
  return (
    <>
      <div className={`drop-zone${dragging ? ' drop-zone-active' : ''}`} style={dropTarget} data-testid="drop-zone" data-dragging={dragging ? 'true' : 'false'}>
        <div className="drop-zone-text">
          <strong>Drop EnergyPlus models (.idf) and weather files (.epw) here</strong>
          <span className="subtle">or pick them from a folder; folders work too</span>
        </div>
        <div className="drop-zone-actions">
          <button type="button" className="btn btn-primary" onClick={onImport} disabled={importing} data-testid="import-button">
            Import files…
          </button>
          <button type="button" className="btn" onClick={onExample} disabled={importing} data-testid="example-button">
            Add example
          </button>
        </div>
      </div>
      {dragging ? (
        <div className="drop-overlay" style={dropTarget} data-testid="drop-overlay" aria-hidden="true">
          <div className="drop-overlay-box">Drop to import .idf and .epw files</div>
        </div>
      ) : null}
    </>
  )
}
