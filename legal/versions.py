"""Versions of a draft, and where a provision commented on in an older version is now.

Publishing a ``DraftDocumentPage`` whose text differs from its latest ``DraftVersion`` records version n+1
(``record_version``, run on Wagtail's ``page_published`` signal). Each provision of the new version keeps
the ``anchor`` of the same provision in the previous version, matched within its kind (chapter, article,
clause, point) in three rounds: identical content, then the most similar content (``difflib`` ratio of the
words, at least ``SIMILARITY_THRESHOLD``), then the same citation label. The content compared is the
provision's heading and text with everything under it, without its number, so renumbering alone never
breaks the link. Unmatched provisions get a fresh anchor; ``change`` and ``previous_label`` say how each
relates to its predecessor.

For comments (and anything else that cites a provision by anchor):

    where_now(draft, anchor, since=None) -> Whereabouts | None

tells where the provision ``anchor`` is in the draft's latest version:

- ``article``: the ``DraftArticle`` of the latest version, or ``None`` if the provision was removed;
- ``removed``: ``True`` when it is no longer in the latest version;
- ``label``: its label now ("Điều 4"), or its last label if removed;
- ``original_label``: its label in version ``since``;
- ``change``: an ``ArticleChange`` (unchanged, changed, renumbered, renumbered_changed) counted from version
  ``since`` (a ``DraftVersion`` or its number: the version the comment was written on) to the latest, or
  from the previous version when ``since`` is not given; ``None`` when removed;
- ``description``: the same in Vietnamese for the public page, e.g. "nay là Điều 4, đã sửa", "đã bị bỏ".

So a comment shows "Góp ý cho {original_label} ({description})": "Góp ý cho Điều 3 (nay là Điều 4, đã sửa)".
``where_now`` returns ``None`` for an empty anchor or one the draft never had. To place many comments of
one draft, build one ``ArticleLocator(draft)`` and call ``.where(anchor, since)`` for each: it loads the
draft's provisions once, so the number of queries does not grow with the comments.
"""

import difflib
import secrets
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F

from .models.drafts import ArticleChange, ArticleKind, DraftArticle, DraftVersion
from .structure import parse

SIMILARITY_THRESHOLD = 0.6
CONTENT_CHANGES = {ArticleChange.CHANGED, ArticleChange.RENUMBERED_CHANGED}


def normalise(text):
    """The text as it is compared and stored: one kind of line ending, no trailing spaces."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")
    return "\n".join(line.rstrip() for line in lines)


def record_version(draft):
    """Version n+1 of ``draft`` with its provisions, or ``None`` when the text is that of the latest one."""
    text = normalise(draft.draft_text or "")
    with transaction.atomic():
        previous = draft.versions.order_by("-number").first()
        if previous is not None and previous.text == text:
            return None
        version = DraftVersion.objects.create(draft=draft, number=previous.number + 1 if previous else 1, text=text)
        old = list(previous.articles.all()) if previous else []
        used = set(DraftArticle.objects.filter(version__draft=draft).values_list("anchor", flat=True))
        save_articles(version, parse(text).articles, old, used)
    return version


def record_published_version(sender, instance, **kwargs):
    """``page_published`` receiver (connected in ``LegalConfig.ready``): a new text is a new version."""
    record_version(instance)


def save_articles(version, parsed, old, used):
    """Create the version's rows level by level, so each parent has its id before its children.

    ``used`` holds every anchor the draft has ever had: a new provision never takes the anchor of one
    removed earlier, so comments on that one are never shown on an unrelated provision.
    """
    positions = {article.pk: index for index, article in enumerate(old)}
    new_content = contents(parsed, [item.parent for item in parsed])
    old_content = contents(old, [positions.get(article.parent_id) for article in old])
    matches = match_articles(parsed, old, new_content, old_content)
    rows = []
    for position, item in enumerate(parsed):
        predecessor = old[matches[position]] if position in matches else None
        rows.append(
            DraftArticle(
                version=version,
                kind=item.kind,
                label=item.label,
                heading=item.heading,
                text=item.text,
                position=position,
                anchor=predecessor.anchor if predecessor else fresh_anchor(used),
                previous_label=predecessor.label if predecessor else "",
                change=change_between(predecessor, item, old_content.get(matches.get(position)), new_content[position]),
            )
        )
    for kind in ArticleKind.values:
        level = [row for row in rows if row.kind == kind]
        for row in level:
            parent = parsed[row.position].parent
            row.parent = rows[parent] if parent is not None else None
        DraftArticle.objects.bulk_create(level)


def fresh_anchor(used):
    anchor = secrets.token_hex(4)
    while anchor in used:
        anchor = secrets.token_hex(4)
    used.add(anchor)
    return anchor


def contents(items, parents):
    """Each provision's heading and text with those of everything under it, the number left out.

    ``parents`` holds, for each item, the index of its parent among ``items`` (``None`` at the top).
    """
    children = defaultdict(list)
    for index, parent in enumerate(parents):
        if parent is not None:
            children[parent].append(index)

    def content(index):
        item = items[index]
        parts = [item.heading, item.text, *(content(child) for child in children[index])]
        return "\n".join(part for part in parts if part)

    return {index: content(index) for index in range(len(items))}


def change_between(predecessor, item, old_content, new_content):
    if predecessor is None:
        return ArticleChange.NEW
    same_label, same_content = predecessor.label == item.label, old_content == new_content
    if same_label:
        return ArticleChange.UNCHANGED if same_content else ArticleChange.CHANGED
    return ArticleChange.RENUMBERED if same_content else ArticleChange.RENUMBERED_CHANGED


def match_articles(parsed, old, new_content, old_content):
    """{index in ``parsed``: index in ``old``} of the provisions that are the same one, kind by kind.

    The last round, "same label", is the first one with labels in place of contents.
    """
    new_labels = {index: item.label for index, item in enumerate(parsed)}
    old_labels = {index: article.label for index, article in enumerate(old)}
    rounds = [
        (identical, new_content, old_content),
        (similar, new_content, old_content),
        (identical, new_labels, old_labels),
    ]
    matches = {}
    for kind in ArticleKind.values:
        new = [index for index, item in enumerate(parsed) if item.kind == kind]
        previous = [index for index, article in enumerate(old) if article.kind == kind]
        for rule, new_keys, old_keys in rounds:
            taken = set(matches.values())
            free_new = [index for index in new if index not in matches]
            free_old = [index for index in previous if index not in taken]
            matches.update(rule(free_new, free_old, new_keys, old_keys))
    return matches


def identical(new, old, new_keys, old_keys):
    """Equal keys pair up in reading order."""
    waiting = defaultdict(list)
    for index in old:
        waiting[old_keys[index]].append(index)
    return {index: waiting[new_keys[index]].pop(0) for index in new if waiting[new_keys[index]]}


def similar(new, old, new_content, old_content):
    """The most similar pairs first (word-level ``difflib`` ratio); a tie goes to the pair closest in position."""
    pairs = []
    for index in new:
        words = new_content[index].split()
        for candidate in old:
            matcher = difflib.SequenceMatcher(None, words, old_content[candidate].split(), autojunk=False)
            if matcher.real_quick_ratio() >= SIMILARITY_THRESHOLD and matcher.quick_ratio() >= SIMILARITY_THRESHOLD:
                ratio = matcher.ratio()
                if ratio >= SIMILARITY_THRESHOLD:
                    pairs.append((-ratio, abs(index - candidate), index, candidate))
    matches, taken = {}, set()
    for _ratio, _distance, index, candidate in sorted(pairs):
        if index not in matches and candidate not in taken:
            matches[index] = candidate
            taken.add(candidate)
    return matches


@dataclass
class Whereabouts:
    article: DraftArticle | None
    removed: bool
    label: str
    original_label: str
    change: str | None

    @property
    def description(self):
        if self.removed:
            return "đã bị bỏ"
        parts = []
        if self.change in (ArticleChange.RENUMBERED, ArticleChange.RENUMBERED_CHANGED):
            parts.append(f"nay là {self.label}")
        if self.change in CONTENT_CHANGES:
            parts.append("đã sửa")
        return ", ".join(parts) or "không thay đổi"


class ArticleLocator:
    """Every provision of a draft in every version, loaded once, to place any number of anchors."""

    def __init__(self, draft):
        rows = DraftArticle.objects.filter(version__draft=draft).annotate(version_number=F("version__number"))
        self.history = defaultdict(dict)  # anchor -> {version number: article}
        for article in rows:
            self.history[article.anchor][article.version_number] = article
        self.latest = max((number for versions in self.history.values() for number in versions), default=0)

    def where(self, anchor, since=None):
        versions = self.history.get(anchor) if anchor else None
        if not versions:
            return None
        current = versions.get(self.latest)
        if current is None:
            last = versions[max(versions)]
            original = versions.get(getattr(since, "number", since), last)
            return Whereabouts(None, True, last.label, original.label, None)
        if since is None:
            return Whereabouts(current, False, current.label, current.previous_label or current.label, current.change)
        since = getattr(since, "number", since)
        original = versions.get(since) or versions[min(versions)]
        return Whereabouts(current, False, current.label, original.label, self.change_since(versions, since))

    def change_since(self, versions, since):
        later = [versions[number] for number in sorted(versions) if number > since]
        if not later:
            return ArticleChange.UNCHANGED
        edited = any(article.change in CONTENT_CHANGES for article in later)
        moved = versions.get(since, later[0]).label != later[-1].label
        if moved:
            return ArticleChange.RENUMBERED_CHANGED if edited else ArticleChange.RENUMBERED
        return ArticleChange.CHANGED if edited else ArticleChange.UNCHANGED


def where_now(draft, anchor, since=None):
    """Where the provision ``anchor`` is in the latest version of ``draft`` (see the module docstring)."""
    return ArticleLocator(draft).where(anchor, since)
