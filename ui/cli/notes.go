package cli

// runNotes is a placeholder until its issue lands; it says so instead of pretending.
func runNotes(env *Env, args []string) int {
	return errorf(env, "the notes command is not built yet")
}
