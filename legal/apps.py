from django.apps import AppConfig

from core.sections import StandardSection


class LegalConfig(AppConfig):
    """Legal documents, drafts for comment and administrative procedures: built by the legal-documents issue."""

    name = "legal"
    verbose_name = "Văn bản – Thủ tục hành chính"
    standard_sections = [
        StandardSection(
            30,
            "van-ban-thu-tuc-hanh-chinh",
            "Văn bản – Thủ tục hành chính",
            "legal.LegalDocumentIndexPage",
            text_field="intro",
            demo_text=(
                "<p>Văn bản quy phạm pháp luật, văn bản chỉ đạo điều hành được đăng ngay khi ký ban hành; "
                "thủ tục hành chính theo cơ chế một cửa và dịch vụ công trực tuyến.</p>"
            ),
        ),
    ]
    demo_loaders = [
        (30, "legal.demo.load_legal_demo"),
        (31, "legal.demo_drafts.load_draft_demo"),
        (32, "legal.demo_comments.load_comments_demo"),
        (33, "legal.demo_procedures.load_procedures_demo"),
    ]
    home_panels = [(20, "legal.home_panels.open_drafts")]

    def ready(self):
        from wagtail.signals import page_published

        from . import cache_tags
        from .models import DraftDocumentPage
        from .versions import record_published_version

        page_published.connect(record_published_version, sender=DraftDocumentPage, dispatch_uid="legal-draft-versions")
        cache_tags.connect()
