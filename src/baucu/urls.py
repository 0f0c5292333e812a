from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("baucu.accounts.urls")),
    path("bo/bau-cu/", include("baucu.elections.urls")),
    path("bo/", include("baucu.backoffice.urls")),
    path("bo/", include("baucu.voters.urls")),
    path("bo/", include("baucu.jobs.urls")),
    path("", include("baucu.public.urls")),
]
