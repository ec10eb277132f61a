package cli

// runFacts is a placeholder until its issue lands; it says so instead of pretending.
func runFacts(env *Env, args []string) int {
	return errorf(env, "the facts command is not built yet")
}
