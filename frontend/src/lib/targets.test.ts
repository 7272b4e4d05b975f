import { describe, expect, it } from 'vitest'
import type { ComputeTarget } from '../bridge'
import { blankTargetFields, checkSummary, fieldsOf, pendingSteps, readTargetFields, targetLabel, withStep } from './targets'

const target = (over: Partial<ComputeTarget>): ComputeTarget => ({
  name: 'tetralith',
  url: 'slurm+ssh://tetralith/proj/me?partition=main',
  where: 'tetralith, partition main',
  form: { ...blankTargetFields, port: 0, cpus: 1, maxParallel: 0 },
  checkedAt: '',
  check: [],
  checkOk: false,
  checking: false,
  ...over,
})

describe('readTargetFields', () => {
  it('takes empty numbers as the defaults', () => {
    const r = readTargetFields({ ...blankTargetFields, host: 'h', workDir: '/w' })
    expect(r).toEqual({ ok: true, form: { ...blankTargetFields, host: 'h', workDir: '/w', port: 0, cpus: 1, maxParallel: 0 } })
  })
  it.each([
    ['port', '22x', 'Port must be a whole number from 1 to 65535, or empty'],
    ['port', '70000', 'Port must be a whole number from 1 to 65535, or empty'],
    ['cpus', '1.5', 'CPUs per run must be a whole number from 1 to 1024, or empty'],
    ['maxParallel', '0', 'Runs at a time must be a whole number from 1 to 1000000, or empty'],
  ] as const)('refuses %s = %s', (field, value, error) => {
    expect(readTargetFields({ ...blankTargetFields, [field]: value })).toEqual({ ok: false, field, error })
  })
  it('round-trips a saved form', () => {
    const form = { ...blankTargetFields, host: 'h', port: 2222, cpus: 4, maxParallel: 50, time: '30', keep: 'all' }
    const r = readTargetFields(fieldsOf(form))
    expect(r).toEqual({ ok: true, form })
  })
})

describe('checkSummary', () => {
  const now = Date.parse('2026-12-05T12:00:00Z')
  it.each([
    [{}, 'never', 'not checked yet'],
    [{ checking: true }, 'running', 'checking…'],
    [{ checkedAt: '2026-12-05T11:58:00Z', checkOk: true }, 'ok', 'checked 2 min ago'],
    [
      { checkedAt: '2026-12-05T09:00:00Z', check: [{ ...pendingSteps[0], state: 'ok' }, { ...pendingSteps[1], state: 'failed' }] },
      'failed',
      'Slurm answers (sbatch --version, the partition): failed 3 h ago',
    ],
  ] as const)('%o', (over, tone, text) => {
    expect(checkSummary(target(over as Partial<ComputeTarget>), now)).toEqual({ tone, text })
  })
})

describe('withStep and targetLabel', () => {
  it('puts a step in its place', () => {
    const steps = withStep(pendingSteps, { ...pendingSteps[2], state: 'running' })
    expect(steps.map((s) => s.state)).toEqual(['skipped', 'skipped', 'running', 'skipped'])
    expect(pendingSteps[2].state).toBe('skipped')
  })
  it('marks a target by its last check', () => {
    expect(targetLabel(target({ checkedAt: 'x', checkOk: true }))).toBe('tetralith ✓')
    expect(targetLabel(target({ checkedAt: 'x', checkOk: false }))).toBe('tetralith ⚠')
    expect(targetLabel(target({}))).toBe('tetralith')
  })
})
