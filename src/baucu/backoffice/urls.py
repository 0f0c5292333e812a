from django.urls import path

from baucu.backoffice import views

app_name = "backoffice"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("nhat-ky/", views.audit_log, name="audit"),
    path("vai-tro/<int:assignment_id>/", views.switch_role, name="switch_role"),
    path("tinh/<str:province_code>/", views.province_page, name="province"),
    path("xa/<str:commune_code>/", views.commune_page, name="commune"),
    path("xa/<str:commune_code>/nhat-ky/", views.commune_audit_log, name="commune_audit"),
]
