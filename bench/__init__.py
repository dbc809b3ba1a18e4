"""Benchmarks: ``make bench`` (``python -m bench``). Speed and memory targets live here,
never in timed tests."""
