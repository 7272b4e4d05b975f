import { useEffect, useRef, useState } from 'react'
import { getStudyMethod, onStudyMethod, type MethodView } from '../bridge'
import { errorMessage } from '../lib/format'
import { withProgress } from '../lib/method'

/**
 * A method study's view, kept live: asked for when the study is shown, then again whenever Go
 * pushes study:method for it (a generation finished, the screening done, a failure), with the
 * pushed progress shown at once. onMoved is called on each push: the table has new rows then.
 * Nothing for a sampled study (isMethod false).
 */
export function useStudyMethod(studyId: number | null, isMethod: boolean, onMoved?: () => void): { view: MethodView | null; error: string | null } {
  const [view, setView] = useState<MethodView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const moved = useRef(onMoved)
  moved.current = onMoved
  useEffect(() => {
    setView(null)
    setError(null)
    if (studyId === null || !isMethod) return
    let live = true
    let asked = 0
    const ask = () => {
      const mine = ++asked
      getStudyMethod(studyId).then(
        (v) => {
          if (live && mine === asked) {
            setView(v)
            setError(null)
          }
        },
        (e) => {
          if (live && mine === asked) setError(errorMessage(e))
        },
      )
    }
    // Subscribed before asking: a push between the answer and the subscription is not lost.
    const off = onStudyMethod((p) => {
      if (!live || p.studyId !== studyId) return
      setView((v) => (v ? withProgress(v, p) : v))
      ask()
      moved.current?.()
    })
    ask()
    return () => {
      live = false
      off()
    }
  }, [studyId, isMethod])
  return { view, error }
}
