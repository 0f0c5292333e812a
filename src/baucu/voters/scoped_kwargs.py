"""URL kwargs of the voter-registry pages, for the generated cross-jurisdiction test (accounts).

``commune_code``, ``province_code`` and ``voting_area_id`` are registered by accounts and elections.
"""

from __future__ import annotations

import datetime as dt

from baucu.accounts.scoping_registry import register_kwarg
from baucu.elections.models import Election
from baucu.units.models import Commune
from baucu.voters.models import VoterImport


@register_kwarg("voter_import_id")
def voter_import_id(commune: Commune) -> str:
    """An import of commune B's province: a commune-A user must not see that it exists."""
    election = Election.objects.create(name="Cross-jurisdiction voter import", day=dt.date(2026, 3, 15))
    record = VoterImport.objects.model(
        election=election, province=commune.province, source_name="other.csv", source_sha256=""
    )
    record.save()
    return str(record.pk)


@register_kwarg("certificate_id")
def certificate_id(commune: Commune) -> str:
    """A certificate to vote elsewhere issued by commune B (the Form 11 download, reports)."""
    from django.utils import timezone

    from baucu.accounts.scoping import unscoped
    from baucu.elections.models import VotingArea
    from baucu.voters.models import VoteElsewhereCertificate, Voter

    election, _ = Election.objects.get_or_create(name="Cross-jurisdiction test", day=dt.date(2026, 3, 15))
    with unscoped("cross-jurisdiction test set-up"):
        area, _ = VotingArea.objects.get_or_create(
            election=election, commune=commune, number=99, defaults={"province_id": commune.province_id}
        )
        voter = Voter.objects.create(
            election=election,
            province_id=commune.province_id,
            commune=commune,
            voting_area=area,
            seq=Voter.objects.filter(voting_area=area).count() + 1,
            personal_id=f"{commune.code:0>12}",
            full_name="Cử tri thử",
            birth_year=1980,
            gender=Voter.Gender.MALE,
            basis=Voter.Basis.PERMANENT,
            votes_na=True,
            votes_provincial=True,
            votes_commune=True,
            status=Voter.Status.VOTING_ELSEWHERE,
        )
        # The destination does not matter here: only the issuing commune prints Form 11.
        made = VoteElsewhereCertificate.objects.create(
            election=election,
            province_id=commune.province_id,
            commune=commune,
            number=f"X-{voter.pk}",
            origin_voter=voter,
            destination_province_id=commune.province_id,
            destination_commune=commune,
            issued_at=timezone.now(),
            issued_by="cross-jurisdiction test",
        )
    return str(made.pk)
