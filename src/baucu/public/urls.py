from django.urls import path

from baucu.public import views

app_name = "public"

urlpatterns = [
    path("", views.home, name="home"),
    path("tinh/", views.provinces, name="provinces"),
    path("tinh/<str:code>/", views.province, name="province"),
    path("tra-cuu-cu-tri/", views.voter_lookup, name="voter_lookup"),
]
