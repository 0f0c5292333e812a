from django.urls import path

from baucu.voters.views import changes as change_views

app_name = "voters"

# List changes after posting (Art. 29–30), certificates to vote elsewhere (Art. 34), complaints (Art. 33).
urlpatterns = [
    path("xa/<str:commune_code>/cu-tri/thay-doi/", change_views.list_changes, name="list_changes"),
    path("xa/<str:commune_code>/cu-tri/giay-chung-nhan/", change_views.certificates, name="certificates"),
    path("xa/<str:commune_code>/cu-tri/khieu-nai/", change_views.complaints, name="complaints"),
]

# Printouts (issue 6): Form 31 voter list (PDF, XLSX), Form 10 voter cards, a commune's zip
# (built by a background job: this is its page).
from baucu.voters.views import printouts  # noqa: E402

urlpatterns += [
    path("xa/<str:commune_code>/cu-tri/tai-ve/", printouts.commune_zip_view, name="commune_zip"),
    path(
        "xa/<str:commune_code>/cu-tri/<int:voting_area_id>/mau-31.pdf",
        printouts.voter_list_pdf_view,
        name="voter_list_pdf",
    ),
    path(
        "xa/<str:commune_code>/cu-tri/<int:voting_area_id>/mau-31.xlsx",
        printouts.voter_list_xlsx_view,
        name="voter_list_xlsx",
    ),
    path(
        "xa/<str:commune_code>/cu-tri/<int:voting_area_id>/the-cu-tri.pdf",
        printouts.voter_cards_view,
        name="voter_cards_pdf",
    ),
]
urlpatterns += [
    path(
        "xa/<str:commune_code>/cu-tri/giay-chung-nhan/<int:certificate_id>/mau-11.pdf",
        printouts.vote_elsewhere_certificate_view,
        name="vote_elsewhere_certificate_pdf",
    ),
]

# Voter lists in the database (issue 6): a commune's lists, one area's list, the province's import.
from baucu.voters.views import lists as list_views  # noqa: E402

urlpatterns += [
    path("xa/<str:commune_code>/cu-tri/", list_views.commune_lists, name="commune_lists"),
    path("xa/<str:commune_code>/cu-tri/<int:voting_area_id>/", list_views.area_list, name="area_list"),
    path("tinh/<str:province_code>/cu-tri/nhap/", list_views.import_page, name="import"),
    path(
        "tinh/<str:province_code>/cu-tri/nhap/<int:voter_import_id>/",
        list_views.import_progress,
        name="import_progress",
    ),
]
