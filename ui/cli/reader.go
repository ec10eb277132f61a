package cli

// runReader is a placeholder until its issue lands; it says so instead of pretending.
func runReader(env *Env, args []string) int {
	return errorf(env, "the reader command is not built yet")
}
