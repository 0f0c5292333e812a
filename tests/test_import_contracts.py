"""The web-layer contract of tests/import_contracts.py on small graphs (lint-imports runs it on baucu)."""

from __future__ import annotations

import grimp
from importlinter.domain.imports import ModuleExpression

from import_contracts import crossings, web_modules


def _graph(*imports: tuple[str, str]) -> grimp.ImportGraph:
    graph = grimp.ImportGraph()
    for module in ("app", "app.views", "app.urls", "app.forms", "app.services"):
        graph.add_module(module)
    for importer, imported in imports:
        graph.add_import(importer=importer, imported=imported, line_number=3, line_contents="import x")
    return graph


def test_a_service_importing_a_view_crosses_into_the_web_layer():
    graph = _graph(("app.services", "app.views.lists"), ("app.urls", "app.views.lists"))
    web = web_modules(graph, [ModuleExpression("app.views"), ModuleExpression("app.urls")])
    assert web == {"app.views", "app.views.lists", "app.urls"}
    assert crossings(graph, web) == [("app.services", "app.views.lists", (3,))]


def test_imports_inside_the_web_layer_and_of_the_domain_are_allowed():
    graph = _graph(("app.urls", "app.views"), ("app.views", "app.forms"), ("app.views", "app.services"))
    web = web_modules(graph, [ModuleExpression(m) for m in ("app.urls", "app.views", "app.forms")])
    assert web == {"app.urls", "app.views", "app.forms"}
    assert crossings(graph, web) == []
