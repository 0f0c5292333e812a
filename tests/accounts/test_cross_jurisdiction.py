"""Acceptance (issue 4): no URL lets a user of commune A reach commune B's data.

Generated from the URL configuration: every pattern is found by walking the resolver, so a new page
is covered the moment it is routed. For each pattern:

* public by design → declared in ``scoping_registry.PUBLIC_PATTERNS`` with a reason, skipped;
* otherwise every keyword argument must have a maker in ``scoping_registry.KWARG_MAKERS`` (apps
  register theirs in ``<app>/scoped_kwargs.py``) which creates an object in commune B; GET and POST
  as commune A's election committee must both answer 404;
* an argument-less pattern that is not declared public, or an unknown argument, FAILS the test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern

from baucu.accounts.actor import Actor
from baucu.accounts.scoping_registry import KWARG_MAKERS, PUBLIC_PATTERNS, autodiscover
from baucu.units.models import Commune

_PLACEHOLDER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


@dataclass(frozen=True)
class Route:
    route: str  # as joined from the resolver, e.g. "bo/xa/<str:commune_code>/"
    kwargs: tuple[str, ...]
    is_regex: bool


def _walk(patterns: list[URLPattern | URLResolver], prefix: str = "", regex: bool = False) -> Iterator[Route]:
    for entry in patterns:
        part = str(entry.pattern)
        is_regex = regex or isinstance(entry.pattern, RegexPattern)
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + part, is_regex)
            continue
        route = prefix + part
        if isinstance(entry.pattern, RoutePattern) and not is_regex:
            names = tuple(m.group("name") for m in _PLACEHOLDER.finditer(route))
        else:
            names = tuple(re.compile(route).groupindex)
        yield Route(route, names, is_regex)


def all_routes() -> list[Route]:
    autodiscover()
    return list(_walk(get_resolver().url_patterns))


def test_every_pattern_is_either_public_or_jurisdiction_checked() -> None:
    undeclared = [r.route for r in all_routes() if r.route not in PUBLIC_PATTERNS and not r.kwargs]
    unknown = sorted(
        {f"{r.route} ({k})" for r in all_routes() if r.route not in PUBLIC_PATTERNS for k in r.kwargs}
        - {f"{r.route} ({k})" for r in all_routes() for k in r.kwargs if k in KWARG_MAKERS}
    )
    assert not undeclared, (
        "URL patterns without a jurisdiction argument must be declared public, with a reason, in "
        f"a scoped_kwargs.py (declare_public): {undeclared}"
    )
    assert not unknown, (
        "URL kwargs without a maker in baucu.accounts.scoping_registry (register_kwarg in the app's "
        f"scoped_kwargs.py): {unknown}"
    )


def test_public_declarations_name_real_patterns() -> None:
    routes = {r.route for r in all_routes()}
    assert not set(PUBLIC_PATTERNS) - routes, "stale public declarations"


def _url(route: Route, values: dict[str, str]) -> str:
    if route.is_regex:
        pytest.fail(f"{route.route}: regex routes with kwargs cannot be built; use path() or declare it")
    return "/" + _PLACEHOLDER.sub(lambda m: values[m.group("name")], route.route)


def _scoped_routes() -> list[Route]:
    return [r for r in all_routes() if r.kwargs and r.route not in PUBLIC_PATTERNS]


def test_there_are_scoped_routes_to_check() -> None:
    routes = {r.route for r in _scoped_routes()}
    assert {"bo/xa/<str:commune_code>/", "bo/tinh/<str:province_code>/"} <= routes


@pytest.mark.parametrize("route", _scoped_routes(), ids=lambda r: r.route)
def test_commune_a_gets_404_for_commune_b_objects(
    route: Route, committee_a: Actor, commune_a: Commune, commune_b: Commune, client: Client
) -> None:
    missing = [k for k in route.kwargs if k not in KWARG_MAKERS]
    assert not missing, f"{route.route}: no maker registered for {missing}"
    url = _url(route, {k: KWARG_MAKERS[k](commune_b) for k in route.kwargs})
    assert committee_a.user is not None
    client.force_login(committee_a.user)
    for method in ("get", "post"):
        response = getattr(client, method)(url)
        assert response.status_code == 404, f"{method.upper()} {url} answered {response.status_code}"


def _normalised(body: bytes, *codes: str) -> str:
    text = body.decode()
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "csrf", text)
    for code in codes:
        text = text.replace(code, "CODE")
    return text


def test_another_communes_404_is_identical_to_a_missing_codes_404(
    committee_a: Actor, commune_a: Commune, commune_b: Commune, client: Client
) -> None:
    assert committee_a.user is not None
    client.force_login(committee_a.user)
    assert client.get(f"/bo/xa/{commune_a.code}/").status_code == 200
    for template in ("/bo/xa/{}/", "/bo/xa/{}/nhat-ky/", "/bo/tinh/{}/"):
        other = client.get(template.format(commune_b.code if "xa" in template else commune_b.province_id))
        missing = client.get(template.format("99999" if "xa" in template else "99"))
        assert other.status_code == missing.status_code == 404
        assert _normalised(other.content, commune_b.code, commune_b.province_id) == _normalised(
            missing.content, "99999", "99"
        )
        assert other.headers.get("Content-Type") == missing.headers.get("Content-Type")
