from django.urls import path

from baucu.voters.views import changes as change_views

app_name = "voters"

# List changes after posting (Art. 29–30), certificates to vote elsewhere (Art. 34), complaints (Art. 33).
urlpatterns = [
    path("xa/<str:commune_code>/cu-tri/thay-doi/", change_views.list_changes, name="list_changes"),
    path("xa/<str:commune_code>/cu-tri/giay-chung-nhan/", change_views.certificates, name="certificates"),
    path("xa/<str:commune_code>/cu-tri/khieu-nai/", change_views.complaints, name="complaints"),
]
