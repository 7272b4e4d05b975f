package studysvc

import (
	"encoding/json"
	"fmt"

	"epsm/sim"
	"epsm/store"
	"epsm/study"
)

// Resumed says how much of a continued study was already done when it was taken up again.
type Resumed struct {
	Finished int // runs with an outcome kept (succeeded or failed)
	Requeued int // runs queued again: left unfinished by the session that stopped, or cancelled
	// Following are runs still out on a cluster, followed again where they run (as `epsm
	// attach` does) instead of being queued again: a study sent to a cluster continues there.
	Following int
	Total     int
}

// CreateOrResume is CreateOn, except that a study this spec made before and that has not
// ended is continued instead of made again: `epsm study SPEC.json` stopped with Ctrl-C and
// typed again goes on where it stopped. The same spec is the same saved spec: the same base
// model and weather files (by content), options, measures, sampling and method. Its runs left
// queued, running or cancelled are queued again, and a method stopped on them is set running;
// runs that ended, failed ones included, keep their outcome. A study whose runs went to a
// cluster continues there when the command names a target again: its batches still out are
// followed again (as `epsm attach` does), nothing is submitted twice, and a stopped method's
// next generations go to the target it was made with. A study made here is not continued on a
// cluster, nor the reverse: the command makes a new one. resumed is nil when a new study was
// made.
func (s *Studies) CreateOrResume(spec study.Spec, target string) (StudyInfo, *Resumed, error) {
	in, err := s.prepare(spec, target)
	if err != nil {
		return StudyInfo{}, nil, err
	}
	st, variants, ok, onCluster, err := s.unfinished(in)
	if err != nil {
		return StudyInfo{}, nil, err
	}
	if !ok || onCluster != (target != "") {
		info, err := s.createFrom(in, nil)
		return info, nil, err
	}
	ids := studyRunIDs(variants, nil)
	var requeued []store.Run
	following := 0
	if onCluster {
		out, err := s.queue.Attach()
		if err != nil {
			return StudyInfo{}, nil, fmt.Errorf("study %q: follow its runs on the cluster again: %w", st.Name, err)
		}
		for _, id := range ids {
			if out[id] {
				following++
			}
		}
	} else if requeued, err = s.queue.Requeue(ids); err != nil {
		return StudyInfo{}, nil, fmt.Errorf("study %q: %w", st.Name, err)
	}
	if st.MethodJSON != "" {
		var state methodState
		if err := json.Unmarshal([]byte(st.MethodJSON), &state); err != nil {
			return StudyInfo{}, nil, fmt.Errorf("study %q: its method state: %w", st.Name, err)
		}
		if state.Status == MethodStopped {
			state.Status, state.Message = MethodRunning, ""
			if err := s.saveMethod(st, state, len(variants)); err != nil {
				return StudyInfo{}, nil, err
			}
		}
		if st, _, err = s.store.Study(st.ID); err != nil {
			return StudyInfo{}, nil, err
		}
	}
	// The study's runs as they are now, in one read whatever its size.
	byID, _, err := s.store.StudyRuns(st.ID)
	if err != nil {
		return StudyInfo{}, nil, err
	}
	runs := make([]store.Run, 0, len(ids))
	for _, id := range ids {
		runs = append(runs, byID[id])
	}
	count := 0
	for _, v := range variants {
		if !v.Baseline {
			count++
		}
	}
	done := &Resumed{Requeued: len(requeued), Following: following, Total: len(ids)}
	done.Finished = done.Total - done.Requeued - done.Following
	return StudyInfo{Study: st, Spec: spec, Variants: count, Runs: runs, Weather: in.weathers}, done, nil
}

// unfinished finds the newest study made from the same saved spec that has not ended: a run
// without an outcome (queued, running or cancelled), or a method still running or stopped.
// onCluster says whether its runs went to a cluster.
func (s *Studies) unfinished(in *studyInputs) (st store.Study, variants []store.StudyVariant, open, onCluster bool, err error) {
	saved := savedSpec(in)
	all, err := s.store.Studies()
	if err != nil {
		return store.Study{}, nil, false, false, err
	}
	var newest *store.Study
	for i := range all {
		st := all[i]
		if st.SpecJSON != saved || st.BaseModelID != in.base.ID {
			continue
		}
		if newest == nil || st.ID > newest.ID {
			newest = &all[i]
		}
	}
	// Only the newest: an older copy of the same study left unfinished was set aside by making
	// a newer one (`--new`), and taking it up again would surprise.
	if newest == nil {
		return store.Study{}, nil, false, false, nil
	}
	st, variants, err = s.store.Study(newest.ID)
	if err != nil {
		return store.Study{}, nil, false, false, err
	}
	if st.MethodJSON != "" {
		var state methodState
		if err := json.Unmarshal([]byte(st.MethodJSON), &state); err != nil {
			return store.Study{}, nil, false, false, fmt.Errorf("study %q: its method state: %w", st.Name, err)
		}
		open = state.Status == MethodRunning || state.Status == MethodStopped
		onCluster = state.Target != ""
	}
	runs, _, err := s.store.StudyRuns(st.ID)
	if err != nil {
		return store.Study{}, nil, false, false, err
	}
	batches := map[int64]bool{}
	for _, r := range runs {
		batches[r.BatchID] = true
		if !r.Status.Final() || r.Status == sim.StatusCancelled {
			open = true
		}
	}
	for b := range batches {
		if _, err := s.store.RemoteBatch(b); err == nil {
			onCluster = true
			break
		}
	}
	return st, variants, open, onCluster, nil
}
