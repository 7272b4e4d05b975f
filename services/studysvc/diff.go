package studysvc

import (
	"fmt"
	"os"

	"epsm/idfdiff"
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

// VariantDiff compares a variant's IDF with its study's base model, object by object.
func (s *Studies) VariantDiff(variantID int64) (VariantDiff, error) {
	st, v, err := s.store.StudyVariant(variantID)
	if err != nil {
		return VariantDiff{}, err
	}
	base, err := s.store.Model(st.BaseModelID)
	if err != nil {
		return VariantDiff{}, fmt.Errorf("base model of study %q: %w", st.Name, err)
	}
	out := VariantDiff{StudyID: st.ID, VariantID: v.ID, Variant: v.Name, Baseline: v.Baseline, BaseModel: base.Name, VariantModel: base.Name}
	if v.Baseline {
		return out, nil
	}
	m, err := s.store.Model(v.ModelID)
	if err != nil {
		return VariantDiff{}, fmt.Errorf("model of variant %q: %w", v.Name, err)
	}
	out.VariantModel = m.Name
	before, err := os.ReadFile(base.StoredPath)
	if err != nil {
		return VariantDiff{}, fmt.Errorf("base model %s: %w", base.Name, err)
	}
	after, err := os.ReadFile(m.StoredPath)
	if err != nil {
		return VariantDiff{}, fmt.Errorf("variant %q (%s): %w", v.Name, m.Name, err)
	}
	if out.Diff, err = idfdiff.Compare(idfdiff.Source{Name: base.Name, Text: before}, idfdiff.Source{Name: m.Name, Text: after}); err != nil {
		return VariantDiff{}, fmt.Errorf("variant %q: %w", v.Name, err)
	}
	return out, nil
}
