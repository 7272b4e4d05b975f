package launch

func addPlatformRoles(map[string]func([]string) int) {}
