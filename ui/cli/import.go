package cli

// runImport is a placeholder until its issue lands; it says so instead of pretending.
func runImport(env *Env, args []string) int {
	return errorf(env, "the import command is not built yet")
}
