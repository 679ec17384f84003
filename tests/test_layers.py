"""README's layer rule (core ← multisite_config ← contacts ← faq, home, legal ← portal), and no import circle.

Read from the source with ``ast`` (imports inside functions count too: a deferred import is still a
dependency), so a new module that reaches up a layer, or two modules that import each other, fail here.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# What each package may import from the portal's own packages.
ALLOWED = {
    "core": set(),
    "multisite_config": {"core"},
    "contacts": {"core", "multisite_config"},
    "faq": {"core", "multisite_config", "contacts"},
    "home": {"core", "multisite_config"},
    "legal": {"core", "multisite_config"},
    "ratings": {"core", "multisite_config", "contacts", "faq", "home", "legal"},
    "complaints": {"core", "multisite_config", "contacts", "faq"},
    "portal": {"core", "multisite_config", "contacts", "faq", "home", "legal", "ratings", "complaints"},
}


def modules():
    for package in ALLOWED:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
            yield name, path


def imports_of(name, path):
    """Modules of the portal this module imports, as dotted names (relative imports resolved)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {module for module in found if module.split(".")[0] in ALLOWED}


GRAPH = {name: imports_of(name, path) for name, path in modules()}


@pytest.mark.parametrize("package", ALLOWED)
def test_a_package_imports_only_from_the_layers_below_it(package):
    reaching_up = sorted(
        f"{name} → {target}"
        for name, targets in GRAPH.items()
        if name.split(".")[0] == package
        for target in targets
        if target.split(".")[0] not in ALLOWED[package] | {package}
    )
    assert reaching_up == []


def test_no_module_imports_itself_through_others():
    known = set(GRAPH)
    edges = {
        name: {target for target in targets if target in known and target != name} for name, targets in GRAPH.items()
    }
    circles, state = [], {}

    def visit(node, trail):
        state[node] = "open"
        for target in edges[node]:
            if state.get(target) == "open":
                circles.append(" → ".join(trail[trail.index(target) :] + [target]))
            elif target not in state:
                visit(target, trail + [target])
        state[node] = "done"

    for name in sorted(edges):
        if name not in state:
            visit(name, [name])
    assert circles == []
