from .document_types import DocumentType
from .documents import (
    LegalDocumentAttachment, LegalDocumentBasis, LegalDocumentPage, LegalDocumentReplacement, Status,
)
from .index import LegalDocumentIndexPage

__all__ = [
    "DocumentType", "LegalDocumentAttachment", "LegalDocumentBasis", "LegalDocumentIndexPage", "LegalDocumentPage",
    "LegalDocumentReplacement", "Status",
]
