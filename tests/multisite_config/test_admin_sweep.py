"""The generated sweep: every admin URL, filled with another site's ids, requested as each confined role.

Nobody lists the URLs: the sweep walks the whole URLconf (``get_resolver()``), keeps every pattern under
``/admin/``, and fills each parameter from what it is:
- an id (``pk``, ``page_id``, ``image_id``, ``revision_id``, …) with the ids of the other sites' objects
  of the model the view serves, or, where the name and the view do not tell, of every kind;
- an app label and model name with every model that belongs to a site and every page type;
- the bulk-action route with every registered bulk action, ``?id=`` holding the other sites' ids;
and adds ``q`` (and ``id``) holding the other sites' objects. Every other site's record carries a marker
(``zq<site>x``) in its text, the demo filling every site-owned model, so a view added next year that shows
another site's record to a confined user fails here without anyone remembering to list it.

A request fails the sweep when it answers 5xx, or 2xx with a marker of a site the user does not reach.
Each run prints how much it covered (with Wagtail 8.0.1: 377 distinct admin URL patterns, about 3,400
requests per role) and fails if any admin pattern was left unrequested.

Every role is swept twice: with ``AdminSiteConfinementMiddleware`` and without it. The middleware is only a
second line of defence; confinement must hold by construction, where data is read (``within_reach`` in the
views' querysets and ``get_object``), so the sweep without it must be just as clean.
"""

import itertools
import re

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import models
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.log_actions import log
from wagtail.models import (
    Collection,
    Page,
    Site,
    WorkflowPage,
)

from home.models import SectionPage
from multisite_config.models import SiteGroup, SiteProfile, SiteRole
from tests.support.demo import module_demo

# Views that must not be swept: one that raises on purpose, and one that would end the user's session.
NOT_SWEPT = {"wagtailadmin_error_test", "wagtailadmin_logout"}
PAGE_PARAMS = {"page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk"}
NAMED_KINDS = {
    **{name: "page" for name in PAGE_PARAMS},
    "revision_id": "revision",
    "revision_id_a": "revision",
    "revision_id_b": "revision",
    "image_id": "image",
    "document_id": "document",
    "doc_id": "document",
    "collection_id": "collection",
    "task_id": "task",
    "workflow_pk": "workflow",
    "workflow_state_id": "workflowstate",
    "task_state_id": "taskstate",
    "redirect_id": "redirect",
    "user_id": "user",
}
MODEL_PARAMS = ({"app_label", "app_name", "content_type_app_name"}, {"model_name", "content_type_model_name"})
# What names a site in the public directory (its groups, its profile): shown wherever sites are named.
PUBLIC_IDENTITY = {SiteGroup, SiteProfile}
# Values for the few word parameters: the verbs Wagtail's and our own action routes take.
WORDS = ["approve", "reject", "publish", "copy", "move", "delete", "accept", "original", "x"]
# Routes with several parameters try at most this many combinations of them (the first ids are the drafts).
MAX_COMBINATIONS = 24
PARAM = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>|\(\?P<(?P<rname>\w+)>[^)]*\)")


def search_word(site):
    """What the sweep searches for: a word in every marked record of the site (echoed back by search boxes)."""
    return f"zq{site.hostname.split('.')[0]}x"


def leak_word(site):
    """What betrays a leak: a second word in every marked record, never sent in a request."""
    return f"zq{site.hostname.split('.')[0]}seen"


def marker(site):
    return f"{search_word(site)} {leak_word(site)}"


def admin_patterns():
    """(route, view name, view model) of every URL pattern under admin/, from the resolver itself."""
    found = []

    def walk(patterns, prefix, namespaces):
        for pattern in patterns:
            route = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route, namespaces + ([pattern.namespace] if pattern.namespace else []))
            elif isinstance(pattern, URLPattern) and route.startswith("admin/"):
                callback = pattern.callback
                model = getattr(callback, "view_initkwargs", {}).get("model") or getattr(
                    getattr(callback, "view_class", None), "model", None
                )
                if isinstance(model, str):
                    model = apps.get_model(model)
                found.append(
                    (route, ":".join(namespaces + [pattern.name or ""]), model if isinstance(model, type) else None)
                )

    walk(get_resolver().url_patterns, "", [])
    return found


def kind_of(model):
    return model._meta.label_lower if model is not None else None


# --- the other sites' data -------------------------------------------------------------------------------


def site_field(model):
    return next(
        (
            field
            for field in model._meta.concrete_fields
            if isinstance(field, models.ForeignKey)
            and field.related_model is Site
            and field.name in ("site", "target_site")
        ),
        None,
    )


def mark_text(obj, mark):
    """Append the marker to every free text field of a record (names, titles, bodies, codes)."""
    changed = False
    for field in obj._meta.concrete_fields:
        if type(field) not in (models.CharField, models.TextField) or field.choices or field.primary_key:
            continue
        value = getattr(obj, field.name) or ""
        limit = field.max_length or 10_000
        if limit < len(mark) + 2:
            continue
        setattr(obj, field.name, (value[: limit - len(mark) - 1] + " " + mark).strip())
        changed = True
    return changed


def site_collection(site):
    return Collection.get_first_root_node().get_children().get(name=site.siteprofile.short_name)


def build_site(site, owner_group):
    """Mark and collect everything of one site: its records, pages, media, workflow, a user; id pool out."""
    mark = marker(site)
    pool = {}

    def add(obj):
        pool.setdefault(kind_of(type(obj)), []).append(obj.pk)

    for model in apps.get_models():
        field = site_field(model)
        if field is None or model in PUBLIC_IDENTITY:
            continue
        for obj in model._base_manager.filter(**{field.name: site}).order_by("-pk")[:2]:
            if mark_text(obj, mark):
                obj.save()
            add(obj)
            log(instance=obj, action="wagtail.edit")
    user = get_user_model().objects.create_user(f"{search_word(site)}.user", password="x", first_name=mark)
    user.groups.add(owner_group)
    pool["auth.user"] = [user.pk]
    root = site.root_page
    live = root.add_child(
        instance=SectionPage(title=f"Trang {mark}", slug=f"trang-{search_word(site)}", body=f"<p>{mark}</p>")
    )
    live.save_revision(user=user).publish()
    draft = root.add_child(instance=SectionPage(title=f"Nháp {mark}", slug=f"nhap-{search_word(site)}", live=False))
    revision = draft.save_revision(user=user)
    workflow = WorkflowPage.objects.get(page=root).workflow
    workflow.name = f"{workflow.name} {mark}"
    workflow.save()
    task = workflow.tasks.first().specific
    task.name = f"{task.name} {mark}"
    task.save()
    workflow_state = workflow.start(draft, user)
    pool.update(
        {
            "wagtailcore.page": [draft.pk, live.pk],
            "wagtailcore.revision": [revision.pk],
            "wagtailcore.workflow": [workflow.pk],
            "wagtailcore.task": [task.pk],
            "wagtailcore.workflowstate": [workflow_state.pk],
            "wagtailcore.taskstate": list(workflow_state.task_states.values_list("pk", flat=True)),
        }
    )
    collection = site_collection(site)
    child = collection.add_child(name=f"Thư mục {mark}")
    image = get_image_model().objects.create(title=f"Ảnh {mark}", file=get_test_image_file(), collection=collection)
    document = get_document_model().objects.create(
        title=f"Tài liệu {mark}",
        collection=collection,
        file=ContentFile(b"%PDF-1.4 tai lieu", name=f"{search_word(site)}.pdf"),
    )
    redirect = Redirect.objects.create(old_path=f"/{search_word(site)}", site=site, redirect_link="https://example.vn/")
    pool.update(
        {
            "wagtailcore.collection": [child.pk, collection.pk],
            kind_of(type(image)): [image.pk],
            kind_of(type(document)): [document.pk],
            "wagtailredirects.redirect": [redirect.pk],
        }
    )
    log(instance=draft, action="wagtail.edit", user=user)
    return pool


@pytest.fixture(scope="module")
def sweep_sites(django_db_setup, django_db_blocker):
    """The demo on every site, then each of the three demo sites marked; rolled back after the module."""
    with module_demo(django_db_blocker):
        sites = {
            site.hostname: site
            for site in Site.objects.filter(
                hostname__in=["localhost", "hanoi.localhost", "danang.localhost"]
            ).select_related("root_page")
        }
        pools = {}
        for hostname, site in sites.items():
            group = SiteGroup.objects.get(site=site, role=SiteRole.EDITORS).group
            pools[hostname] = build_site(site, group)
        yield sites, pools


# --- the URLs ---------------------------------------------------------------------------------------------


def params_of(route):
    return [match.group("name") or match.group("rname") for match in PARAM.finditer(route)]


def fill(route, values):
    return "/" + PARAM.sub(lambda match: str(values[match.group("name") or match.group("rname")]), route)


def model_pairs(pool):
    page_types = {model._meta.label_lower for model in apps.get_models() if issubclass(model, Page)}
    return sorted({tuple(label.split(".")) for label in itertools.chain(pool, page_types)})


def candidate_values(name, view_model, pool):
    """The values to try for one parameter of one URL."""
    if name in NAMED_KINDS:
        return pool.get(f"wagtailcore.{NAMED_KINDS[name]}") or pool.get(
            next((kind for kind in pool if kind.endswith("." + NAMED_KINDS[name])), ""), []
        )
    if name in ("pk", "object_id"):
        if view_model is not None:  # a model no site owns still gets one id, to catch a 5xx
            return pool.get(kind_of(view_model)) or [next(iter(pool.values()))[0]]
        return sorted({ids[0] for ids in pool.values()})
    return WORDS


def requests_for(route, view_model, pool):
    """Every (url, query) to sweep for one admin route, built from the other sites' id pool."""
    names = params_of(route)
    label = kind_of(view_model)
    # ``?id=`` (chosen-multiple views, bulk actions): the ids of the view's model, or of every kind
    ids = pool.get(label) or sorted({pk for kind_ids in pool.values() for pk in kind_ids})
    query = {"id": ids}
    if route.startswith("admin/bulk/"):
        for app_label, model_name, action in bulk_targets():
            wanted = pool.get(f"{app_label}.{model_name}", [])
            for id_value in (wanted or ["all"], ["all"]):
                values = {"app_label": app_label, "model_name": model_name, "action": action}
                yield fill(route, values), {"id": id_value}
        return
    pair_names = [name for name in names if name in MODEL_PARAMS[0] | MODEL_PARAMS[1]]
    pairs = model_pairs(pool) if pair_names else [None]
    other = [name for name in names if name not in pair_names]
    choices = [candidate_values(name, view_model, pool) or [0] for name in other]
    for pair in pairs:
        for combo in itertools.islice(itertools.product(*choices), MAX_COMBINATIONS):
            values = dict(zip(other, combo, strict=True))
            if pair is not None:
                for name in pair_names:
                    values[name] = pair[0] if name in MODEL_PARAMS[0] else pair[1]
            yield fill(route, values), query


def bulk_targets():
    bulk_action_registry._scan_for_bulk_actions()  # the registry fills itself from the hooks on first use
    return sorted(
        (app_label, model_name, action_type)
        for app_label, by_model in bulk_action_registry.actions.items()
        for model_name, actions in by_model.items()
        for action_type in actions
    )


def judge(response, leaks):
    """What is wrong with one answer: a 5xx, or a 2xx showing a marker of a site the user does not reach."""
    if response.status_code >= 500:
        return str(response.status_code)
    if 200 <= response.status_code < 300:
        body = b"".join(response) if response.streaming else response.content
        text = body.decode(errors="replace").lower()
        leaked = [word for word in leaks if word in text]
        if leaked:
            return f"{response.status_code} shows {leaked}"
    return None


def without_confinement_middleware():
    """Settings with the URL middleware removed: what is left must confine by itself."""
    return override_settings(MIDDLEWARE=[m for m in settings.MIDDLEWARE if "AdminSiteConfinementMiddleware" not in m])


@pytest.mark.parametrize("middleware", ["with-middleware", "without-middleware"])
@pytest.mark.parametrize("hostname", ["hanoi.localhost", "danang.localhost"])
@pytest.mark.parametrize("role", [SiteRole.EDITORS, SiteRole.BOARD, SiteRole.QA_OFFICERS])
def test_no_admin_url_shows_another_sites_records(sweep_sites, db, hostname, role, middleware):
    if middleware == "without-middleware":
        with without_confinement_middleware():
            sweep(sweep_sites, hostname, role)
    else:
        sweep(sweep_sites, hostname, role)


def sweep(sweep_sites, hostname, role):
    sites, pools = sweep_sites
    own = sites[hostname]
    foreign = [site for name, site in sites.items() if name != hostname]
    pool = {}
    for site in foreign:
        for kind, ids in pools[site.hostname].items():
            pool.setdefault(kind, []).extend(ids)
    leaks = [leak_word(site) for site in foreign]
    searches_all = [search_word(site) for site in foreign]
    user = get_user_model().objects.create_user(f"sweep.{role}", password="x")
    user.groups.add(SiteGroup.objects.get(site=own, role=role).group)
    client = Client(raise_request_exception=False)
    client.force_login(user)

    patterns = [
        entry for entry in admin_patterns() if entry[1].split(":")[-1] not in NOT_SWEPT and entry[1] not in NOT_SWEPT
    ]
    failures, requested, routes = [], 0, set()
    for route, name, view_model in patterns:
        searches = searches_all if not params_of(route) else searches_all[:1]  # listings: search for each site's marker
        for url, query in requests_for(route, view_model, pool):
            for q in searches:
                response = client.get(url, {**query, "q": q})
                requested += 1
                routes.add(route)
                failure = judge(response, leaks)
                if failure:
                    failures.append(f"{failure}: {url}?q={q} ({name})")
    guarded = "on" if any("AdminSiteConfinementMiddleware" in m for m in settings.MIDDLEWARE) else "off"
    print(f"sweep {hostname} {role} (middleware {guarded}): {len(routes)} admin URL patterns, {requested} requests")
    assert not failures, "\n".join(failures)
    assert routes == {pattern[0] for pattern in patterns}
