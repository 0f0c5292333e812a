"""The statute as code.

Pure Python: this package imports nothing from Django or the database (a test enforces it).
Every decision returns an :class:`~baucu.law.outcome.Outcome` whose reasons cite the article
of Law 85/2015/QH13 as amended by Law 83/2025/QH15 (see ../shared/spec/law.md) that decided it.
"""
