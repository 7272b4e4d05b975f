import type { CheckItem } from '../lib/checklist'
import type { GapTarget } from '../lib/gaps'

const MARK: Record<CheckItem['state'], string> = { complete: '✓', note: 'i', incomplete: '!' }

/** Before "Create and run": which figures the study will have, which it will lack, and why. */
export function StudyChecklist({ items, onGap }: { items: CheckItem[]; onGap?: (t: GapTarget) => void }) {
  if (!items.length) return null
  const incomplete = items.filter((i) => i.state === 'incomplete').length
  return (
    <section className="study-checklist" aria-label="Figures this study will have" data-testid="study-checklist" data-incomplete={incomplete}>
      <h4 className="checklist-title">{incomplete ? `Before you run: ${incomplete} kind${incomplete === 1 ? '' : 's'} of figure will be incomplete` : 'Every figure of every variant can be computed'}</h4>
      <ul>
        {items.map((i) => (
          <li key={i.id} className={`check-item check-${i.state}`} data-testid={`check-${i.id}`} data-state={i.state}>
            <span className="check-mark" aria-hidden="true">
              {MARK[i.state]}
            </span>
            <div>
              <strong>{i.figure}</strong>: {i.text}
              {i.gaps.length ? (
                <ul className="check-gaps">
                  {i.gaps.map((g) => (
                    <li key={g.text}>
                      {g.text}
                      {g.target && onGap ? (
                        <>
                          {' '}
                          <button type="button" className="btn-link" onClick={() => onGap(g.target!)}>
                            {g.action}
                          </button>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
