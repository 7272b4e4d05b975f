//go:build embedworker

package workerbin

import _ "embed"

//go:embed epsm-worker.gz
var compressed []byte
