"""Admin for the shared list of document types (model permissions: the national centre edits it)."""
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import DocumentType


class DocumentTypeViewSet(SnippetViewSet):
    model = DocumentType
    icon = "doc-full"
    menu_label = "Loại văn bản"
    add_to_admin_menu = False
    list_display = ["name", "slug"]


register_snippet(DocumentTypeViewSet)
