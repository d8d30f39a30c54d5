"""Language data (word lists) kept apart from the logic that reads it: one module per language."""
