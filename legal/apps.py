from django.apps import AppConfig


class LegalConfig(AppConfig):
    """Legal documents, drafts for comment and administrative procedures: built by the legal-documents issue."""

    name = "legal"
    verbose_name = "Văn bản – Thủ tục hành chính"

    def ready(self):
        from wagtail.signals import page_published

        from .models import DraftDocumentPage
        from .versions import record_published_version

        page_published.connect(record_published_version, sender=DraftDocumentPage,
                               dispatch_uid="legal-draft-versions")
