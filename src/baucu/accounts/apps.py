from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Users, roles, jurisdiction scoping, sign-in (Tài khoản và phân quyền)."""

    name = "baucu.accounts"
    label = "accounts"
    verbose_name = "Tài khoản và phân quyền"
