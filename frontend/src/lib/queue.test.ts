import { describe, expect, it } from 'vitest'
import { PAUSED_TEXT, pausedDetail, queueStateText } from './queue'
import { queue } from './testdata'

describe('queueStateText', () => {
  it.each([
    ['paused', queue({ paused: true, running: [1], queued: [2] }), 'Paused: running runs finish, no new ones start'],
    ['busy', queue({ workers: 8, running: [1, 2, 3], queued: [4, 5] }), 'Running: 3 of 8 workers busy, 2 queued'],
    ['busy, nothing waiting', queue({ workers: 1, running: [1] }), 'Running: 1 of 1 worker busy'],
    ['starting', queue({ workers: 2, queued: [4] }), 'Starting: 1 queued'],
    ['idle', queue({ workers: 8 }), 'Idle: 8 workers ready'],
    ['no state yet', null, 'Connecting to the queue\u2026'],
  ])('%s', (_, q, want) => expect(queueStateText(q)).toBe(want))

  it('counts what the caller shows (runs already ended left out)', () => {
    expect(queueStateText(queue({ workers: 4, running: [1, 2] }), 1, 0)).toBe('Running: 1 of 4 workers busy')
  })

  it('says what pausing does', () => {
    expect(PAUSED_TEXT).toMatch(/running runs finish/)
    expect(pausedDetail(2, 5)).toBe('2 still running, 5 waiting')
    expect(pausedDetail(0, 3)).toBe('3 waiting')
    expect(pausedDetail(0, 0)).toBe('')
  })
})
