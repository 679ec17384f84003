"""Demo content of the legal app: the seed documents imported into the national site's documents section."""
from wagtail.models import Site

from .importer import NoDocumentsSection, import_seed_documents


def load_legal_demo(report):
    """Idempotent like the importer; a database whose section predates this app is reported, not changed."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    try:
        result = import_seed_documents(site)
    except NoDocumentsSection as error:
        report.warnings.append(str(error))
        return
    for name, warnings in result.warnings.items():
        report.warnings.extend(f"văn bản mẫu {name}: {warning}" for warning in warnings)
    for page in result.created:
        report.change(f"demo: văn bản {page.number or page.title} trên {site.hostname}")
    for page in result.updated:
        report.change(f"demo: cập nhật văn bản {page.number or page.title} trên {site.hostname}")
