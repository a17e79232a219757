"""Built-in data, kept apart from the rules that read it."""
