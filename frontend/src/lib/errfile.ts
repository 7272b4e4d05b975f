// Classifies the lines of an eplusout.err so the viewer can colour them.
//
//    ** Warning ** ...        a warning
//    ** Severe  ** ...        a severe error
//    **  Fatal  ** ...        the fatal error that stopped EnergyPlus
//    **   ~~~   ** ...        continuation of the message above
//    ...Summary of Errors...  details under a fatal message
//    ************* ...        EnergyPlus's own progress and summary lines

export type ErrKind = 'fatal' | 'severe' | 'warning' | 'info' | 'other'

export interface ErrLine {
  /** 1-based line number in the file */
  n: number
  text: string
  kind: ErrKind
  /** true for the lines that continue the message above (shown in its colour, lighter) */
  continuation: boolean
}

const HEADS: Array<[RegExp, ErrKind]> = [
  [/^\s*\*\*\s+Fatal\s+\*\*/i, 'fatal'],
  [/^\s*\*\*\s+Severe\s+\*\*/i, 'severe'],
  [/^\s*\*\*\s+Warning\s+\*\*/i, 'warning'],
]
const CONTINUATION = /^\s*\*\*\s+~~~\s+\*\*/
const DETAIL = /^\s*\.{3,}/
const INFO = /^\s*\*{5,}/

export function classifyErrLine(text: string): { kind: ErrKind; continuation: boolean } | null {
  for (const [re, kind] of HEADS) if (re.test(text)) return { kind, continuation: false }
  if (CONTINUATION.test(text) || DETAIL.test(text)) return null // takes the kind of the message above
  if (INFO.test(text)) return { kind: 'info', continuation: false }
  return { kind: 'other', continuation: false }
}

export function classifyErrText(text: string): ErrLine[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  if (lines.length && lines[lines.length - 1] === '') lines.pop()
  let current: ErrKind = 'other'
  return lines.map((line, i) => {
    const c = classifyErrLine(line)
    if (c === null) return { n: i + 1, text: line, kind: current, continuation: current !== 'other' }
    current = c.kind === 'info' ? 'other' : c.kind
    return { n: i + 1, text: line, kind: c.kind, continuation: false }
  })
}

export interface ErrCounts {
  fatal: number
  severe: number
  warning: number
}

/** Counts messages (not their continuation lines). */
export function countErrMessages(lines: ErrLine[]): ErrCounts {
  const counts: ErrCounts = { fatal: 0, severe: 0, warning: 0 }
  for (const l of lines) {
    if (!l.continuation && (l.kind === 'fatal' || l.kind === 'severe' || l.kind === 'warning')) counts[l.kind]++
  }
  return counts
}

export type ErrFilter = 'all' | 'problems' | 'warnings'

/**
 * Lines a filter keeps: "problems" keeps fatal and severe messages with their continuation
 * lines, "warnings" keeps warnings with theirs.
 */
export function filterErrLines(lines: ErrLine[], filter: ErrFilter): ErrLine[] {
  switch (filter) {
    case 'problems':
      return lines.filter((l) => l.kind === 'fatal' || l.kind === 'severe')
    case 'warnings':
      return lines.filter((l) => l.kind === 'warning')
    default:
      return lines
  }
}
