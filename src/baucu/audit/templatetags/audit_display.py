from __future__ import annotations

from django import template

from baucu.audit.models import AuditEvent

register = template.Library()


@register.simple_tag
def audit_description(event: AuditEvent, language: str) -> str:
    return event.description(language)
