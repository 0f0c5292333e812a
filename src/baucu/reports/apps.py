from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Renderers of the official forms (PDF and XLSX) and their shared templates."""

    name = "baucu.reports"
    label = "reports"
    verbose_name = "Biểu mẫu in"
