import { useId, useState } from 'react'
import type { EngineStatus } from '../bridge'
import type { EngineSettings as Actions } from '../hooks/useEngineSettings'
import { engineInUse, engineTitle, failedCandidates, hasEngineSetting, otherEngines, sourceLabel } from '../lib/engine'
import { plural } from '../lib/format'
import { Dialog } from './Dialog'

interface Props {
  status: EngineStatus | null
  actions: Actions
  onClose: () => void
}

/** The engine settings dialog: the engine in use, the others found, and ways to pick another. */
export function EngineSettings({ status, actions, onClose }: Props) {
  const [input, setInput] = useState('')
  const inputId = useId()
  const inUse = engineInUse(status)
  const others = otherEngines(status)
  const failed = failedCandidates(status)
  const busy = actions.busy !== null

  const submit = async () => {
    if (await actions.submitPath(input)) setInput('')
  }

  return (
    // Focus goes to the dialog itself (back to the header button on close): the path input is
    // one choice among several.
    <Dialog labelledBy="engine-settings-heading" className="engine-settings" busy={busy} testId="engine-settings" focus="dialog" onClose={onClose}>
        <div className="panel-head">
          <h2 id="engine-settings-heading">EnergyPlus engine</h2>
          <button type="button" className="toast-close" onClick={onClose} aria-label="Close" data-testid="engine-settings-close">
            ×
          </button>
        </div>

        {actions.error ? (
          <p className="engine-error" role="alert" data-testid="engine-error">
            {actions.error}
          </p>
        ) : null}
        {actions.notice ? (
          <p className={`engine-notice engine-notice-${actions.notice.kind}`} role="status" data-testid="engine-notice">
            {actions.notice.message}
          </p>
        ) : null}

        <h3>In use</h3>
        {inUse ? (
          <div className="engine-current" data-testid="engine-current" data-source={inUse.source}>
            <dl className="engine-facts">
              <div>
                <dt>Version</dt>
                <dd data-testid="engine-current-version">{engineTitle(inUse)}</dd>
              </div>
              <div>
                <dt>Path</dt>
                <dd>
                  <code className="engine-full-path" data-testid="engine-current-path">
                    {inUse.path}
                  </code>
                </dd>
              </div>
              <div>
                <dt>Found</dt>
                <dd data-testid="engine-current-source">{sourceLabel(inUse.source)}</dd>
              </div>
            </dl>
          </div>
        ) : (
          <div className="engine-current engine-current-none" data-testid="engine-current-none">
            <p className="engine-missing">No working EnergyPlus found: runs are disabled.</p>
            {status?.help ? <p className="subtle">{status.help}</p> : null}
          </div>
        )}
        {hasEngineSetting(status) ? (
          <p className="engine-auto-row">
            <button type="button" className="btn btn-small" onClick={() => void actions.automatic()} disabled={busy} data-testid="engine-auto">
              {actions.busy === 'auto' ? 'Searching…' : 'Automatic discovery'}
            </button>
            <span className="subtle">Forget the chosen executable and use the first engine EPSM finds by itself.</span>
          </p>
        ) : null}

        {others.length > 0 ? (
          <>
            <h3>
              Other working engines <span className="count">{others.length}</span>
            </h3>
            <ul className="engine-list" data-testid="engine-others">
              {others.map((e, i) => (
                <li key={e.path} className="engine-item" data-testid="engine-other" data-path={e.path}>
                  <div className="engine-item-text">
                    <strong>{engineTitle(e)}</strong> <span className="subtle">{sourceLabel(e.source)}</span>
                    <code className="engine-full-path">{e.path}</code>
                  </div>
                  <button type="button" className="btn btn-small" onClick={() => void actions.use(e.path)} disabled={busy} data-testid={`engine-use-${i}`}>
                    Use this
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : null}

        <h3>
          <label htmlFor={inputId}>Use another executable</label>
        </h3>
        <form
          className="engine-path-form"
          onSubmit={(e) => {
            e.preventDefault()
            void submit()
          }}
        >
          <input
            id={inputId}
            type="text"
            className="text-input"
            value={input}
            onChange={(e) => setInput(e.target.value)}
            placeholder="/usr/local/EnergyPlus-25-2-0/energyplus or C:\EnergyPlusV25-2-0\energyplus.exe"
            spellCheck={false}
            autoComplete="off"
            disabled={busy}
            data-testid="engine-path-input"
          />
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="engine-path-submit">
            {actions.busy === 'path' ? 'Checking…' : 'Use path'}
          </button>
        </form>
        <p className="subtle engine-path-help">The full path of the energyplus executable; EPSM checks it with --version before using it.</p>
        <div className="engine-actions">
          <button type="button" className="btn" onClick={() => void actions.choose()} disabled={busy} data-testid="engine-choose">
            {actions.busy === 'choose' ? 'Checking…' : 'Choose executable…'}
          </button>
          <button type="button" className="btn" onClick={() => void actions.rediscover()} disabled={busy} data-testid="engine-rediscover">
            {actions.busy === 'rediscover' ? 'Searching…' : 'Search again'}
          </button>
          {actions.busy === 'use' ? <span className="subtle">Checking…</span> : null}
        </div>

        {failed.length > 0 ? (
          <>
            <h3>
              Places that did not work <span className="count">{failed.length}</span>{' '}
              <span className="subtle engine-looked">of {plural((status?.candidates ?? []).length, 'place')} looked at</span>
            </h3>
            <ul className="candidates engine-failed" data-testid="engine-candidates">
              {failed.map((c, i) => (
                <li key={`${c.source}:${c.path}:${i}`} data-testid="engine-candidate">
                  <code className="engine-full-path">{c.path}</code> <span className="subtle">({sourceLabel(c.source)})</span>
                  <div className="candidate-error" data-testid="engine-candidate-error">
                    {c.error}
                  </div>
                </li>
              ))}
            </ul>
          </>
        ) : null}
    </Dialog>
  )
}
