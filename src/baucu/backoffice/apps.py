from django.apps import AppConfig


class BackofficeConfig(AppConfig):
    """The staff area under /bo/: thin views over scoped queries and services."""

    name = "baucu.backoffice"
    label = "backoffice"
    verbose_name = "Khu vực nghiệp vụ"
