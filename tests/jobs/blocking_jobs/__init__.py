"""A test-only job kind whose body stops half-way until a file appears: the worker can be killed there.

Installed in the worker subprocesses by ``worker_settings`` (its ``ready`` registers the kinds) and
registered in the test process by the tests themselves.
"""
