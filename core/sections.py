"""What every site gets, declared by the app that owns it and read by the project's bootstrap.

An app's ``AppConfig`` may declare:

- ``site_root_model``: the page type of a site's home page (``"home.HomePage"``), exactly one app;
- ``standard_sections``: the ``StandardSection`` items under every home page that are this app's;
- ``demo_loaders``: ``(position, "dotted.path")`` of the functions ``bootstrap_portal --demo`` calls with
  the run's report, in position order across apps.

So the bootstrap creates a section without importing its page type, and a new app adds its section or demo by
declaring it, not by editing the project.
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


def declared(attribute: str) -> list[Any]:
    return [item for config in apps.get_app_configs() for item in getattr(config, attribute, ())]


def standard_sections() -> list[StandardSection]:
    return sorted(declared("standard_sections"), key=attrgetter("position"))


def site_root_model() -> type[Model]:
    (model,) = {config.site_root_model for config in apps.get_app_configs() if hasattr(config, "site_root_model")}
    return apps.get_model(model)


def demo_loaders() -> list[Callable[..., object]]:
    return [import_string(path) for _position, path in sorted(declared("demo_loaders"), key=itemgetter(0))]
