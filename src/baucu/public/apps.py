from django.apps import AppConfig


class PublicConfig(AppConfig):
    """The public site: what anyone may read without logging in."""

    name = "baucu.public"
    verbose_name = "Trang công khai"
