import { describe, expect, it } from 'vitest'
import type { EngineStatus } from '../bridge/types'
import { majorMinor, shortVersionChipText, versionCheck, versionIssues } from './version'
import { model } from './testdata'

const e25 = { path: '/opt/E25/energyplus', version: '25.2.0', build: 'cf7', source: 'PATH' }
const e23 = { path: '/opt/E23/energyplus', version: '23.2.0', build: '7636', source: 'install folder' }
const status = (engines = [e25]): EngineStatus => ({ engine: e25, engines, candidates: [], help: '' })
const m = (id: number, version: string, name = `m${id}.idf`) => model({ id, name, summary: { ...model().summary, version } })

describe('majorMinor', () => {
  it.each([
    ['25.2.0', '25.2'],
    [' 9.4 ', '9.4'],
    ['9.4.0.002', '9.4'],
    ['9', '9'],
    ['', ''],
  ])('%s', (v, want) => expect(majorMinor(v)).toBe(want))
})

describe('versionCheck (mirrors app.engineFor)', () => {
  it.each([
    ['same major.minor', '25.2', 'same', e25.path],
    ['same with patch', '25.2.1', 'same', e25.path],
    ['older, no engine for it', '9.4', 'mismatch', e25.path],
    ['newer, no engine for it', '26.1', 'mismatch', e25.path],
  ])('%s', (_, version, match, path) => {
    const c = versionCheck(m(1, version), status())!
    expect(c.match).toBe(match)
    expect(c.engine.path).toBe(path)
    expect(c.message === '').toBe(match === 'same')
  })

  it('says what happens when no engine matches, like the Go warning', () => {
    const c = versionCheck(m(1, '9.4', 'office.idf'), status())!
    expect(c.message).toBe(
      'office.idf is written for EnergyPlus 9.4 but runs on 25.2.0: no matching engine is installed. EnergyPlus warns about the version, and inputs that changed since 9.4 fail validation (transition the model first).',
    )
  })

  it('picks another installed engine that matches', () => {
    const c = versionCheck(m(1, '23.2'), status([e25, e23]))!
    expect(c.match).toBe('other-engine')
    expect(c.engine.path).toBe(e23.path)
  })

  it('has nothing to say without an engine or a version', () => {
    expect(versionCheck(m(1, '9.4'), { engine: null, engines: [], candidates: [], help: '' })).toBeNull()
    expect(versionCheck(m(1, '9.4'), null)).toBeNull()
    expect(versionCheck(m(1, ''), status())).toBeNull()
  })

  it('splits the chosen models', () => {
    const v = versionIssues([m(1, '25.2'), m(2, '9.4'), m(3, '23.2'), m(4, '8.9')], status([e25, e23]))
    expect(v.mismatches.map((c) => c.modelId)).toEqual([2, 4])
    expect(v.otherEngines.map((c) => c.modelId)).toEqual([3])
  })
})

describe('shortVersionChipText', () => {
  it('names both versions in a few characters, a missing one as ?', () => {
    expect(shortVersionChipText('9.4.0', '25.2.0')).toBe('9.4 ≠ 25.2')
    expect(shortVersionChipText('', '25.2.0')).toBe('? ≠ 25.2')
  })
})
