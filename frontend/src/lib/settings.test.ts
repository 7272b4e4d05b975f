import { describe, expect, it } from 'vitest'
import { checkSettingsForm, describeSettings, readSettingsForm, settingsToForm, validateSettings } from './settings'

const form = (workers: string, timeoutMinutes = '0', stallSeconds = '600') => ({ workers, timeoutMinutes, stallSeconds })

describe('validateSettings (the rules of app.SaveSettings)', () => {
  it.each([
    [{ workers: 0, timeoutMinutes: 0, stallSeconds: 0 }, null],
    [{ workers: 1, timeoutMinutes: 0, stallSeconds: 5 }, null],
    [{ workers: 256, timeoutMinutes: 120, stallSeconds: 600 }, null],
    [{ workers: 257, timeoutMinutes: 0, stallSeconds: 0 }, ['workers', 'workers must be between 1 and 256 (0 = one per core), not 257']],
    [{ workers: -1, timeoutMinutes: 0, stallSeconds: 0 }, ['workers', 'workers must be between 1 and 256 (0 = one per core), not -1']],
    [{ workers: 2, timeoutMinutes: -5, stallSeconds: 0 }, ['timeoutMinutes', 'time limits cannot be negative (0 means no limit)']],
    [{ workers: 2, timeoutMinutes: 0, stallSeconds: -1 }, ['stallSeconds', 'time limits cannot be negative (0 means no limit)']],
    [{ workers: 2, timeoutMinutes: 0, stallSeconds: 2 }, ['stallSeconds', 'a stall limit of 2 s would kill healthy runs: use at least 5 s, or 0 for none']],
    [{ workers: 2, timeoutMinutes: 0, stallSeconds: 4.5 }, ['stallSeconds', 'a stall limit of 4.5 s would kill healthy runs: use at least 5 s, or 0 for none']],
  ])('%o', (s, want) => {
    const got = validateSettings(s)
    if (want === null) expect(got).toBeNull()
    else expect([got?.field, got?.error]).toEqual(want)
  })
})

describe('reading the form', () => {
  it.each([
    [form('8', '90', '600'), { workers: 8, timeoutMinutes: 90, stallSeconds: 600 }],
    [form('', '', ''), { workers: 0, timeoutMinutes: 0, stallSeconds: 0 }],
    [form(' 4 ', '1.5', '30'), { workers: 4, timeoutMinutes: 1.5, stallSeconds: 30 }],
    [form('4', '1,5', '30'), { workers: 4, timeoutMinutes: 1.5, stallSeconds: 30 }],
  ])('%o', (f, want) => {
    const r = readSettingsForm(f)
    expect(r).toEqual({ ok: true, settings: want })
  })

  it.each([
    [form('abc'), 'workers', /“abc” is not a number/],
    [form('2.5'), 'workers', /whole number/],
    [form('4', '1h'), 'timeoutMinutes', /Time limit per run: “1h” is not a number/],
    [form('4', '0', '10s'), 'stallSeconds', /Stall limit/],
  ])('refuses %o before Go sees it', (f, field, msg) => {
    const r = readSettingsForm(f)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.field).toBe(field)
      expect(r.error).toMatch(msg)
    }
  })

  it('leaves the range rules to Go on Save, but marks them while typing', () => {
    expect(readSettingsForm(form('300')).ok).toBe(true)
    const c = checkSettingsForm(form('300'))
    expect(c.ok).toBe(false)
    if (!c.ok) expect(c.field).toBe('workers')
    expect(checkSettingsForm(form('4', '0', '3')).ok).toBe(false)
    expect(checkSettingsForm(form('4', '0', '5')).ok).toBe(true)
  })

  it('fills the form from stored settings and back', () => {
    const s = { workers: 8, timeoutMinutes: 0, stallSeconds: 600 }
    expect(settingsToForm(s)).toEqual({ workers: '8', timeoutMinutes: '0', stallSeconds: '600' })
    expect(readSettingsForm(settingsToForm(s))).toEqual({ ok: true, settings: s })
    expect(settingsToForm(null)).toEqual({ workers: '', timeoutMinutes: '', stallSeconds: '' })
  })

  it('describes settings in words', () => {
    expect(describeSettings({ workers: 0, timeoutMinutes: 0, stallSeconds: 0 })).toEqual({
      workers: 'one per core',
      timeoutMinutes: 'no time limit',
      stallSeconds: 'silent runs are never stopped',
    })
    expect(describeSettings({ workers: 6, timeoutMinutes: 90, stallSeconds: 600 }).stallSeconds).toBe('runs silent for 600 s are stopped as hung')
  })
})
