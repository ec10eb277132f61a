package cli

// runPairs is a placeholder until its issue lands; it says so instead of pretending.
func runPairs(env *Env, args []string) int {
	return errorf(env, "the pairs command is not built yet")
}
