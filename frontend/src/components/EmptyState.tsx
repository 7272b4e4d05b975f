interface Props {
  onImport: () => void
  onExample: () => void
  busy: boolean
}

/** What a user sees with nothing imported: what to do next. */
export function EmptyState({ onImport, onExample, busy }: Props) {
  return (
    <section className="empty-state" data-testid="empty-state">
      <h2>Start by adding a model and a weather file</h2>
      <ol>
        <li>
          Drag EnergyPlus models (<code>.idf</code>) and weather files (<code>.epw</code>) onto this window, or{' '}
          <button type="button" className="btn-link" onClick={onImport} disabled={busy}>
            pick them from a folder
          </button>
          .
        </li>
        <li>Tick the models to simulate and choose a weather file.</li>
        <li>Press Run and follow each simulation live.</li>
      </ol>
      <p>
        Just looking?{' '}
        <button type="button" className="btn" onClick={onExample} disabled={busy} data-testid="empty-example-button">
          Add the example building
        </button>{' '}
        <span className="subtle">(a one-zone model with Golden, Colorado weather)</span>
      </p>
    </section>
  )
}
