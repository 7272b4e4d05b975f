import type { IdfChangeKind, IdfDiff, IdfObjectChange } from '../bridge'
import { plural } from './format'

/** The objects drawn at first: a wall change on a large model touches hundreds of surfaces. */
export const FIRST_OBJECTS = 40

/** One line that counts what a variant changes, e.g. "106 objects changed (106 fields), 6 added". */
export function changeSummary(d: IdfDiff): string {
  const parts: string[] = []
  if (d.changed) parts.push(`${plural(d.changed, 'object')} changed (${plural(d.fieldsChanged, 'field')})`)
  if (d.added) parts.push(`${plural(d.added, 'object')} added`)
  if (d.removed) parts.push(`${plural(d.removed, 'object')} removed`)
  return parts.join(', ')
}

/** The kind as the wire sends it (idfdiff.Kind), checked: an unknown one reads as changed. */
export function changeKind(o: IdfObjectChange): IdfChangeKind {
  return o.kind === 'added' || o.kind === 'removed' ? o.kind : 'changed'
}

/** Where an object stands: "line 120" in the variant, or in the base model when it was removed. */
export function objectLines(o: IdfObjectChange): string {
  switch (changeKind(o)) {
    case 'added':
      return `line ${o.afterLine} of the variant`
    case 'removed':
      return `was line ${o.beforeLine}`
    default:
      return o.beforeLine === o.afterLine ? `line ${o.afterLine}` : `line ${o.beforeLine} → ${o.afterLine}`
  }
}

/** The class of a unified diff line: added, removed, a hunk or file head, or context. */
export function rawLineClass(line: string): string {
  if (line.startsWith('+++') || line.startsWith('---')) return 'raw-file'
  if (line.startsWith('@@')) return 'raw-hunk'
  if (line.startsWith('+')) return 'raw-add'
  if (line.startsWith('-')) return 'raw-del'
  return 'raw-ctx'
}
