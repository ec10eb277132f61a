package cli

// runExport is a placeholder until its issue lands; it says so instead of pretending.
func runExport(env *Env, args []string) int {
	return errorf(env, "the export command is not built yet")
}
