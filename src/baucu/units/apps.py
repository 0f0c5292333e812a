from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "baucu.units"
    verbose_name = "Đơn vị hành chính"
