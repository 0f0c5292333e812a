"""Settings of the worker subprocesses the tests start: the test database, and the blocking test kinds."""

import os

from baucu.settings import *  # noqa: F403
from baucu.settings import DATABASES, INSTALLED_APPS

DATABASES["default"]["NAME"] = os.environ["BAUCU_TEST_DATABASE_NAME"]
INSTALLED_APPS = [*INSTALLED_APPS, "blocking_jobs.apps.BlockingJobsConfig"]
JOBS_HEARTBEAT_SECONDS = 1
