"""What a write to the legal records purges (``core/response_cache/invalidation.py``).

A comment on a draft shows publicly once approved (on the draft's page, its comment list and its summary
report): a comment waiting for moderation purges nothing, approving or rejecting it purges the draft.
A draft's versions and articles show on the draft's page while it is live. A document that replaces or
rests on another is named on that other's page too.
"""

from core.response_cache import tags
from core.response_cache.invalidation import page_tags, register

from .models import (
    CommentStatus,
    DraftArticle,
    DraftComment,
    DraftVersion,
    LegalDocumentBasis,
    LegalDocumentReplacement,
    ProcedureBasis,
)


def comment_tags(comment):
    if comment.status != CommentStatus.APPROVED:
        return []
    return [tags.page(comment.draft_id), tags.listing("drafts", comment.site_id)]


def draft_tags(draft):
    return page_tags(draft) if draft.live else set()


def linked_tags(link, target_field):
    """A link between two documents shows on both pages while the linking page is live."""
    if not link.page.live:
        return set()
    return page_tags(link.page) | {tags.page(getattr(link, f"{target_field}_id"))}


def connect():
    register(DraftComment, comment_tags)
    register(DraftVersion, lambda version: draft_tags(version.draft))
    register(DraftArticle, lambda article: draft_tags(article.version.draft))
    register(LegalDocumentReplacement, lambda link: linked_tags(link, "replaced"))
    register(LegalDocumentBasis, lambda link: linked_tags(link, "basis"))
    register(ProcedureBasis, lambda link: linked_tags(link, "basis"))
