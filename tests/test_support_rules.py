"""Test modules share code only through ``tests.support`` and the per-app ``tests.<app>.factories``.

A test module that imports another one runs that module's tests' imports and fixtures wherever it is
imported, and couples unrelated files: what is shared goes to the support package, defined once.
"""

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def module_name(path):
    return ".".join(path.relative_to(TESTS.parent).with_suffix("").parts)


def imported_modules(path):
    """Every module ``path`` imports from, relative imports resolved against its package."""
    package = module_name(path).rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                prefix = f"{base}.{node.module}" if node.module else base
                # ``from . import x`` may name a module: count each name as one.
                yield from ([prefix] if node.module else (f"{prefix}.{alias.name}" for alias in node.names))
            else:
                yield node.module


def allowed(module):
    parts = module.split(".")
    return parts[:2] == ["tests", "support"] or (len(parts) == 3 and parts[2] == "factories")


def forbidden_imports():
    """(importing file, imported module) for every import of a module of ``tests`` outside the allowed ones."""
    return [
        (str(path.relative_to(TESTS.parent)), module)
        for path in sorted(TESTS.rglob("*.py"))
        for module in imported_modules(path)
        if module.split(".")[0] == "tests" and module != "tests" and not allowed(module)
    ]


def test_no_test_module_imports_another_test_module():
    assert forbidden_imports() == []


def test_the_rule_sees_absolute_and_relative_imports(tmp_path, monkeypatch):
    """The check must not pass vacuously: a test module importing another, either way, is caught."""
    package = tmp_path / "tests" / "faq"
    package.mkdir(parents=True)
    (package / "test_a.py").write_text("from .test_b import helper\nfrom tests.home.test_c import other\n")
    (package / "test_d.py").write_text(
        "from tests.support.sites import HANOI\nfrom .factories import QuestionFactory\n"
    )
    monkeypatch.setitem(globals(), "TESTS", tmp_path / "tests")
    assert forbidden_imports() == [
        ("tests/faq/test_a.py", "tests.faq.test_b"),
        ("tests/faq/test_a.py", "tests.home.test_c"),
    ]
