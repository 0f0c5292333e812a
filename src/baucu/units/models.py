"""Administrative units after 1 July 2025 (34 provinces, 3,321 commune-level units) and their lineage.

Codes are those of ``vietnam-provinces`` (the General Statistics Office list); other apps refer to
``Province`` and ``Commune`` by these codes. ``FormerUnit`` and ``Lineage`` record which pre-merger
commune-level units (with their former district and province) became which new commune.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from baucu.storage import VI_COLLATION


class Province(models.Model):
    """Tỉnh or thành phố trực thuộc trung ương."""

    class Kind(models.TextChoices):
        PROVINCE = "province", _("province")
        CITY = "city", _("centrally-run city")

    code = models.CharField(max_length=2, primary_key=True)
    name = models.CharField(max_length=100, db_collation=VI_COLLATION)  # "Tỉnh Lạng Sơn"
    short_name = models.CharField(max_length=100, db_collation=VI_COLLATION)  # "Lạng Sơn"
    kind = models.CharField(max_length=10, choices=Kind.choices)
    codename = models.CharField(max_length=100)  # "lang_son": stable ASCII slug from the source
    phone_code = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self) -> str:
        return self.name


class Commune(models.Model):
    """Commune-level unit: xã, phường or đặc khu (the lower of the two local government levels)."""

    class Kind(models.TextChoices):
        COMMUNE = "commune", _("commune")
        WARD = "ward", _("ward")
        SPECIAL_ZONE = "special_zone", _("special zone")

    code = models.CharField(max_length=5, primary_key=True)
    name = models.CharField(max_length=100, db_collation=VI_COLLATION)  # "Phường Kỳ Lừa"
    short_name = models.CharField(max_length=100, db_collation=VI_COLLATION)  # "Kỳ Lừa"
    kind = models.CharField(max_length=12, choices=Kind.choices)
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="communes")
    codename = models.CharField(max_length=100)
    # Lower-case name without diacritics: the server-side search filters on it (see names.search_key).
    search_key = models.CharField(max_length=100, db_index=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("commune")
        verbose_name_plural = _("communes")
        indexes = [models.Index(fields=["province", "name"], name="units_commune_prov_name")]

    def __str__(self) -> str:
        return self.name


class FormerUnit(models.Model):
    """A commune-level unit in force before 1 July 2025, with the district and province it was in.

    ``code`` is its 5-digit statistical code. The five island districts that had no commune level
    (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) appear as one row each under their 3-digit
    district code, because they too became a new unit (a special zone).
    """

    code = models.CharField(max_length=5, primary_key=True)
    name = models.CharField(max_length=100, db_collation=VI_COLLATION)  # "Phường Chi Lăng"
    kind = models.CharField(max_length=20)  # "Xã", "Phường", "Thị trấn", "Huyện" as written then
    district_code = models.CharField(max_length=3)
    district_name = models.CharField(max_length=100, db_collation=VI_COLLATION)  # "Thành phố Lạng Sơn"
    province_code = models.CharField(max_length=2)  # code of the former (63-province) province
    province_name = models.CharField(max_length=100, db_collation=VI_COLLATION)
    successors: models.ManyToManyField[Commune, Lineage] = models.ManyToManyField(
        Commune, through="Lineage", related_name="predecessors"
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("former unit")
        verbose_name_plural = _("former units")

    def __str__(self) -> str:
        if self.code == self.district_code:  # an island district: it is its own commune level
            return f"{self.name}, {self.province_name}"
        return f"{self.name}, {self.district_name}, {self.province_name}"


class Lineage(models.Model):
    """One former unit became (all or part of) one new commune.

    A former unit split between several new communes has several rows; ``is_default`` marks the one
    that took most of it, used when an old address gives no street to decide.
    """

    former = models.ForeignKey(FormerUnit, on_delete=models.CASCADE, related_name="lineage")
    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="lineage")
    is_default = models.BooleanField(default=True)

    class Meta:
        ordering = ["former", "commune"]
        constraints = [
            models.UniqueConstraint(fields=["former", "commune"], name="units_lineage_unique"),
        ]
        verbose_name = _("lineage")
        verbose_name_plural = _("lineage")

    def __str__(self) -> str:
        return f"{self.former_id} → {self.commune_id}"
