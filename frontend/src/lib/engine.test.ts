import { describe, expect, it } from 'vitest'
import type { Engine, EngineStatus } from '../bridge/types'
import { wire } from './testdata'
import {
  checkEnginePath,
  cleanPath,
  engineErrorMessage,
  engineInUse,
  engineNotice,
  engineTitle,
  failedCandidates,
  hasEngineSetting,
  isAbsolutePath,
  otherEngines,
  sourceLabel,
} from './engine'

const venv: Engine = { path: '/work/.venv/bin/energyplus', version: '25.2.0', build: 'cf7368216c', source: 'project virtualenv' }
const onPath: Engine = { path: '/usr/local/bin/energyplus', version: '24.1.0', build: '9d7789a3ac', source: 'PATH' }
const install: Engine = { path: '/usr/local/EnergyPlus-23-2-0/energyplus', version: '23.2.0', build: '7636e6b3e9', source: 'install folder' }

function status(s: Partial<EngineStatus> = {}): EngineStatus {
  return { engine: null, engines: [], candidates: [], help: '', ...s }
}

// What the Go side reports when ENERGYPLUS_EXE points at a missing file and two engines work.
const found = status({
  engine: onPath,
  engines: [onPath, install, venv],
  candidates: [
    { path: '/nope/energyplus', source: 'ENERGYPLUS_EXE', error: 'fork/exec /nope/energyplus: no such file or directory' },
    { path: '/usr/local/bin/energyplus', source: 'PATH' },
    { path: '/usr/local/EnergyPlus-23-2-0/energyplus', source: 'install folder' },
    { path: '/work/.venv/bin/energyplus', source: 'project virtualenv' },
  ],
})

const none = status({
  help: 'no EnergyPlus engine found: install EnergyPlus from energyplus.net',
  engines: wire(null),
  candidates: [
    { path: '/nope/energyplus', source: 'ENERGYPLUS_EXE', error: 'no such file or directory' },
    { path: '/opt/bad/energyplus', source: 'install folder', error: 'energyplus --version: exit status 1' },
  ],
})

describe('sourceLabel', () => {
  it.each([
    ['app settings', 'chosen in EPSM'],
    ['ENERGYPLUS_EXE', 'ENERGYPLUS_EXE environment variable'],
    ['PATH', 'found on the PATH'],
    ['install folder', 'standard install folder'],
    ['project virtualenv', 'project virtualenv'],
  ])('describes %s as %s', (source, label) => {
    expect(sourceLabel(source)).toBe(label)
  })

  it('shows a source it does not know as it is, and says when there is none', () => {
    expect(sourceLabel('registry')).toBe('registry')
    expect(sourceLabel('')).toBe('unknown source')
    expect(sourceLabel(undefined)).toBe('unknown source')
  })
})

describe('engineTitle', () => {
  it('names version and build', () => {
    expect(engineTitle(venv)).toBe('EnergyPlus 25.2.0 (cf7368216c)')
    expect(engineTitle({ version: '9.6.0', build: '' })).toBe('EnergyPlus 9.6.0')
  })
})

describe('otherEngines', () => {
  it('lists the working engines except the one in use, in discovery order', () => {
    expect(otherEngines(found).map((e) => e.path)).toEqual([install.path, venv.path])
  })

  it('lists the engine in use once even when it is not the first one found', () => {
    const s = status({ engine: { ...venv, source: 'app settings' }, engines: [{ ...venv, source: 'app settings' }, onPath] })
    expect(otherEngines(s)).toEqual([onPath])
  })

  it('has nothing to list without engines or without a status', () => {
    expect(otherEngines(none)).toEqual([])
    expect(otherEngines(null)).toEqual([])
    expect(otherEngines(status({ engine: onPath, engines: [onPath] }))).toEqual([])
  })
})

describe('failedCandidates', () => {
  it('keeps the places that failed, with their error', () => {
    expect(failedCandidates(found)).toEqual([{ path: '/nope/energyplus', source: 'ENERGYPLUS_EXE', error: 'fork/exec /nope/energyplus: no such file or directory' }])
    expect(failedCandidates(none).map((c) => c.error)).toEqual(['no such file or directory', 'energyplus --version: exit status 1'])
  })

  it('leaves out places without an error (engines listed already, or the same file found twice)', () => {
    const s = status({ candidates: [{ path: '/a/energyplus', source: 'app settings' }, { path: '/a/energyplus', source: 'PATH', error: '' }] })
    expect(failedCandidates(s)).toEqual([])
    expect(failedCandidates(status({ candidates: wire(null) }))).toEqual([])
    expect(failedCandidates(undefined)).toEqual([])
  })
})

describe('engineInUse and hasEngineSetting', () => {
  it('offers automatic discovery when the engine in use was chosen in EPSM', () => {
    const chosen = { ...install, source: 'app settings' }
    const s = status({ engine: chosen, engines: [chosen, onPath], candidates: [{ path: install.path, source: 'app settings' }] })
    expect(engineInUse(s)).toBe(chosen)
    expect(hasEngineSetting(s)).toBe(true)
  })

  it('offers it too when the chosen executable stopped working and discovery fell back', () => {
    const s = status({ engine: onPath, engines: [onPath], candidates: [{ path: '/gone/energyplus', source: 'app settings', error: 'no such file' }, { path: onPath.path, source: 'PATH' }] })
    expect(hasEngineSetting(s)).toBe(true)
  })

  it('does not offer it when discovery is automatic already', () => {
    expect(hasEngineSetting(found)).toBe(false)
    expect(hasEngineSetting(none)).toBe(false)
    expect(hasEngineSetting(null)).toBe(false)
    expect(engineInUse(none)).toBeNull()
  })
})

describe('checkEnginePath', () => {
  it.each([
    ['/usr/local/EnergyPlus-25-2-0/energyplus'],
    ['/Applications/EnergyPlus-25-2-0/energyplus'],
    ['C:\\EnergyPlusV25-2-0\\energyplus.exe'],
    ['c:/EnergyPlusV25-2-0/energyplus.exe'],
    ['\\\\server\\share\\EnergyPlus\\energyplus.exe'],
  ])('accepts the absolute path %s', (p) => {
    expect(checkEnginePath(p)).toEqual({ ok: true, path: p })
  })

  it('trims blanks and the quotes of a pasted path', () => {
    expect(checkEnginePath('  /opt/e/energyplus \n')).toEqual({ ok: true, path: '/opt/e/energyplus' })
    expect(checkEnginePath('"C:\\Program Files\\EnergyPlusV25-2-0\\energyplus.exe"')).toEqual({ ok: true, path: 'C:\\Program Files\\EnergyPlusV25-2-0\\energyplus.exe' })
    expect(checkEnginePath("'/opt/with space/energyplus'")).toEqual({ ok: true, path: '/opt/with space/energyplus' })
  })

  it.each([[''], ['   '], ['""']])('rejects the empty input %j without calling Go', (p) => {
    const r = checkEnginePath(p)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatch(/full path/)
  })

  it.each([
    ['energyplus'],
    ['./energyplus'],
    ['bin/energyplus'],
    ['C:energyplus.exe'],
    ['EnergyPlusV25-2-0\\energyplus.exe'],
  ])('rejects the relative path %s and names it', (p) => {
    const r = checkEnginePath(p)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error).toContain(p)
      expect(r.error).toMatch(/not an absolute path/)
    }
  })

  it('explains that ~ is not expanded', () => {
    const r = checkEnginePath('~/EnergyPlus/energyplus')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatch(/^~\/EnergyPlus\/energyplus starts with ~/)
  })
})

describe('cleanPath and isAbsolutePath', () => {
  it('leaves a lone or unmatched quote alone', () => {
    expect(cleanPath('"')).toBe('"')
    expect(cleanPath('"/opt/e')).toBe('"/opt/e')
  })

  it('does not take a drive letter without a separator for absolute', () => {
    expect(isAbsolutePath('D:')).toBe(false)
    expect(isAbsolutePath('D:\\')).toBe(true)
    expect(isAbsolutePath('\\\\server')).toBe(false)
  })
})

describe('engineErrorMessage', () => {
  it('keeps a Go error that names the path as it is', () => {
    const msg = '/tmp/x is not a working EnergyPlus: exit status 1'
    expect(engineErrorMessage(msg, '/tmp/x')).toBe(msg)
    expect(engineErrorMessage(new Error(msg))).toBe(msg)
  })

  it('names the path when the error does not', () => {
    expect(engineErrorMessage('permission denied', '/opt/e/energyplus')).toBe('/opt/e/energyplus: permission denied')
    expect(engineErrorMessage('file dialogs are not available')).toBe('file dialogs are not available')
    expect(engineErrorMessage('', '/x')).toBe('/x: Unknown error')
  })
})

describe('engineNotice', () => {
  it('reports a newly found engine', () => {
    const n = engineNotice(none, found)
    expect(n).toMatchObject({ kind: 'success', changed: true })
    expect(n.message).toBe('Now using EnergyPlus 24.1.0 (9d7789a3ac): /usr/local/bin/energyplus (found on the PATH).')
  })

  it('reports a switch to another engine or source', () => {
    const chosen = { ...install, source: 'app settings' }
    expect(engineNotice(found, status({ engine: chosen, engines: [chosen] }))).toMatchObject({ kind: 'success', changed: true })
    const sameFile = { ...onPath, source: 'app settings' }
    expect(engineNotice(found, status({ engine: sameFile, engines: [sameFile] })).changed).toBe(true)
  })

  it('says when nothing changed, with the other engines found', () => {
    const n = engineNotice(found, found)
    expect(n).toMatchObject({ kind: 'info', changed: false })
    expect(n.message).toMatch(/^Still using EnergyPlus 24\.1\.0/)
    expect(n.message).toMatch(/2 other working engines found\.$/)
  })

  it('says when the search found nothing, and whether an engine was lost', () => {
    expect(engineNotice(none, none)).toEqual({ kind: 'error', changed: false, message: 'No working EnergyPlus found (2 places looked at).' })
    expect(engineNotice(found, none).changed).toBe(true)
    expect(engineNotice(null, status({ candidates: [{ path: '/a', source: 'PATH', error: 'x' }] })).message).toBe('No working EnergyPlus found (1 place looked at).')
  })
})
