from django.apps import AppConfig


class VotersConfig(AppConfig):
    name = "baucu.voters"
    verbose_name = "Danh sách cử tri"
