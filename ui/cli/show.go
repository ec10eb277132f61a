package cli

// runShow is a placeholder until its issue lands; it says so instead of pretending.
func runShow(env *Env, args []string) int {
	return errorf(env, "the show command is not built yet")
}
