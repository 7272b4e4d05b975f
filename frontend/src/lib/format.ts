// Number, unit and time formatting. Fixed to en-US digits so that figures read the same on
// every machine and in tests; units are SI as the Go side delivers them (kWh, m2, hours).

// Building an Intl.NumberFormat costs far more than formatting with one: a 10,000-row table
// formats ~100,000 numbers, so each precision's formatter is made once.
const formatters = new Map<number, Intl.NumberFormat>()
const nf = (digits: number) => {
  let f = formatters.get(digits)
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    formatters.set(digits, f)
  }
  return f
}

/** Fraction digits that keep about three significant figures without noise in big numbers. */
function digitsFor(abs: number): number {
  if (abs === 0 || abs >= 100) return 0
  if (abs >= 10) return 1
  return 2
}

const MINUS = '\u2212'

function signed(text: string): string {
  return text.startsWith('-') ? MINUS + text.slice(1) : text
}

/** A plain number with sensible precision: 1,234 / 12.3 / 1.23. "–" for missing values. */
export function formatNumber(n: number | null | undefined, digits?: number): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '\u2013'
  const d = digits ?? digitsFor(Math.abs(n))
  const text = nf(d).format(n)
  // -0 and values that round to zero must not show a sign.
  return signed(/^-0(\.0*)?$/.test(text) ? text.slice(1) : text)
}

export interface Quantity {
  value: string
  unit: string
}

/** Energy in kWh, shown in kWh below 10,000 kWh, in MWh below 10,000 MWh, else in GWh. */
export function energyQuantity(kWh: number | null | undefined): Quantity {
  if (kWh === null || kWh === undefined || !Number.isFinite(kWh)) return { value: '\u2013', unit: 'kWh' }
  const abs = Math.abs(kWh)
  if (abs >= 1e7) return { value: formatNumber(kWh / 1e6), unit: 'GWh' }
  if (abs >= 1e4) return { value: formatNumber(kWh / 1e3), unit: 'MWh' }
  return { value: formatNumber(kWh), unit: 'kWh' }
}

export function formatEnergy(kWh: number | null | undefined): string {
  const q = energyQuantity(kWh)
  return `${q.value} ${q.unit}`
}

/** Always in kWh with thousands separators: the exact figure beside the rounded one. */
export function formatKWh(kWh: number | null | undefined): string {
  return `${formatNumber(kWh, 0)} kWh`
}

export function formatArea(m2: number | null | undefined): string {
  return `${formatNumber(m2, m2 !== null && m2 !== undefined && Math.abs(m2) < 1000 ? 1 : 0)} m\u00b2`
}

export function formatEUI(kWhPerM2: number | null | undefined): string {
  return `${formatNumber(kWhPerM2, 1)} kWh/m\u00b2`
}

export function formatHours(h: number | null | undefined): string {
  if (h === null || h === undefined || !Number.isFinite(h)) return '\u2013 h'
  return `${formatNumber(h, Number.isInteger(h) ? 0 : 1)} h`
}

/** Run durations: "0.4 s", "12.3 s", "4 min 05 s", "1 h 02 min". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '\u2013'
  if (seconds < 10) return `${seconds.toFixed(1)} s`
  if (seconds < 60) return `${Math.floor(seconds)} s`
  const total = Math.floor(seconds)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`
  return `${m} min ${String(s).padStart(2, '0')} s`
}

/** Whole percent, rounded down so that 99.7 never reads as done; clamped to 0..100. */
export function formatPercent(p: number | null | undefined): string {
  return `${clampPercent(p)}%`
}

export function clampPercent(p: number | null | undefined): number {
  if (p === null || p === undefined || !Number.isFinite(p)) return 0
  return Math.min(100, Math.max(0, Math.floor(p)))
}

/** "39.74° N, 105.18° W" */
export function formatLatLon(lat: number | null | undefined, lon: number | null | undefined): string {
  if (lat === null || lat === undefined || lon === null || lon === undefined || !Number.isFinite(lat) || !Number.isFinite(lon)) {
    return '\u2013'
  }
  const ns = lat >= 0 ? 'N' : 'S'
  const ew = lon >= 0 ? 'E' : 'W'
  return `${Math.abs(lat).toFixed(2)}\u00b0 ${ns}, ${Math.abs(lon).toFixed(2)}\u00b0 ${ew}`
}

/** EPW time zones are hours from UTC, possibly fractional: -7 -> "UTC−7", 5.5 -> "UTC+5:30". */
export function formatTimeZone(hours: number | null | undefined): string {
  if (hours === null || hours === undefined || !Number.isFinite(hours)) return '\u2013'
  if (hours === 0) return 'UTC'
  const sign = hours < 0 ? MINUS : '+'
  const abs = Math.abs(hours)
  let h = Math.floor(abs)
  let m = Math.round((abs - h) * 60)
  if (m === 60) {
    h += 1
    m = 0
  }
  return `UTC${sign}${h}${m ? ':' + String(m).padStart(2, '0') : ''}`
}

export function formatElevation(m: number | null | undefined): string {
  return `${formatNumber(m, 0)} m`
}

export function formatTemperature(c: number | null | undefined): string {
  return `${formatNumber(c, 1)} \u00b0C`
}

export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n) || n < 0) return '\u2013'
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${formatNumber(n / 1024, 0)} KB`
  return `${formatNumber(n / (1024 * 1024), 1)} MB`
}

/**
 * Parses the Go side's RFC 3339 timestamps. Go writes up to nine fraction digits, which
 * Date.parse does not promise to read: keep milliseconds only.
 */
export function parseTime(s: string | null | undefined): number | null {
  if (!s) return null
  const trimmed = s.replace(/(\.\d{3})\d+/, '$1')
  const t = Date.parse(trimmed)
  return Number.isNaN(t) ? null : t
}

/** Local date and time for display, "2025-11-25 22:52". */
export function formatDateTime(s: string | null | undefined): string {
  const t = parseTime(s)
  if (t === null) return '\u2013'
  const d = new Date(t)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

/** The last path element, for both / and \ separators. */
export function basename(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean)
  return parts.length ? parts[parts.length - 1] : path
}

/** "1 model", "2 models" */
export function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

export function monthName(m: number): string {
  return MONTHS[m - 1] ?? '?'
}

/** "Jan 1", "Dec 31"; with a year "Jan 1, 2013". */
export function formatMonthDay(month: number, day: number, year?: number): string {
  return `${monthName(month)} ${day}${year ? ', ' + year : ''}`
}

/** Renders an unknown thrown value (Wails rejects with the Go error's text) as a message. */
export function errorMessage(e: unknown): string {
  if (typeof e === 'string') return e
  if (e instanceof Error) return e.message
  if (e && typeof e === 'object' && 'message' in e && typeof (e as { message: unknown }).message === 'string') {
    return (e as { message: string }).message
  }
  return String(e)
}

/** Text safe inside an ECharts tooltip, which is HTML: a factor named "<b>" shows as typed. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
}
