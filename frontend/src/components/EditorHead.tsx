/** The head of a library item editor: title, close button, id and which constructions use it. */
export function EditorHead({ headingId, title, onClose, itemId, usedBy }: {
  headingId: string
  title: string
  onClose: () => void
  /** the stored item's id; absent for a new item */
  itemId?: string
  usedBy: { id: string; name?: string }[]
}) {
  return (
    <>
      <div className="panel-head">
        <h2 id={headingId}>{title}</h2>
        <button type="button" className="toast-close" onClick={onClose} aria-label="Close the editor" data-testid="editor-close">
          ×
        </button>
      </div>
      {itemId !== undefined ? (
        <p className="subtle editor-origin">
          Id <code>{itemId}</code>
          {usedBy.length ? ` · used by ${usedBy.map((c) => c.name || c.id).join(', ')}` : ' · used by no construction'}
        </p>
      ) : null}
    </>
  )
}
