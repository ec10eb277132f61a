package cli

// runFraming is a placeholder until its issue lands; it says so instead of pretending.
func runFraming(env *Env, args []string) int {
	return errorf(env, "the framing command is not built yet")
}
