import { Fragment, useCallback, useEffect, useMemo, useState } from 'react'
import { exportLibraryCSV, importLibraryCSV, importLibraryFromModel, type LibraryView, type Model } from '../bridge'
import type { LibraryState } from '../hooks/useLibrary'
import { errorMessage, plural } from '../lib/format'
import { ELEMENTS, elementLabel } from '../lib/library'
import { constructionColumns, constructionRows, costHeaderUnit, libraryCurrency, materialColumns, materialRows, windowColumns, windowRows, type ConstructionRow, type MaterialRow, type WindowRow } from '../lib/libraryTables'
import type { ToastInput } from '../lib/toasts'
import { AmountText } from './AmountText'
import { ConstructionEditor } from './ConstructionEditor'
import { DataTable } from './DataTable'
import { Dialog } from './Dialog'
import { MaterialEditor } from './MaterialEditor'
import { WindowEditor } from './WindowEditor'

type Tab = 'constructions' | 'materials' | 'windows'

type Selection =
  | { kind: 'construction'; id: string | null; element?: string }
  | { kind: 'material'; id: string | null }
  | { kind: 'window'; id: string | null }
  | null

interface Props {
  lib: LibraryState
  models: Model[]
  /** for new items' cost fields */
  currency: string
  push: (...t: ToastInput[]) => void
  /** an item to open (a link from a figure that lacks its GWP or cost); seq tells repeated links apart */
  focus?: { item: 'material' | 'window'; id: string; seq: number } | null
}

const ORIGIN_LABEL: Record<string, string> = { default: 'default', user: 'yours', imported: 'imported' }

/** The renovation library: materials, window systems and constructions, with editors. */
export function LibraryScreen({ lib, models, currency, push, focus }: Props) {
  const [tab, setTab] = useState<Tab>('constructions')
  const [selection, setSelection] = useState<Selection>(null)
  const [newElement, setNewElement] = useState('wall')
  /** the constructions shown: one element, or all ('') */
  const [elementFilter, setElementFilter] = useState('')
  const keepElement = useCallback((r: ConstructionRow) => elementFilter === '' || r.element === elementFilter, [elementFilter])
  const [modelId, setModelId] = useState<number | ''>('')
  const [busy, setBusy] = useState<'model' | 'import' | 'export' | null>(null)
  const [aboutOpen, setAboutOpen] = useState(false)
  const library = lib.library
  const ensureLibrary = lib.ensure
  useEffect(() => ensureLibrary(), [ensureLibrary])
  useEffect(() => {
    if (!focus) return
    setTab(focus.item === 'window' ? 'windows' : 'materials')
    setSelection({ kind: focus.item, id: focus.id })
  }, [focus])

  const cRows = useMemo(() => (library ? constructionRows(library) : []), [library])
  const mRows = useMemo(() => (library ? materialRows(library) : []), [library])
  const wRows = useMemo(() => (library ? windowRows(library) : []), [library])
  const costUnit = useMemo(() => ({ cost: costHeaderUnit(libraryCurrency(library, currency)) }), [library, currency])

  const onChanged = (kind: 'construction' | 'material' | 'window') => (view: LibraryView, selectId: string | null) => {
    lib.set(view)
    if (selectId === null) {
      setSelection(null)
      push({ kind: 'info', title: 'Deleted', message: `The ${kind === 'window' ? 'window system' : kind} was removed from the library.` })
    } else {
      if (selection?.id !== selectId) {
        const name = (kind === 'construction' ? view.constructions?.find((c) => c.construction.id === selectId)?.construction.name : kind === 'material' ? view.materials?.find((m) => m.id === selectId)?.name : view.windows?.find((w) => w.id === selectId)?.name) || selectId
        push({ kind: 'success', title: 'Added to the library', message: `${name} (${selectId})` })
      }
      setSelection({ kind, id: selectId })
    }
  }

  const run = async (what: 'model' | 'import' | 'export') => {
    setBusy(what)
    try {
      if (what === 'model') {
        if (modelId === '') return
        const before = library
        const v = await importLibraryFromModel(modelId)
        lib.set(v)
        const added = (v.constructions?.length ?? 0) - (before?.constructions?.length ?? 0)
        const addedM = (v.materials?.length ?? 0) - (before?.materials?.length ?? 0)
        const name = models.find((m) => m.id === modelId)?.name ?? `model #${modelId}`
        push({
          kind: 'success',
          title: `Imported from ${name}`,
          message: `${plural(addedM, 'material')} and ${plural(added, 'construction')} added; their GWP and cost are blank until you fill them in.${
            (v.problems?.length ?? 0) > (before?.problems?.length ?? 0) ? ' Some items were left alone: see the problems list.' : ''
          }`,
        })
      } else if (what === 'import') {
        const v = await importLibraryCSV()
        lib.set(v)
      } else {
        const dir = await exportLibraryCSV()
        if (dir) push({ kind: 'success', title: 'Library exported', message: `materials.csv, glazing.csv and constructions.csv written to ${dir}` })
      }
    } catch (e) {
      const title = what === 'model' ? 'Could not import from the model' : what === 'import' ? 'Could not import the library folder' : 'Could not export the library'
      push({ kind: 'error', title, message: errorMessage(e) })
    } finally {
      setBusy(null)
    }
  }

  if (!library) {
    return (
      <section className="panel" data-testid="library-screen">
        {lib.error ? (
          <div className="banner banner-danger" role="alert" data-testid="library-error">
            <p>{lib.error}</p>
            <button type="button" className="btn btn-small" onClick={() => void lib.reload()}>
              Try again
            </button>
          </div>
        ) : (
          <p className="subtle">Loading the library…</p>
        )}
      </section>
    )
  }

  const problems = library.problems ?? []
  const editor = (() => {
    if (!selection) return null
    if (selection.kind === 'construction') {
      const c = selection.id ? (library.constructions ?? []).find((v) => v.construction.id === selection.id)?.construction ?? null : null
      if (selection.id && !c) return null
      return <ConstructionEditor key={`c:${selection.id ?? 'new:' + selection.element}`} library={library} construction={c} newElement={selection.element} onChanged={onChanged('construction')} onClose={() => setSelection(null)} />
    }
    if (selection.kind === 'material') {
      const m = selection.id ? (library.materials ?? []).find((x) => x.id === selection.id) ?? null : null
      if (selection.id && !m) return null
      return <MaterialEditor key={`m:${selection.id ?? 'new'}`} library={library} material={m} currency={currency} onChanged={onChanged('material')} onClose={() => setSelection(null)} />
    }
    const w = selection.id ? (library.windows ?? []).find((x) => x.id === selection.id) ?? null : null
    if (selection.id && !w) return null
    return <WindowEditor key={`w:${selection.id ?? 'new'}`} library={library} window={w} currency={currency} onChanged={onChanged('window')} onClose={() => setSelection(null)} />
  })()

  return (
    <div className="library-screen" data-testid="library-screen">
      <section className="panel library-toolbar" aria-label="Library actions">
        <div className="toolbar-group">
          <label htmlFor="library-model" className="field-label">
            Import from a model
          </label>
          <select id="library-model" value={modelId} onChange={(e) => setModelId(e.target.value ? Number(e.target.value) : '')} data-testid="library-import-model-select">
            <option value="">{models.length ? 'Choose an imported model…' : 'No model imported yet'}</option>
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
          <button type="button" className="btn btn-small" onClick={() => void run('model')} disabled={modelId === '' || busy !== null} data-testid="library-import-model" title="Add the model's materials and constructions (GWP and cost blank until you fill them in)">
            {busy === 'model' ? 'Importing…' : 'Import'}
          </button>
        </div>
        <div className="toolbar-group">
          <button type="button" className="btn btn-small" onClick={() => void run('import')} disabled={busy !== null} data-testid="library-import-csv" title="Add or update items from a folder with materials.csv, glazing.csv and constructions.csv">
            {busy === 'import' ? 'Importing…' : 'Import CSV folder…'}
          </button>
          <button type="button" className="btn btn-small" onClick={() => void run('export')} disabled={busy !== null} data-testid="library-export-csv" title="Write the library as three CSV files into a folder">
            {busy === 'export' ? 'Exporting…' : 'Export CSV folder…'}
          </button>
          <button type="button" className="btn btn-small" onClick={() => setAboutOpen(true)} data-testid="library-attribution" aria-haspopup="dialog">
            Sources & terms
          </button>
        </div>
      </section>

      {problems.length > 0 ? (
        <details className="panel library-problems" data-testid="library-problems">
          <summary>
            {plural(problems.length, 'data problem')} in the library <span className="subtle">— missing sources, invalid values, items left alone on import</span>
          </summary>
          <ul className="problem-list">
            {problems.map((p, i) => (
              <li key={i}>
                {p.id ? (
                  <button
                    type="button"
                    className="btn-link"
                    onClick={() => {
                      const kind = p.item === 'window system' ? 'window' : p.item === 'material' ? 'material' : 'construction'
                      setTab(kind === 'window' ? 'windows' : kind === 'material' ? 'materials' : 'constructions')
                      setSelection({ kind, id: p.id })
                    }}
                  >
                    {p.message}
                  </button>
                ) : (
                  p.message
                )}
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      <div className={`library-layout${editor ? ' with-editor' : ''}`}>
        <section className="panel library-tables" aria-label="Library tables">
          <div className="tabs" role="tablist">
            {(
              [
                ['constructions', 'Constructions', cRows.length],
                ['materials', 'Materials', mRows.length],
                ['windows', 'Window systems', wRows.length],
              ] as const
            ).map(([id, label, n]) => (
              <button key={id} type="button" role="tab" aria-selected={tab === id} className={`tab${tab === id ? ' on' : ''}`} onClick={() => setTab(id)} data-testid={`library-tab-${id}`}>
                {label} <span className="count">{n}</span>
              </button>
            ))}
          </div>
          {tab === 'constructions' ? (
            <DataTable<ConstructionRow>
              rows={cRows}
              columns={constructionColumns as any}
              label="Constructions"
              testId="library-constructions"
              rowTestId={(r) => `construction-row-${r.id}`}
              rowClass={(r) => (r.unusable ? 'row-unusable' : '')}
              selectedId={selection?.kind === 'construction' ? selection.id : null}
              onSelect={(r) => setSelection({ kind: 'construction', id: r.id })}
              searchPlaceholder="Search constructions (name, element, material)"
              searchTestId="library-search-constructions"
              emptyText="No constructions yet."
              initialSorting={[{ id: 'element', desc: false }]}
              keep={keepElement}
              headerUnits={costUnit}
              filters={
                <label className="toolbar-group">
                  <span className="field-label">Show</span>
                  <select
                    value={elementFilter}
                    onChange={(e) => {
                      setElementFilter(e.target.value)
                      if (e.target.value) setNewElement(e.target.value)
                    }}
                    data-testid="library-element-filter"
                  >
                    <option value="">All elements</option>
                    {ELEMENTS.map((el) => (
                      <option key={el} value={el}>
                        {elementLabel(el)}s
                      </option>
                    ))}
                  </select>
                </label>
              }
              actions={
                <span className="toolbar-group library-new">
                  <button type="button" className="btn btn-small btn-primary" onClick={() => setSelection({ kind: 'construction', id: null, element: newElement })} data-testid="library-new-construction">
                    New construction
                  </button>
                  <label className="toolbar-group">
                    <span className="subtle small">for a</span>
                    <select value={newElement} onChange={(e) => setNewElement(e.target.value)} aria-label="Element of the new construction" data-testid="library-new-construction-element">
                      {ELEMENTS.map((el) => (
                        <option key={el} value={el}>
                          {elementLabel(el).toLowerCase()}
                        </option>
                      ))}
                    </select>
                  </label>
                </span>
              }
              renderCell={(col, r) => {
                switch (col) {
                  case 'name':
                    return (
                      <span className="name-cell">
                        <span>{r.name || r.id}</span>
                        <span className="subtle small">
                          {r.id}
                          {r.origin ? ` · ${ORIGIN_LABEL[r.origin] ?? r.origin}` : ''}
                        </span>
                      </span>
                    )
                  case 'u':
                    return <AmountText view={r.u} testId={`construction-u-${r.id}`} sayMissing />
                  case 'gwp':
                    return <AmountText view={r.gwp} testId={`construction-gwp-${r.id}`} sayMissing />
                  case 'cost':
                    return <AmountText view={r.cost} unit={r.cost.complete ? r.currency : undefined} testId={`construction-cost-${r.id}`} sayMissing />
                  case 'usable':
                    return (
                      <span
                        className={`badge ${r.usability.level === 'all' ? 'badge-success' : 'badge-warning'}`}
                        title={r.usability.title}
                        data-testid={r.usability.level === 'none' ? `construction-unusable-${r.id}` : `construction-usable-${r.id}`}
                        data-level={r.usability.level}
                      >
                        {r.usability.text}
                      </span>
                    )
                  case 'origin':
                    return <span className="subtle">{ORIGIN_LABEL[r.origin] ?? r.origin}</span>
                  case 'layers':
                    return (
                      <span className="layers-cell" data-testid={`construction-layers-${r.id}`}>
                        {r.layerParts.map((l, i) => (
                          <Fragment key={i}>
                            {/* outside the unbreakable layer: the line may break here */}
                            {i > 0 ? <span className="layer-sep"> | </span> : null}
                            <span className="layer" title={l.title}>
                              {l.text}
                            </span>
                          </Fragment>
                        ))}
                      </span>
                    )
                }
                return undefined
              }}
            />
          ) : tab === 'materials' ? (
            <DataTable<MaterialRow>
              rows={mRows}
              columns={materialColumns as any}
              headerUnits={costUnit}
              label="Materials"
              testId="library-materials"
              rowTestId={(r) => `material-row-${r.id}`}
              rowClass={(r) => (r.problems.length ? 'row-problem' : '')}
              selectedId={selection?.kind === 'material' ? selection.id : null}
              onSelect={(r) => setSelection({ kind: 'material', id: r.id })}
              searchPlaceholder="Search materials (name, category, source)"
              searchTestId="library-search-materials"
              emptyText="No materials yet."
              initialSorting={[{ id: 'category', desc: false }]}
              actions={
                <button type="button" className="btn btn-small btn-primary" onClick={() => setSelection({ kind: 'material', id: null })} data-testid="library-new-material">
                  New material
                </button>
              }
              renderCell={(col, r) => {
                switch (col) {
                  case 'name':
                    return (
                      <span className="name-cell">
                        <span>
                          {r.name || r.id}
                          {r.problems.length ? (
                            <span className="badge badge-warning" title={r.problems.join('\n')}>
                              {plural(r.problems.length, 'problem')}
                            </span>
                          ) : null}
                        </span>
                        <span className="subtle small">
                          {r.id}
                          {r.fixedThickness ? ` · ${r.fixedThickness}` : ''}
                          {r.usedBy.length ? ` · in ${plural(r.usedBy.length, 'construction')}` : ''}
                        </span>
                      </span>
                    )
                  case 'conductivity':
                    return <AmountText view={r.conductivity} />
                  case 'density':
                    return <AmountText view={r.density} />
                  case 'specificHeat':
                    return <AmountText view={r.specificHeat} />
                  case 'resistance':
                    return <AmountText view={r.resistance} />
                  case 'gwp':
                    return <AmountText view={r.gwp} unit={r.gwp.complete ? r.gwpUnit : undefined} testId={`material-gwp-${r.id}`} sayMissing />
                  case 'cost':
                    return <AmountText view={r.cost} unit={r.cost.complete ? r.costUnit : undefined} testId={`material-cost-${r.id}`} sayMissing />
                  case 'kind':
                    return <span className="subtle">{r.kind.replace('Material:', '')}</span>
                  case 'origin':
                    return <span className="subtle">{ORIGIN_LABEL[r.origin] ?? r.origin}</span>
                }
                return undefined
              }}
            />
          ) : (
            <DataTable<WindowRow>
              rows={wRows}
              columns={windowColumns as any}
              headerUnits={costUnit}
              label="Window systems"
              testId="library-windows"
              rowTestId={(r) => `window-row-${r.id}`}
              rowClass={(r) => (r.gaps ? 'row-unusable' : '')}
              selectedId={selection?.kind === 'window' ? selection.id : null}
              onSelect={(r) => setSelection({ kind: 'window', id: r.id })}
              searchPlaceholder="Search window systems"
              searchTestId="library-search-windows"
              emptyText="No window systems yet."
              initialSorting={[{ id: 'u', desc: false }]}
              actions={
                <button type="button" className="btn btn-small btn-primary" onClick={() => setSelection({ kind: 'window', id: null })} data-testid="library-new-window">
                  New window system
                </button>
              }
              renderCell={(col, r) => {
                switch (col) {
                  case 'name':
                    return (
                      <span className="name-cell">
                        <span>
                          {r.name || r.id}
                          {r.gaps ? (
                            <span className="badge badge-warning" title={r.gaps} data-testid={`window-gaps-${r.id}`}>
                              unusable
                            </span>
                          ) : null}
                        </span>
                        <span className="subtle small">{r.id}</span>
                      </span>
                    )
                  case 'u':
                    return <AmountText view={r.u} testId={`window-u-${r.id}`} sayMissing />
                  case 'shgc':
                    return <AmountText view={r.shgc} testId={`window-shgc-${r.id}`} sayMissing />
                  case 'vt':
                    return <AmountText view={r.vt} testId={`window-vt-${r.id}`} sayMissing />
                  case 'gwp':
                    return <AmountText view={r.gwp} testId={`window-gwp-${r.id}`} sayMissing />
                  case 'cost':
                    return <AmountText view={r.cost} unit={r.cost.complete ? r.currency : undefined} testId={`window-cost-${r.id}`} sayMissing />
                  case 'origin':
                    return <span className="subtle">{ORIGIN_LABEL[r.origin] ?? r.origin}</span>
                }
                return undefined
              }}
            />
          )}
          <p className="subtle table-note">
            U per EN ISO 6946 with surface resistances by element; GWP (A1-A3) and cost per m² are computed from the layers, never typed in. “— missing” means a value in the library is blank: hover to see which, and fill it in
            to complete the figure. <button type="button" className="btn-link" onClick={() => setAboutOpen(true)}>Sources and terms of the default data</button>.
          </p>
        </section>
        {editor ? <div className="library-editor">{editor}</div> : null}
      </div>

      {aboutOpen ? (
        <Dialog labelledBy="attribution-heading" className="attribution-dialog" testId="library-attribution-dialog" onClose={() => setAboutOpen(false)}>
          <div className="panel-head">
            <h2 id="attribution-heading">Default library: sources, terms and gaps</h2>
            <button type="button" className="toast-close" onClick={() => setAboutOpen(false)} aria-label="Close">
              ×
            </button>
          </div>
          <pre className="attribution-text" tabIndex={0}>
            {library.attribution || 'No attribution text was supplied.'}
          </pre>
        </Dialog>
      ) : null}
    </div>
  )
}
