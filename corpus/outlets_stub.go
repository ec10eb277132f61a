package corpus

// OutletTable is the table of known outlets (placeholder until the loader
// lands; replaced by outlets.go).
type OutletTable struct {
	Outlets []Outlet
}
