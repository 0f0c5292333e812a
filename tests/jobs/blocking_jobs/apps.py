from django.apps import AppConfig


class BlockingJobsConfig(AppConfig):
    name = "blocking_jobs"

    def ready(self) -> None:
        from baucu.jobs.kinds import KINDS

        from .tasks import TEST_KINDS

        KINDS.update(TEST_KINDS)
