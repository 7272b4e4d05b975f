import { describe, expect, it } from 'vitest'
import { assignLanes, buildLanes, laneRunLabel } from './lanes'
import { fromOverview } from './runs'
import { progress, queue, run, wire } from './testdata'

const runs = fromOverview([
  run({ id: 1, status: 'succeeded' }),
  run({ id: 2, status: 'running', progress: progress({ percent: 40 }), modelName: 'office.idf', weatherName: 'Chicago.epw' }),
  run({ id: 3, status: 'running', progress: progress({ percent: 10 }) }),
  run({ id: 4, status: 'queued', modelName: 'school.idf', weatherName: 'Golden.epw' }),
  run({ id: 5, status: 'queued' }),
  run({ id: 6, status: 'queued' }),
])

describe('assignLanes', () => {
  it('fills the lowest lanes in id order', () => {
    expect([...assignLanes(4, [9, 3], new Map())]).toEqual([
      [3, 0],
      [9, 1],
    ])
  })

  it('keeps a run on its lane while others come and go', () => {
    let a = assignLanes(3, [3, 9], new Map())
    a = assignLanes(3, [9, 12], a) // 3 ended, 12 started
    expect(a.get(9)).toBe(1)
    expect(a.get(12)).toBe(0)
    a = assignLanes(3, [9, 12, 15], a)
    expect([a.get(12), a.get(9), a.get(15)]).toEqual([0, 1, 2])
  })

  it('moves a run whose lane is gone after the worker count was lowered', () => {
    const a = assignLanes(1, [7], new Map([[7, 5]]))
    expect(a.get(7)).toBe(0)
  })

  it('ignores duplicate ids', () => {
    expect(assignLanes(2, [4, 4], new Map()).size).toBe(1)
  })
})

describe('buildLanes', () => {
  it('gives one lane per worker, busy with the running runs and idle otherwise', () => {
    const l = buildLanes(queue({ workers: 4, running: [3, 2], queued: [4, 5, 6] }), runs)
    expect(l.workers).toBe(4)
    expect(l.lanes.map((x) => [x.number, x.runId])).toEqual([
      [1, 2],
      [2, 3],
      [3, null],
      [4, null],
    ])
    expect(l.lanes[0].run?.progress.percent).toBe(40)
    expect(l.next.map((n) => n.runId)).toEqual([4, 5, 6])
  })

  it('follows the scheduler, not the run statuses: a queued run on a worker is shown running', () => {
    const l = buildLanes(queue({ workers: 2, running: [4], queued: [5, 6] }), runs)
    expect(l.lanes[0].runId).toBe(4)
    expect(l.next.map((n) => n.runId)).toEqual([5, 6])
  })

  it('keeps the start order of the queue (move to front)', () => {
    expect(buildLanes(queue({ queued: [6, 4, 5] }), runs).next.map((n) => n.runId)).toEqual([6, 4, 5])
  })

  it('leaves out runs the list already shows as ended (the snapshot is older than the event)', () => {
    const l = buildLanes(queue({ workers: 2, running: [1, 2], queued: [1, 4] }), runs)
    expect(l.lanes.map((x) => x.runId)).toEqual([2, null])
    expect(l.next.map((n) => n.runId)).toEqual([4])
  })

  it('shows runs the list does not have yet by id', () => {
    const l = buildLanes(queue({ workers: 1, running: [42] }), runs)
    expect(l.lanes[0]).toMatchObject({ runId: 42, run: null })
    expect(laneRunLabel(42, null)).toBe('#42')
  })

  it('adds extra lanes while more runs run than workers (after lowering the count)', () => {
    const l = buildLanes(queue({ workers: 1, running: [2, 3] }), runs)
    expect(l.lanes.map((x) => [x.number, x.runId, x.extra])).toEqual([
      [1, 2, false],
      [2, 3, true],
    ])
  })

  it('keeps lanes stable across updates', () => {
    const first = buildLanes(queue({ workers: 3, running: [2, 3] }), runs)
    const second = buildLanes(queue({ workers: 3, running: [3, 4] }), runs, first.assignment)
    expect(second.lanes.map((x) => x.runId)).toEqual([4, 3, null])
  })

  it('has no lanes before the first queue state, and copes with null lists', () => {
    expect(buildLanes(null, runs).lanes).toEqual([])
    const l = buildLanes(wire({ workers: 2, paused: true, pauseReason: '', queued: null, running: null }), runs)
    expect(l.lanes.map((x) => x.runId)).toEqual([null, null])
    expect(l.paused).toBe(true)
    expect(l.next).toEqual([])
  })

  it('labels a run by model and weather', () => {
    expect(laneRunLabel(2, runs.find((r) => r.id === 2)!)).toBe('#2 office.idf \u00d7 Chicago.epw')
  })
})
