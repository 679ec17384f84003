"""Every site's live "Liên hệ" section, a plain SectionPage until now, becomes a ContactPage in place.

Same page id, path, URL, revisions and history: the page's row in ``home_sectionpage`` is replaced by one in
``contacts_contactpage`` carrying its body, and the page and what records its type (revisions, workflow
states, log entries, the reference and search indexes) switch content type. ``bootstrap_portal`` finds a
standard section by its slug, so on such a database it creates no second "Liên hệ". A lead written on the old
page opens the new body: a ContactPage has no lead, and no text an editor wrote is dropped.

Rows are written with SQL rather than saved: saving a page type onto an existing page would also write (or,
deleting, remove) the ``wagtailcore_page`` row that both types share.
"""

from django.db import connections, migrations
from django.utils.html import escape

SLUG = "lien-he"
# Models that name a page's specific type next to its id.
TYPED_RECORDS = (
    "wagtailcore.Revision",
    "wagtailcore.WorkflowState",
    "wagtailcore.ReferenceIndex",
    "wagtailsearch.IndexEntry",
)


def contact_sections(apps, using):
    """The live "lien-he" SectionPages right under a site's home page, by page id."""
    Site = apps.get_model("wagtailcore", "Site")
    SectionPage = apps.get_model("home", "SectionPage")
    sections = {}
    for site in Site.objects.using(using).select_related("root_page"):
        root = site.root_page
        under_root = SectionPage.objects.using(using).filter(depth=root.depth + 1, path__startswith=root.path)
        sections.update((section.pk, section) for section in under_root.filter(slug=SLUG, live=True))
    return sections


def convert_contact_sections(apps, using):
    """Make each site's "Liên hệ" SectionPage a ContactPage; returns the ids of the pages converted."""
    sections = contact_sections(apps, using)
    rows = {
        pk: {"body": f"<p>{escape(section.lead)}</p>{section.body}" if section.lead else section.body}
        for pk, section in sections.items()
    }
    retype(apps, using, apps.get_model("home", "SectionPage"), apps.get_model("contacts", "ContactPage"), rows)
    return sorted(rows)


def revert_contact_pages(apps, using):
    """Back to SectionPages (without a lead), before the ContactPage table goes."""
    ContactPage = apps.get_model("contacts", "ContactPage")
    SectionPage = apps.get_model("home", "SectionPage")
    # The site search's columns (home 0005) when they exist: empty, filled again when the page is next saved.
    search = {name: "" for name in ("search_text", "search_title") if hasattr(SectionPage, name)}
    rows = {page.pk: {"lead": "", "body": page.body, **search} for page in ContactPage.objects.using(using)}
    retype(apps, using, ContactPage, SectionPage, rows)


def retype(apps, using, source, target, rows):
    """Turn the pages ``rows`` names ({page id: {column: value}}) from ``source`` pages into ``target`` ones."""
    ids = list(rows)
    connection = connections[using]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for pk, values in rows.items():
            columns = ", ".join(quote(column) for column in ["page_ptr_id", *values])
            placeholders = ", ".join(["%s"] * (len(values) + 1))
            cursor.execute(
                f"INSERT INTO {quote(target._meta.db_table)} ({columns}) VALUES ({placeholders})",
                [pk, *values.values()],
            )
            cursor.execute(f"DELETE FROM {quote(source._meta.db_table)} WHERE page_ptr_id = %s", [pk])
    ContentType = apps.get_model("contenttypes", "ContentType")
    old, new = (
        ContentType.objects.db_manager(using).get_or_create(
            app_label=model._meta.app_label, model=model._meta.model_name
        )[0]
        for model in (source, target)
    )
    apps.get_model("wagtailcore", "Page").objects.using(using).filter(pk__in=ids).update(content_type=new)
    apps.get_model("wagtailcore", "PageLogEntry").objects.using(using).filter(page__in=ids, content_type=old).update(
        content_type=new
    )
    object_ids = [str(pk) for pk in ids]
    for label in TYPED_RECORDS:
        records = apps.get_model(label).objects.using(using)
        records.filter(content_type=old, object_id__in=object_ids).update(content_type=new)


def forwards(apps, schema_editor):
    convert_contact_sections(apps, schema_editor.connection.alias)


def backwards(apps, schema_editor):
    revert_contact_pages(apps, schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("contacts", "0003_contactpage"),
        ("home", "0002_newsindexpage_newspage_royalty_newsshare"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
