package studysvc

import (
	"fmt"
	"os"

	"epsm/idfdiff"
	"epsm/store"
)

// VariantDiff is what a study's variant changes in its base model's IDF: the objects it adds
// and each field it sets, with the counts. The baseline's is empty: it is the base model.
type VariantDiff struct {
	StudyID      int64        `json:"studyId"`
	VariantID    int64        `json:"variantId"`
	Variant      string       `json:"variant"` // the variant's name
	Baseline     bool         `json:"baseline"`
	BaseModel    string       `json:"baseModel"`    // the base model's file name
	VariantModel string       `json:"variantModel"` // the variant's IDF file name
	Diff         idfdiff.Diff `json:"diff"`
}

// RawLines is how much of a variant's line diff the window gets: a wall and window change on
// a 6,000-line model is about 1,000 lines.
const RawLines = 3000

// VariantDiff compares a variant's IDF with its study's base model, object by object.
func (s *Studies) VariantDiff(variantID int64) (VariantDiff, error) {
	out, base, variant, err := s.variantTexts(variantID)
	if err != nil || out.Baseline {
		return out, err
	}
	if out.Diff, err = idfdiff.Compare(base, variant); err != nil {
		return VariantDiff{}, fmt.Errorf("variant %q: %w", out.Variant, err)
	}
	return out, nil
}

// VariantRawDiff is the unified line diff of a variant's IDF against its base model, its first
// RawLines lines; empty for the baseline.
func (s *Studies) VariantRawDiff(variantID int64) (idfdiff.Raw, error) {
	out, base, variant, err := s.variantTexts(variantID)
	if err != nil || out.Baseline {
		return idfdiff.Raw{}, err
	}
	return idfdiff.Unified(base, variant, RawLines)
}

// variantTexts reads a variant's and its base model's IDF (not for the baseline: it is the
// base model) from the data folder's copies.
func (s *Studies) variantTexts(variantID int64) (VariantDiff, idfdiff.Source, idfdiff.Source, error) {
	var before, after idfdiff.Source
	st, v, err := s.store.StudyVariant(variantID)
	if err != nil {
		return VariantDiff{}, before, after, err
	}
	base, err := s.store.Model(st.BaseModelID)
	if err != nil {
		return VariantDiff{}, before, after, fmt.Errorf("base model of study %q: %w", st.Name, err)
	}
	out := VariantDiff{StudyID: st.ID, VariantID: v.ID, Variant: v.Name, Baseline: v.Baseline, BaseModel: base.Name, VariantModel: base.Name}
	if v.Baseline {
		return out, before, after, nil
	}
	m, err := s.store.Model(v.ModelID)
	if err != nil {
		return VariantDiff{}, before, after, fmt.Errorf("model of variant %q: %w", v.Name, err)
	}
	out.VariantModel = m.Name
	if before, err = readModel(base, "base model "+base.Name); err != nil {
		return VariantDiff{}, before, after, err
	}
	if after, err = readModel(m, fmt.Sprintf("variant %q (%s)", v.Name, m.Name)); err != nil {
		return VariantDiff{}, before, after, err
	}
	return out, before, after, nil
}

func readModel(m store.Model, what string) (idfdiff.Source, error) {
	text, err := os.ReadFile(m.StoredPath)
	if err != nil {
		return idfdiff.Source{}, fmt.Errorf("%s: %w", what, err)
	}
	return idfdiff.Source{Name: m.Name, Text: text}, nil
}
