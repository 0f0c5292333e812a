from django.urls import path

from baucu.jobs import views

app_name = "jobs"

urlpatterns = [
    path("cong-viec/<int:job_id>/", views.job_page, name="job"),
    path("cong-viec/<int:job_id>/tai-ve/", views.job_download, name="download"),
]
