from django.urls import path

from baucu.elections import calendar_pages, import_pages, views

app_name = "elections"

urlpatterns = [
    path("", views.election_list, name="list"),
    path("<int:election_id>/tinh/<str:province_code>/", views.province_dashboard, name="province"),
    path(
        "<int:election_id>/tinh/<str:province_code>/don-vi-bau-cu/them/",
        views.constituency_create_in_province,
        name="province_constituency_create",
    ),
    path(
        "<int:election_id>/tinh/<str:province_code>/to-chuc/them/",
        views.body_create_in_province,
        name="province_body_create",
    ),
    path("<int:election_id>/xa/<str:commune_code>/", views.commune_dashboard, name="commune"),
    path(
        "<int:election_id>/xa/<str:commune_code>/don-vi-bau-cu/them/",
        views.constituency_create_in_commune,
        name="commune_constituency_create",
    ),
    path(
        "<int:election_id>/xa/<str:commune_code>/khu-vuc-bo-phieu/them/",
        views.voting_area_create,
        name="voting_area_create",
    ),
    path(
        "<int:election_id>/xa/<str:commune_code>/to-chuc/them/",
        views.body_create_in_commune,
        name="commune_body_create",
    ),
    path(
        "<int:election_id>/xa/<str:commune_code>/khu-vuc-bo-phieu/nhap/",
        import_pages.voting_area_import,
        name="voting_area_import",
    ),
    path(
        "<int:election_id>/xa/<str:commune_code>/khu-vuc-bo-phieu/mau.csv",
        views.voting_area_template,
        name="voting_area_template",
    ),
    path(
        "<int:election_id>/tinh/<str:province_code>/don-vi-bau-cu/nhap/",
        import_pages.province_constituency_import,
        name="province_constituency_import",
    ),
    path(
        "<int:election_id>/tinh/<str:province_code>/to-chuc/nhap/",
        import_pages.province_body_import,
        name="province_body_import",
    ),
    path(
        "<int:election_id>/xa/<str:commune_code>/don-vi-bau-cu/nhap/",
        import_pages.commune_constituency_import,
        name="commune_constituency_import",
    ),
    path(
        "<int:election_id>/xa/<str:commune_code>/to-chuc/nhap/",
        import_pages.commune_body_import,
        name="commune_body_import",
    ),
    path("mau/<str:kind>/", import_pages.template_download, name="template"),
    path("<int:election_id>/lich/", calendar_pages.election_calendar, name="calendar"),
    path(
        "<int:election_id>/tinh/<str:province_code>/giai-trinh/",
        calendar_pages.province_justifications,
        name="province_justifications",
    ),
    path("to-chuc/thanh-vien/<int:member_id>/xoa/", calendar_pages.member_remove, name="member_remove"),
    path("don-vi-bau-cu/<int:constituency_id>/", views.constituency_edit, name="constituency"),
    path("khu-vuc-bo-phieu/<int:voting_area_id>/", views.voting_area_edit, name="voting_area"),
    path("to-chuc/<int:body_id>/", views.body_detail, name="body"),
]
