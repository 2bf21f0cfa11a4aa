"""Fuzzing harness for mtcheck (not part of the package): see fuzz/README.md."""
