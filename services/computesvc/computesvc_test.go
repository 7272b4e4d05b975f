package computesvc

import (
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"epsm/cluster"
	"epsm/events"
	"epsm/store"
)

type recorder struct {
	mu   sync.Mutex
	sent []events.Name
	last []Target
}

func (r *recorder) Emit(name events.Name, p any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sent = append(r.sent, name)
	if t, ok := p.([]Target); ok {
		r.last = t
	}
}

func open(t *testing.T) (*Service, *store.Store, *recorder) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	rec := &recorder{}
	return New(st, func() string { return "" }, rec, slog.New(slog.NewTextHandler(io.Discard, nil))), st, rec
}

var tetralith = TargetForm{Kind: "ssh", User: "x_anna", Host: "tetralith", WorkDir: "/proj/renovation/users/x_anna/epsm",
	Partition: "main", Account: "naiss2026-1-1", Time: "1:00:00", Mem: "2G", CPUs: 1, MaxParallel: 100,
	Engine: "/software/EnergyPlus-25.2.0/energyplus", Prelude: "module load EnergyPlus/25.2.0\nexport OMP_NUM_THREADS=1", Keep: "results"}

// A target typed in the form is saved as the URL the CLI takes, reads back as the same form,
// and the window is told each time the list changes; it keeps no secret.
func TestSaveEditRemove(t *testing.T) {
	s, st, rec := open(t)
	saved, err := s.SaveTarget("", "Tetralith", tetralith)
	if err != nil {
		t.Fatal(err)
	}
	want := "slurm+ssh://x_anna@tetralith/proj/renovation/users/x_anna/epsm?"
	if !strings.HasPrefix(saved.URL, want) {
		t.Fatalf("URL = %s, want it to start %s", saved.URL, want)
	}
	if saved.Form != tetralith {
		t.Errorf("form read back = %+v\nwant %+v", saved.Form, tetralith)
	}
	if saved.Where != "x_anna@tetralith, partition main" {
		t.Errorf("where = %q", saved.Where)
	}
	if len(rec.last) != 1 || rec.last[0].Name != "Tetralith" {
		t.Errorf("pushed %+v, want the saved target", rec.last)
	}
	// The CLI reads the same URL.
	if tg, err := cluster.ParseTarget(saved.URL); err != nil || tg.Prelude != tetralith.Prelude || tg.MaxParallel != 100 {
		t.Errorf("the URL parses as %+v, %v", tg, err)
	}

	// An edit that renames it keeps one target; a stored check is forgotten when the URL changes.
	st.SetTargetCheck("Tetralith", saved.URL, s.now(), []byte(`[{"step":"connect","state":"ok"}]`))
	edited := tetralith
	edited.Partition = "long"
	got, err := s.SaveTarget("Tetralith", "tetralith-long", edited)
	if err != nil {
		t.Fatal(err)
	}
	all, _ := s.Targets()
	if len(all) != 1 || all[0].Name != "tetralith-long" || !strings.Contains(got.URL, "partition=long") || got.CheckedAt != "" {
		t.Errorf("after the edit: %+v", all)
	}
	// The same URL again keeps the check.
	st.SetTargetCheck("tetralith-long", got.URL, s.now(), []byte(`[{"step":"connect","state":"ok"}]`))
	again, _ := s.SaveTarget("tetralith-long", "tetralith-long", edited)
	if again.CheckedAt == "" || !again.CheckOK {
		t.Errorf("saving the same URL forgot its check: %+v", again)
	}

	if err := s.RemoveTarget("tetralith-long"); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveTarget("tetralith-long"); !errors.Is(err, store.ErrTargetNotFound) {
		t.Errorf("removing it twice: %v", err)
	}
	if all, _ := s.Targets(); len(all) != 0 || len(rec.last) != 0 {
		t.Errorf("after remove: %+v, pushed %+v", all, rec.last)
	}
}

// What cannot be saved says which field and why.
func TestSaveRefuses(t *testing.T) {
	s, _, _ := open(t)
	if _, err := s.SaveTarget("", "taken", tetralith); err != nil {
		t.Fatal(err)
	}
	local := TargetForm{Kind: "local", WorkDir: "/scratch/epsm"}
	for _, c := range []struct {
		name, target string
		form         TargetForm
		wantIs       error
		want         string
	}{
		{"no name", " ", tetralith, ErrBadName, "give the target a name"},
		{"a URL as a name", "slurm://x", tetralith, ErrBadName, `cannot hold "://"`},
		{"this computer", "Local", tetralith, ErrBadName, "means this computer"},
		{"a name taken", "taken", local, ErrBadName, `"taken" is saved already`},
		{"no host", "a", TargetForm{Kind: "ssh", WorkDir: "/w"}, cluster.ErrBadTarget, "the login node"},
		{"a host with a path", "a", TargetForm{Kind: "ssh", Host: "h/x", WorkDir: "/w"}, cluster.ErrBadTarget, "the login node"},
		{"a relative work folder", "a", TargetForm{Kind: "local", WorkDir: "epsm"}, cluster.ErrBadTarget, "absolute folder"},
		{"a bad time", "a", TargetForm{Kind: "local", WorkDir: "/w", Time: "soon"}, cluster.ErrBadTarget, `time "soon"`},
		{"a bad memory", "a", TargetForm{Kind: "local", WorkDir: "/w", Mem: "lots"}, cluster.ErrBadTarget, `mem "lots"`},
		{"an odd partition", "a", TargetForm{Kind: "local", WorkDir: "/w", Partition: "main;rm"}, cluster.ErrBadTarget, "partition"},
		{"no kind", "a", TargetForm{WorkDir: "/w"}, cluster.ErrBadTarget, "kind must be ssh"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := s.SaveTarget("", c.target, c.form)
			if !errors.Is(err, c.wantIs) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("SaveTarget = %v, want %v containing %q", err, c.wantIs, c.want)
			}
		})
	}
	if all, _ := s.Targets(); len(all) != 1 {
		t.Errorf("a refused save stored something: %+v", all)
	}
}
