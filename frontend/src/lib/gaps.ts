// Where a missing input is entered. The Go side names what a figure lacks in words ("Electricity
// price", "GWP of xps_29 (XPS, 29 kg/m3)", "cost of window system triple_lowe"); each names one
// place in the app, so a tile or checklist that lacks a figure can link straight to it.

/** Where the user enters a missing input. */
export type GapTarget =
  | { kind: 'lca-settings' }
  | { kind: 'library'; item: 'material' | 'window'; id: string }
  | { kind: 'model-settings' }
  | { kind: 'swedish-settings' }

export interface Gap {
  /** what is missing, as the Go side said it */
  text: string
  target: GapTarget | null
  /** the link's words ("Carbon & cost settings…") */
  action: string
}

const LIBRARY_ITEM = /^(?:GWP|cost|density) of (window system )?([^\s(]+)/

/** The place where the input a missing-figure note names is entered (none for results not there yet). */
export function gapOf(missing: string): Gap {
  const text = missing.trim()
  if (/ (emission factor|price)$/.test(text)) return { text, target: { kind: 'lca-settings' }, action: 'Carbon & cost settings…' }
  const lib = LIBRARY_ITEM.exec(text)
  if (lib) {
    const item = lib[1] ? 'window' : 'material'
    return { text, target: { kind: 'library', item, id: lib[2] }, action: `Open the ${item === 'window' ? 'window system' : 'material'}…` }
  }
  if (/\bAtemp\b/.test(text)) return { text, target: { kind: 'model-settings' }, action: "Model settings…" }
  if (/weighting factor|F_geo/.test(text)) return { text, target: { kind: 'swedish-settings' }, action: 'Swedish rules…' }
  return { text, target: null, action: '' }
}

/** The gaps of an incomplete figure's "Missing: a; b" tooltip or list, once each. */
export function gapsOf(missing: readonly string[]): Gap[] {
  const seen = new Set<string>()
  const out: Gap[] = []
  for (const m of missing) {
    const t = m.replace(/^Missing:\s*/, '').trim()
    if (t && !seen.has(t)) {
      seen.add(t)
      out.push(gapOf(t))
    }
  }
  return out
}
