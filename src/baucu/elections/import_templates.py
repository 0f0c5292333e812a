"""Every downloadable import template, by kind (the ``--kind`` of ``baucu election template``)."""

from __future__ import annotations

from baucu.elections.body_import import TEMPLATE as BODY_TEMPLATE
from baucu.elections.constituency_import import COMMUNE_TEMPLATE, PROVINCE_TEMPLATE
from baucu.elections.imports import VOTING_AREA_TEMPLATE, TemplateSpec

TEMPLATES: dict[str, TemplateSpec] = {
    spec.kind: spec for spec in (VOTING_AREA_TEMPLATE, PROVINCE_TEMPLATE, COMMUNE_TEMPLATE, BODY_TEMPLATE)
}
