"""Demo content of the legal app: the seed documents imported into the national site and Hà Nội.

Hà Nội (code 01) gets its own copy because each site's "Văn bản" section lists only its own documents,
and the demo procedures of Hà Nội cite them as their legal basis.
"""

from multisite_config.models import SiteProfile

from .importer import NoDocumentsSection, import_seed_documents

DEMO_SITE_CODES = ["00", "01"]  # the national portal, then Hà Nội


def load_legal_demo(report):
    """Idempotent like the importer; a database whose section predates this app is reported, not changed."""
    profiles = SiteProfile.objects.filter(code__in=DEMO_SITE_CODES).select_related("site").order_by("code")
    for profile in profiles:
        import_on(profile.site, report)


def import_on(site, report):
    try:
        result = import_seed_documents(site)
    except NoDocumentsSection as error:
        report.warnings.append(str(error))
        return
    for name, warnings in result.warnings.items():
        report.warnings.extend(f"văn bản mẫu {name} ({site.hostname}): {warning}" for warning in warnings)
    for page in result.created:
        report.change(f"demo: văn bản {page.number or page.title} trên {site.hostname}")
    for page in result.updated:
        report.change(f"demo: cập nhật văn bản {page.number or page.title} trên {site.hostname}")
