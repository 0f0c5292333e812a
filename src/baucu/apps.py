from django.apps import AppConfig
from django.db.backends.signals import connection_created


class BaucuConfig(AppConfig):
    """The project itself: base templates, catalogues, the demo command, the SQLite collation."""

    name = "baucu"
    verbose_name = "baucu"

    def ready(self) -> None:
        from baucu.storage import register_sqlite_collation

        connection_created.connect(register_sqlite_collation, dispatch_uid="baucu_vi_collation")
