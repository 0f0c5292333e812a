from django.urls import path

from baucu.accounts import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("login/totp/", views.totp_view, name="totp"),
    path("login/totp/enrol/", views.totp_enrol_view, name="totp_enrol"),
    path("logout/", views.logout_view, name="logout"),
]
