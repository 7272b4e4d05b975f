import { afterEach, describe, expect, it, vi } from 'vitest'
import { areaIn, columnUnit, energyIn, FT2_PER_M2, KBTU_PER_KWH, loadUnitSystem, onUnitSystemChange, saveUnitSystem, toDisplay, unitLabel } from './units'

describe('unit conversion', () => {
  it('converts energy, EUI and area to IP and leaves SI alone', () => {
    expect(toDisplay('energy', 1000, 'ip')).toBeCloseTo(3412.14, 2)
    expect(toDisplay('eui', 100, 'ip')).toBeCloseTo(31.7, 1) // 100 kWh/m² = 31.7 kBtu/ft²
    expect(toDisplay('area', 100, 'ip')).toBeCloseTo(1076.39, 2)
    expect(toDisplay('energy', 1000, 'si')).toBe(1000)
    expect(toDisplay('eui', undefined, 'ip')).toBeUndefined()
  })

  it('keeps carbon, cost and years in their own units', () => {
    expect(toDisplay('carbon', 1234, 'ip')).toBe(1234)
    expect(toDisplay('cost', 99, 'ip')).toBe(99)
    expect(unitLabel('carbon', 'ip')).toBe('kg CO2e')
    expect(unitLabel('cost', 'ip', 'EUR')).toBe('EUR')
  })

  it('agrees with the definitions: kBtu/ft² = kWh/m² × 3.412 / 10.764', () => {
    expect(toDisplay('eui', 1, 'ip')).toBeCloseTo(KBTU_PER_KWH / FT2_PER_M2, 10)
    expect(KBTU_PER_KWH * 0.29307107).toBeCloseTo(1, 6) // the Go side's kBtu -> kWh factor
  })

  it('labels the table columns', () => {
    expect(columnUnit('energy', 'si')).toBe('kWh/yr')
    expect(columnUnit('deltaAbs', 'ip')).toBe('kBtu/yr')
    expect(columnUnit('eui', 'ip')).toBe('kBtu/ft²·yr')
    expect(columnUnit('operational', 'ip')).toBeUndefined()
  })

  it('scales energy to a readable magnitude in both systems', () => {
    expect(energyIn(22894, 'si')).toEqual({ value: '22.9', unit: 'MWh' })
    expect(energyIn(22894, 'ip')).toEqual({ value: '78.1', unit: 'MBtu' })
    expect(energyIn(1, 'ip')).toEqual({ value: '3.41', unit: 'kBtu' })
  })
})

describe('unit system setting', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('is stored and announced', () => {
    const store = new Map<string, string>()
    vi.stubGlobal('localStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v) })
    const target = new EventTarget()
    vi.stubGlobal('addEventListener', target.addEventListener.bind(target))
    vi.stubGlobal('removeEventListener', target.removeEventListener.bind(target))
    vi.stubGlobal('dispatchEvent', target.dispatchEvent.bind(target))
    expect(loadUnitSystem()).toBe('si')
    const seen: string[] = []
    const off = onUnitSystemChange((s) => seen.push(s))
    saveUnitSystem('ip')
    expect(loadUnitSystem()).toBe('ip')
    off()
    saveUnitSystem('si')
    expect(seen).toEqual(['ip'])
  })
})

describe('areaIn', () => {
  it('writes an area in m² or ft²', () => {
    expect(areaIn(278.70912, 'si')).toBe('278.7 m²')
    expect(areaIn(278.70912, 'ip')).toBe('3,000 ft²')
  })
})
