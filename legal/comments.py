"""What happens to a comment on a draft: it is received, grouped with its campaign, moderated and answered.

Both doors (the HTML form and the API) call ``submit``, and the admin calls ``approve``, ``reject`` and
``decide``, so the rules (the comment window, the article must exist in the latest version, a decision is
only recorded on a comment that was not rejected) are judged here once. Every step is written to Wagtail's
audit log under the actions of ``LOG_ACTIONS``.

Campaigns: organised sending of the same text is common on public consultations. Such comments are kept
(each counts as one person's view) but linked to the first comment of their group, so moderators see one
group with its size. Identical texts are found by ``fingerprint``; near-identical ones by comparing word
shingles with the latest ``RECENT_WINDOW`` comments of the draft, which keeps the work per comment bounded.
"""

import hashlib
import re

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log

from core.record_actions import ActionRefused
from core.text import fold

from .models import CommentDecision, CommentStatus, DraftComment, DraftState

SIMILARITY_THRESHOLD = 0.8
RECENT_WINDOW = 200
SHINGLE_SIZE = 3
_NOT_WORD = re.compile(r"[^a-z0-9]+")

LOG_ACTIONS = {
    "submit": ("legal.comment.submit", _("Góp ý dự thảo: tiếp nhận ý kiến")),
    "approve": ("legal.comment.approve", _("Góp ý dự thảo: duyệt công khai")),
    "reject": ("legal.comment.reject", _("Góp ý dự thảo: không duyệt")),
    "decide": ("legal.comment.decide", _("Góp ý dự thảo: ghi tiếp thu, giải trình")),
}


class CommentError(ActionRefused):
    """A step the rules do not allow; the message is shown to the person as it is."""


class OutsideWindow(CommentError):
    """The draft is not open for comment now (``state`` says whether it is upcoming or closed)."""

    def __init__(self, draft, state):
        self.draft, self.state = draft, state
        local = timezone.localtime
        if state == DraftState.UPCOMING:
            message = (
                f"Dự thảo chưa mở lấy ý kiến: thời gian góp ý từ {local(draft.opens_at):%H:%M %d/%m/%Y} "
                f"đến {local(draft.closes_at):%H:%M %d/%m/%Y}."
            )
        else:
            message = (
                f"Dự thảo đã hết hạn lấy ý kiến lúc {local(draft.closes_at):%H:%M %d/%m/%Y}; "
                "ý kiến không được ghi nhận."
            )
        super().__init__(message)


class UnknownArticle(CommentError):
    def __init__(self, anchor):
        self.anchor = anchor
        super().__init__(f"Dự thảo không có điều khoản mang mã “{anchor}”.")


def normalised_words(text):
    """The words of a text folded (no diacritics, no case) and stripped of punctuation."""
    return _NOT_WORD.sub(" ", fold(text)).split()


def fingerprint(text):
    """The same for texts that differ only in case, diacritics, punctuation and spacing."""
    return hashlib.sha256(" ".join(normalised_words(text)).encode()).hexdigest()


def shingles(text):
    words = normalised_words(text)
    if len(words) < SHINGLE_SIZE:
        return {" ".join(words)}
    return {" ".join(words[i : i + SHINGLE_SIZE]) for i in range(len(words) - SHINGLE_SIZE + 1)}


def similarity(first, second):
    """Jaccard similarity of two shingle sets."""
    union = first | second
    return len(first & second) / len(union) if union else 0.0


def find_campaign(draft, body, print_):
    """The first comment of the group this text belongs to on this draft, or None if it is a new text."""
    same = DraftComment.objects.filter(draft=draft, fingerprint=print_).order_by("submitted_at", "pk").first()
    if same is not None:
        return same.campaign or same
    mine = shingles(body)
    recent = DraftComment.objects.filter(draft=draft).order_by("-submitted_at", "-pk")[:RECENT_WINDOW]
    matches = [
        comment
        for comment in recent.only("pk", "body", "campaign_id", "submitted_at")
        if similarity(mine, shingles(comment.body)) >= SIMILARITY_THRESHOLD
    ]
    if not matches:
        return None
    first = min(matches, key=lambda comment: (comment.submitted_at, comment.pk))
    return DraftComment.objects.get(pk=first.campaign_id) if first.campaign_id else first


def latest_version(draft):
    return draft.versions.order_by("-number").first()


def find_article(draft, anchor):
    """(version, article) for an anchor of the draft's latest version; (latest, None) without an anchor."""
    version = latest_version(draft)
    if not anchor:
        return version, None
    article = version.articles.filter(anchor=anchor).first() if version else None
    if article is None:
        raise UnknownArticle(anchor)
    return version, article


def submit(draft, *, name, email, body, publish_name, organisation="", article_anchor="", now=None):
    """Record a comment held for moderation; refuses (and saves nothing) outside the window."""
    state = draft.state(now)
    if state != DraftState.OPEN:
        raise OutsideWindow(draft, state)
    version, article = find_article(draft, article_anchor)
    return store(
        draft,
        version,
        article,
        name=name,
        email=email,
        organisation=organisation,
        body=body,
        publish_name=publish_name,
        submitted_at=now or timezone.now(),
    )


def store(draft, version, article, *, body, submitted_at, **commenter):
    """Save a comment made on ``article`` of ``version`` (or on the whole draft), grouped with its campaign.

    The window is ``submit``'s business; the demo content stores comments on an older version through here.
    """
    print_ = fingerprint(body)
    with transaction.atomic():
        comment = DraftComment.objects.create(
            site=draft.get_site(),
            draft=draft,
            version=version,
            article=article,
            article_anchor=article.anchor if article else "",
            body=body,
            fingerprint=print_,
            campaign=find_campaign(draft, body, print_),
            submitted_at=submitted_at,
            **commenter,
        )
        log(comment, LOG_ACTIONS["submit"][0], data={"note": f"dự thảo {draft.pk}"})
    return comment


def approve(comment, user):
    if comment.status == CommentStatus.APPROVED:
        raise CommentError("Ý kiến này đã được duyệt.")
    _moderate(comment, user, CommentStatus.APPROVED, reason="")


def reject(comment, user, reason):
    if not reason.strip():
        raise CommentError("Cần ghi lý do không duyệt.")
    _moderate(comment, user, CommentStatus.REJECTED, reason=reason.strip())


def _moderate(comment, user, status, reason):
    previous = comment.status
    comment.status, comment.rejection_reason = status, reason
    comment.moderated_at, comment.moderated_by = timezone.now(), user
    with transaction.atomic():
        comment.save(update_fields=["status", "rejection_reason", "moderated_at", "moderated_by"])
        action = "approve" if status == CommentStatus.APPROVED else "reject"
        log(comment, LOG_ACTIONS[action][0], user=user, data={"from": previous, "to": status, "note": reason})


def decide(comment, user, decision, response):
    """The drafting unit's answer to one comment; a rejected comment gets none (it is not in the report)."""
    if comment.status == CommentStatus.REJECTED:
        raise CommentError("Ý kiến không được duyệt thì không ghi tiếp thu, giải trình.")
    if decision not in CommentDecision.values:
        raise CommentError("Kết quả tiếp thu không hợp lệ.")
    comment.decision, comment.response = decision, response.strip()
    comment.decided_at, comment.decided_by = timezone.now(), user
    with transaction.atomic():
        comment.save(update_fields=["decision", "response", "decided_at", "decided_by"])
        log(
            comment,
            LOG_ACTIONS["decide"][0],
            user=user,
            data={"note": f"{CommentDecision(decision).label}: {comment.response}"},
        )


class NoteFormatter(LogFormatter):
    """Shows the step's note (the reason, the decision) as the history entry's comment."""

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("note", "")


def register_log_actions(registry):
    """Give each step a Vietnamese label in Wagtail's audit log ("Nhật ký" report and history views)."""
    for action, label in LOG_ACTIONS.values():
        registry.register_action(action)(
            type("CommentLogFormatter", (NoteFormatter,), {"label": label, "message": label})
        )
