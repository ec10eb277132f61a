package cli

// runList is a placeholder until its issue lands; it says so instead of pretending.
func runList(env *Env, args []string) int {
	return errorf(env, "the list command is not built yet")
}
