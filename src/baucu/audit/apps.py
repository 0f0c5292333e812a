from django.apps import AppConfig


class AuditConfig(AppConfig):
    """The hash-chained, append-only event log (Nhật ký kiểm tra)."""

    name = "baucu.audit"
    label = "audit"
    verbose_name = "Nhật ký kiểm tra"
