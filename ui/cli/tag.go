package cli

// runTag is a placeholder until its issue lands; it says so instead of pretending.
func runTag(env *Env, args []string) int {
	return errorf(env, "the tag command is not built yet")
}
