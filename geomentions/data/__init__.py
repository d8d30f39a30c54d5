"""Data the package reads that is not logic: word lists and the shipped model files."""
