"""Benchmarks, run by hand: ``python -m graphbuild.bench.<name>``."""
