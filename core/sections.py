"""What every site gets, declared by the app that owns it and read by the project's bootstrap.

An app's ``AppConfig`` may declare:

- ``site_root_model``: the page type of a site's home page (``"home.HomePage"``), exactly one app;
- ``standard_sections``: the ``StandardSection`` items under every home page that are this app's;
- ``demo_loaders``: ``(position, "dotted.path")`` of the functions ``bootstrap_portal --demo`` calls with
  the run's report, in position order across apps;
- ``home_panels``: ``(position, "dotted.path")`` of the functions a site's home page calls with the request and
  the site, each returning a ``HomePanel`` (or None when it has nothing to show), in position order across apps.

So the bootstrap creates a section without importing its page type, the home page shows the drafts open for
comment without importing the legal app (which sits beside it, not below), and a new app adds its section, demo
or home panel by declaring it, not by editing the project.
"""

from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from typing import Any

from django.apps import apps
from django.db.models import Model
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class StandardSection:
    """A section page created under every site's home page (menu order = ``position``)."""

    position: int
    slug: str
    title: str
    model: str
    # Demo only: the introductory HTML ({name} is the unit's full name) and the field of the page type it fills.
    demo_text: str = ""
    text_field: str = ""

    def page_model(self) -> type[Model]:
        return apps.get_model(self.model)


@dataclass(frozen=True)
class HomePanel:
    """One block of a home page an app fills: its template and what that template shows (``panel.data``)."""

    template: str
    data: dict[str, Any]


def declared(attribute: str) -> list[Any]:
    return [item for config in apps.get_app_configs() for item in getattr(config, attribute, ())]


def standard_sections() -> list[StandardSection]:
    return sorted(declared("standard_sections"), key=attrgetter("position"))


def site_root_model() -> type[Model]:
    (model,) = {config.site_root_model for config in apps.get_app_configs() if hasattr(config, "site_root_model")}
    return apps.get_model(model)


def demo_loaders() -> list[Callable[..., object]]:
    return [import_string(path) for _position, path in sorted(declared("demo_loaders"), key=itemgetter(0))]


def home_panels() -> list[Callable[..., HomePanel | None]]:
    return [import_string(path) for _position, path in sorted(declared("home_panels"), key=itemgetter(0))]
