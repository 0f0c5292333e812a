"""Deterministic synthetic data: populations and voting-area plans for demos, tests and benchmarks.

Everything here is generated from a seed with numpy and Arrow compute, column by column, so that the
same seed gives byte-identical files and a population of tens of millions is made in chunks.
"""
