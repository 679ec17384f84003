from django.apps import AppConfig


class LegalConfig(AppConfig):
    """Legal documents, drafts for comment and administrative procedures: built by the legal-documents issue."""

    name = "legal"
    verbose_name = "Văn bản – Thủ tục hành chính"
