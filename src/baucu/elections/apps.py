from django.apps import AppConfig


class ElectionsConfig(AppConfig):
    """Election setup: contests, constituencies, voting areas, election bodies, calendar."""

    name = "baucu.elections"
    label = "elections"
    verbose_name = "Tổ chức bầu cử"
