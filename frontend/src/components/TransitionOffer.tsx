import { useEffect, useState } from 'react'
import { transitionModel, transitionOffer } from '../bridge'

/** Offers to transition an old model with NREL's version updaters, or says why it cannot. */
export function TransitionOffer({ modelId }: { modelId: number }) {
  const [offer, setOffer] = useState<{ possible: boolean; to: string; steps: number; reason: string } | null>(null)
  const [state, setState] = useState<'idle' | 'busy' | 'done' | string>('idle')
  useEffect(() => {
    let live = true
    transitionOffer(modelId).then((o) => live && setOffer(o), () => undefined)
    return () => {
      live = false
    }
  }, [modelId])
  if (!offer) return null
  if (!offer.possible) {
    return (
      <p className="hint subtle" data-testid={`model-transition-unavailable-${modelId}`}>
        Transition not available here: {offer.reason}.
      </p>
    )
  }
  return (
    <p className="hint" data-testid={`model-transition-${modelId}`}>
      <button
        type="button"
        className="btn btn-small"
        disabled={state === 'busy' || state === 'done'}
        onClick={() => {
          setState('busy')
          transitionModel(modelId).then(
            () => setState('done'),
            (e) => setState(String(e)),
          )
        }}
        data-testid={`model-transition-button-${modelId}`}
      >
        {state === 'busy' ? 'Transitioning…' : `Transition a copy to ${offer.to} (${offer.steps} step${offer.steps === 1 ? '' : 's'})`}
      </button>
      {state === 'done' ? ' Imported as a new model.' : null}
      {state !== 'idle' && state !== 'busy' && state !== 'done' ? <span className="error-text"> {state}</span> : null}
    </p>
  )
}
