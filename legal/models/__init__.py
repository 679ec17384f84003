from .comments import CommentDecision, CommentStatus, DraftComment
from .document_types import DocumentType
from .documents import (
    LegalDocumentAttachment,
    LegalDocumentBasis,
    LegalDocumentPage,
    LegalDocumentReplacement,
    Status,
)
from .drafts import (
    ArticleChange,
    ArticleKind,
    CommentPeriodRule,
    DraftArticle,
    DraftAttachment,
    DraftDocumentPage,
    DraftState,
    DraftVersion,
)
from .index import LegalDocumentIndexPage
from .procedures import AdministrativeProcedurePage, OnlineLevel, ProcedureBasis, ProcedureLevel

__all__ = [
    "AdministrativeProcedurePage",
    "ArticleChange",
    "ArticleKind",
    "CommentDecision",
    "CommentPeriodRule",
    "CommentStatus",
    "DocumentType",
    "DraftArticle",
    "DraftAttachment",
    "DraftComment",
    "DraftDocumentPage",
    "DraftState",
    "DraftVersion",
    "LegalDocumentAttachment",
    "LegalDocumentBasis",
    "LegalDocumentIndexPage",
    "LegalDocumentPage",
    "LegalDocumentReplacement",
    "OnlineLevel",
    "ProcedureBasis",
    "ProcedureLevel",
    "Status",
]
