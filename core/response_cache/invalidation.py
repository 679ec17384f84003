"""Which tags a committed write purges, and the purge itself after the commit.

A write purges the tags of what it changes, and nothing when what it changes shows nowhere public:
- **pages**: a save of a live page purges the page, its parent's list of children, the lists its type
  feeds on its site (``cache_lists`` on the page class: ``("news",)``), the site's tree (``pages-<site>``),
  the layout when it is a menu section, and the whole site when it is the home page; an editor's draft save
  (a revision, the ``latest_revision`` and ``draft_title`` columns) purges nothing, nor does a page that was
  never live. Unpublishing, moving and deleting a live page purge the same (a move the whole site).
- **records of the apps**: each app registers, for each of its models, the tags the record shows under when
  it is public (``register``). A record is looked at before and after the write, so approving a pending
  question purges where it now shows and withdrawing one purges where it showed; a pending one purges nothing.
- **inline rows of a page** (a ``ParentalKey`` to a page) purge their page when it is live;
  **images and documents** purge the live pages that use them (Wagtail's reference index): a new upload
  shows nowhere yet;
- **site settings** purge when changed, not when ``for_site`` first creates them with their defaults;
- **models listed in ``RESPONSE_CACHE["IGNORED_MODELS"]``** (sessions, logs, revisions, counters, the outbox)
  purge nothing;
- **every other model** purges ``all``: a model added next year stays correct before anyone registers it.

Tags are gathered per transaction and purged once when it commits: purging before would let a request that
read the old rows store them under the new versions; a rolled-back write purges nothing.
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_migrate, pre_save
from modelcluster.fields import ParentalKey
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.signals import page_unpublished, post_page_move

from . import clock, purgers, store, tags

Purges = Callable[[Any], Iterable[str]]

_registry: dict[type[Model], Purges] = {}

# Columns a draft save, a lock or a workflow step writes on a page: none of them changes what the public sees.
PRIVATE_PAGE_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "wagtail_admin_comments",
        "locked",
        "locked_at",
        "locked_by",
        "go_live_at",
        "expire_at",
        "approved_go_live_at",
    }
)
PENDING_ATTRIBUTE = "_response_cache_pending_tags"


def register(model: type[Model], purges: Purges) -> None:
    """Declares the tags a record of ``model`` shows under while it is public (nothing when it is not).

    For a page type, the tags are added to those every page purges (a news article: the sites it is shared
    with).
    """
    _registry[model] = purges


def registered(model: type[Model]) -> Purges | None:
    for klass in model.__mro__:
        if klass in _registry:
            return _registry[klass]
    return None


def site_roots() -> list[tuple[int, str, int]]:
    return list(Site.objects.values_list("id", "root_page__path", "root_page__depth"))


def page_tags(page: Page) -> set[str]:
    """What a live page shows under: itself, its parent's children, its site's lists, layout and tree."""
    found = {tags.page(page.pk), tags.children(page.path[: -Page.steplen])}
    lists = getattr(page, "cache_lists", ())
    for site_id, root_path, root_depth in site_roots():
        if not page.path.startswith(root_path):
            continue
        found.add(tags.listing("pages", site_id))
        found.update(tags.listing(name, site_id) for name in lists)
        if page.depth == root_depth:
            found.add(tags.site(site_id))
        elif page.depth == root_depth + 1:
            found.add(tags.layout(site_id))
    if extra := registered(type(page)):
        found.update(extra(page))
    return found


def record_tags(instance: Model) -> set[str]:
    """The tags ``instance`` shows under as it is now (see the module's docstring for the rules)."""
    model = type(instance)
    if isinstance(instance, Page):
        return page_tags(instance) if instance.live else set()
    if purges := registered(model):
        return set(purges(instance))
    if issubclass(model, (get_image_model(), get_document_model())):
        return users_of(instance)
    if parent := live_parent_page(instance):
        return page_tags(parent)
    if parent is False:
        return set()
    return {tags.ALL}


def live_parent_page(instance: Model) -> Page | bool | None:
    """The live page an inline row belongs to; False for a row of a page that is not live; None: no page."""
    for field in instance._meta.concrete_fields:
        if isinstance(field, ParentalKey) and issubclass(field.related_model, Page):
            parent = getattr(instance, field.name, None)
            return parent if parent is not None and parent.live else False
    return None


def users_of(instance: Model) -> set[str]:
    """The tags of the live pages that use an image or a document."""
    references = ReferenceIndex.get_references_to(instance).filter(base_content_type__model="page")
    page_ids = {int(object_id) for object_id in references.values_list("object_id", flat=True)}
    found: set[str] = set()
    for page in Page.objects.filter(pk__in=page_ids, live=True).specific():
        found |= page_tags(page)
    return found


def is_ignored(model: type[Model], update_fields: Iterable[str] | None = None) -> bool:
    if model._meta.label in settings.RESPONSE_CACHE["IGNORED_MODELS"]:
        return True
    if update_fields is None:
        return False
    changed = set(update_fields)
    return changed <= {"last_login"} or (issubclass(model, Page) and changed <= PRIVATE_PAGE_FIELDS)


class Batch:
    """The tags the writes of one transaction purge, sent together by the first of its callbacks to run."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection
        self.tags: set[str] = set()

    def flush(self) -> None:
        found, self.tags = self.tags, set()
        if getattr(self.connection, PENDING_ATTRIBUTE, None) is self:
            setattr(self.connection, PENDING_ATTRIBUTE, None)
        purge_now(found)

    def is_waiting(self) -> bool:
        """True while one of its callbacks still waits for the commit (a rollback discards them all)."""
        return any(callback == self.flush for _savepoints, callback, _robust in self.connection.run_on_commit)


class Migrating:
    """Whether ``manage.py migrate`` is applying migrations in this process.

    Their writes purge nothing one by one: the tables a purge reads (``cms.PendingPurge``) may not exist yet on
    a new database, and a schema change is a change of everything anyway, so the end of the run purges ``all``
    once (the first ``post_migrate``; what later receivers write, content types and permissions, is purged as
    usual, every table being there).
    """

    active = False

    @classmethod
    def started(cls, **kwargs: Any) -> None:
        cls.active = True

    @classmethod
    def finished(cls, **kwargs: Any) -> None:
        if cls.active:
            cls.active = False
            purge_now({tags.ALL})


def purge_after_commit(found: set[str], using: str | None = None) -> None:
    """Adds ``found`` to the tags purged when the current transaction commits.

    Every write registers a callback, so a savepoint rolled back discards only its own; the first callback to
    run purges every tag gathered by the transaction and the others find nothing left: one purge per commit.
    A transaction rolled back discards its callbacks, and its tags go with them.
    """
    if not found or Migrating.active:
        return
    connection = connections[using or DEFAULT_DB_ALIAS]
    batch: Batch | None = getattr(connection, PENDING_ATTRIBUTE, None)
    if batch is None or not batch.is_waiting():
        batch = Batch(connection)
        setattr(connection, PENDING_ATTRIBUTE, batch)
    batch.tags |= found
    transaction.on_commit(batch.flush, using=using)


def purge_now(found: set[str]) -> None:
    """Purges ``found`` from the nodes' cache and from every shared cache in front."""
    if not found:
        return
    store.purge(found)
    clock.forget_moment()
    purgers.send(found)


def before_save(sender: type[Model], instance: Model, raw: bool = False, **kwargs: Any) -> None:
    """Notes what a registered record showed under before this write (approving one changes where it shows)."""
    if raw or instance.pk is None or is_ignored(sender) or isinstance(instance, Page) or not registered(sender):
        return
    previous = sender._default_manager.filter(pk=instance.pk).first()
    instance._response_cache_before = record_tags(previous) if previous else set()  # type: ignore[attr-defined]


def saved(sender: type[Model], instance: Model, raw: bool = False, created: bool = False, **kwargs: Any) -> None:
    if raw or is_ignored(sender, kwargs.get("update_fields")):
        return
    if created and isinstance(instance, BaseSiteSetting):
        return  # made with its defaults the first time a page reads it (``for_site``): nothing shown changes
    before: set[str] = getattr(instance, "_response_cache_before", set())
    purge_after_commit(before | record_tags(instance), kwargs.get("using"))


def deleted(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    if not is_ignored(sender):
        purge_after_commit(record_tags(instance), kwargs.get("using"))


def relations_changed(sender: type[Model], instance: Model, action: str, **kwargs: Any) -> None:
    if action.startswith("post_") and not is_ignored(type(instance)):
        purge_after_commit(record_tags(instance), kwargs.get("using"))


def unpublished(sender: type[Page], instance: Page, **kwargs: Any) -> None:
    purge_after_commit(page_tags(instance))


def moved(sender: type[Page], instance: Page, **kwargs: Any) -> None:
    """A move changes the URL of the page and of everything under it: every site it left or joined."""
    before = kwargs["parent_page_before"]
    after = kwargs["parent_page_after"]
    found = page_tags(instance) | {tags.children(before.path), tags.children(after.path)}
    for site_id, root_path, _depth in site_roots():
        if before.path.startswith(root_path) or after.path.startswith(root_path):
            found.add(tags.site(site_id))
    purge_after_commit(found)


def connect() -> None:
    """Called from CoreConfig.ready(): every model's writes, and Wagtail's unpublish and move signals."""
    pre_save.connect(before_save, dispatch_uid="response-cache-before-save")
    post_save.connect(saved, dispatch_uid="response-cache-saved")
    post_delete.connect(deleted, dispatch_uid="response-cache-deleted")
    m2m_changed.connect(relations_changed, dispatch_uid="response-cache-relations")
    page_unpublished.connect(unpublished, dispatch_uid="response-cache-unpublished")
    post_page_move.connect(moved, dispatch_uid="response-cache-moved")
    pre_migrate.connect(Migrating.started, dispatch_uid="response-cache-migrating")
    post_migrate.connect(Migrating.finished, dispatch_uid="response-cache-migrated")
