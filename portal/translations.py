"""The portal's own translation catalogues (locale/, LOCALE_PATHS) compiled to .mo without GNU gettext.

Wagtail's Vietnamese catalogue covers about a tenth of its admin; ours (locale/vi/LC_MESSAGES/*.po) fills the
rest and wins over it. The .mo files are built, not committed: `make install` runs `manage.py
compile_translations`, and the test suite compiles a stale catalogue before it starts (tests/conftest.py), so a
fresh clone, `make run`, `make test` and CI all read the .po as it is. polib (pure Python) writes the .mo, so
no machine needs msgfmt.
"""

from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def catalogues() -> list[Path]:
    return sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))


def stale(po: Path) -> bool:
    mo = po.with_suffix(".mo")
    return not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime


def compile_catalogues(force: bool = False) -> list[Path]:
    """Write the .mo of every .po that has none or an older one (every one with ``force``); the .mo written."""
    written = []
    for po in catalogues():
        if force or stale(po):
            polib.pofile(str(po)).save_as_mofile(str(po.with_suffix(".mo")))
            written.append(po.with_suffix(".mo"))
    return written
