"""README works beside a fresh clone: every file it links exists in the repository, it sends nobody to design
files outside it, and the public URLs it gives are routes the portal serves."""

import re
from pathlib import Path

from django.urls import resolve

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_file_readme_links_is_in_the_clone():
    links = re.findall(r"\]\(([^)#\s]+)", README)
    missing = [link for link in links if "://" not in link and not (ROOT / link).exists()]

    assert links and missing == []


def test_readme_points_to_nothing_outside_the_clone():
    assert "../shared" not in README and "DESIGN.md" not in README


def test_the_summary_report_url_in_readme_is_the_portals_route():
    url = re.search(r"`(/du-thao/<page id>/bao-cao-tong-hop/)`", README).group(1)

    assert resolve(url.replace("<page id>", "12")).url_name == "draft-report"
