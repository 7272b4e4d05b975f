export type Screen = 'runs' | 'library' | 'studies'

const SCREENS: Array<{ id: Screen; label: string; title: string }> = [
  { id: 'runs', label: 'Models & runs', title: 'Import models and weather files, run them, follow the queue' },
  { id: 'library', label: 'Library', title: 'Materials, window systems and renovation constructions with U, GWP and cost' },
  { id: 'studies', label: 'Studies', title: 'Renovation scenarios: variants of a model, run and compared against the baseline' },
]

interface Props {
  screen: Screen
  onScreen: (s: Screen) => void
}

/** The top-level screens. */
export function Nav({ screen, onScreen }: Props) {
  return (
    <nav className="app-nav" aria-label="Screens">
      <div className="app-nav-tabs" role="tablist">
        {SCREENS.map((s) => (
          <button
            key={s.id}
            type="button"
            role="tab"
            id={`nav-tab-${s.id}`}
            aria-selected={screen === s.id}
            aria-controls={`screen-${s.id}`}
            className={`app-nav-tab${screen === s.id ? ' on' : ''}`}
            onClick={() => onScreen(s.id)}
            title={s.title}
            data-testid={`nav-${s.id}`}
          >
            {s.label}
          </button>
        ))}
      </div>
    </nav>
  )
}
