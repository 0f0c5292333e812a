"""An import-linter contract type of baucu's own: only the web layer imports the web layer.

import-linter's built-in ``forbidden`` contract needs the importing side listed module by module; a new
module of an app (a ``services/`` package, a new import) would escape it. This contract instead names the
web layer (views, urls, forms, template tags, page modules) and checks EVERY other module of the graph:
none may import a web module. Direct imports suffice: any chain from outside the web layer into it
crosses the boundary in one direct import, which is reported. Registered in pyproject.toml
(``[tool.importlinter] contract_types``) and run by ``lint-imports`` from the repository root.
"""

from __future__ import annotations

from typing import Any

from importlinter.application import contract_utils, output
from importlinter.domain import fields, helpers
from importlinter.domain.contract import Contract, ContractCheck


def web_modules(graph: Any, expressions: Any) -> set[str]:
    """Every module the expressions name, with everything inside them."""
    found: set[str] = set()
    for expression in expressions:
        for module in helpers.module_expression_to_modules(graph, expression, raise_if_unmatched=True):
            found |= {module.name, *graph.find_descendants(module.name)}
    return found


def crossings(graph: Any, web: set[str]) -> list[tuple[str, str, tuple[int, ...]]]:
    """The direct imports of a web module by a module outside the web layer, with their line numbers."""
    found = []
    for importer in sorted(graph.modules - web):
        for imported in sorted(graph.find_modules_directly_imported_by(importer) & web):
            details = graph.get_import_details(importer=importer, imported=imported)
            found.append((importer, imported, tuple(d["line_number"] for d in details)))
    return found


class WebLayerContract(Contract):
    """``web_modules``: the web layer; no module outside it may import it (``ignore_imports`` aside)."""

    type_name = "web_layer"

    web_modules = fields.SetField(subfield=fields.ModuleExpressionField())
    ignore_imports = fields.SetField(subfield=fields.ImportExpressionField(), required=False)
    unmatched_ignore_imports_alerting = fields.EnumField(
        contract_utils.AlertLevel, default=contract_utils.AlertLevel.ERROR
    )

    def check(self, graph: Any, verbose: bool) -> ContractCheck:
        removal = contract_utils.remove_ignored_imports_and_report(
            graph=graph,
            ignore_imports=self.ignore_imports,  # type: ignore[arg-type]
            unmatched_alerting=self.unmatched_ignore_imports_alerting,  # type: ignore[arg-type]
        )
        found = crossings(graph, web_modules(graph, self.web_modules))
        return ContractCheck(
            kept=not found,
            warnings=list(removal.warnings),
            ignored_import_count=removal.ignored_import_count,
            metadata={"crossings": found},
        )

    def render_broken_contract(self, check: ContractCheck) -> None:
        output.print_error("Modules outside the web layer import it:", bold=False)
        output.new_line()
        for importer, imported, lines in check.metadata["crossings"]:
            output.print_error(f"- {importer} -> {imported} (l.{', '.join(map(str, lines))})", bold=False)
            output.new_line()
