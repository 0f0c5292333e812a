"""Voter registry (issue 6). ``pipeline`` is the pure bulk transform; the Django app grows around it."""
