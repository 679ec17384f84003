"""The structure of a Vietnamese draft: Chương / Điều / Khoản / Điểm, read from its plain text.

Editors paste the draft as text, one provision per line, the way drafts are written:

    Chương I                      (or "Chương I. QUY ĐỊNH CHUNG"; the heading may be on the next line)
    QUY ĐỊNH CHUNG
    Điều 1. Phạm vi điều chỉnh
    1. Quy chế này quy định …    (a clause: "1.", only inside an article)
    a) Thông tin liên hệ …       (a point: "a)", also "đ)", inside a clause or directly in an article)
    - Địa chỉ, số điện thoại …   (any other line continues the provision above it)

Text before the first Chương or Điều is the preamble (căn cứ, title), not a provision. Each provision gets
a citation label that names it on its own ("Khoản 2 Điều 5", "Điểm a khoản 2 Điều 5"), because comments,
the comment form and the summary report cite provisions out of the context of the tree.
"""

import re
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleKind(models.TextChoices):
    """The levels of a legal text's structure, as the parser finds them and ``DraftArticle.kind`` stores them."""

    CHAPTER = "chapter", _("Chương")
    ARTICLE = "article", _("Điều")
    CLAUSE = "clause", _("Khoản")
    POINT = "point", _("Điểm")


CHAPTER = re.compile(r"^chương\s+([IVXLC]{1,8}|\d{1,3})\b\s*[.:\-–]?\s*(.*)$", re.IGNORECASE)
ARTICLE = re.compile(r"^điều\s+(\d{1,4}[a-zđ]?)(?:\s*[.:]\s*(.*)|\s*)$", re.IGNORECASE)
CLAUSE = re.compile(r"^(\d{1,3})\.\s+(\S.*)$")
POINT = re.compile(r"^([a-zđ])\)\s+(\S.*)$")
MAX_HEADING = 500


@dataclass
class ParsedArticle:
    kind: str
    label: str
    heading: str = ""
    lines: list = field(default_factory=list)
    parent: int | None = None  # index of the parent in ``Structure.articles``

    @property
    def text(self):
        return "\n".join(self.lines).strip()


@dataclass
class Structure:
    preamble: str
    articles: list  # ParsedArticle in reading order; the index of each is its position


def parse(text):
    """Split a draft into its provisions; a line that starts none is text of the provision above it."""
    builder = Builder()
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    for line in lines:
        builder.read(line)
    return Structure(preamble="\n".join(builder.preamble).strip(), articles=builder.articles)


class Builder:
    """Reads lines in order, remembering the open chapter, article and clause each new line belongs to."""

    def __init__(self):
        self.preamble = []
        self.articles = []
        self.chapter = self.article = self.clause = None  # indexes into self.articles
        self.awaiting_chapter_heading = False

    def read(self, line):
        if not line:
            return
        if match := CHAPTER.match(line):
            self.open_chapter(match.group(1).upper(), match.group(2).strip())
        elif match := ARTICLE.match(line):
            self.open_article(match.group(1), (match.group(2) or "").strip())
        elif self.article is not None and (match := CLAUSE.match(line)):
            self.open_clause(match.group(1), match.group(2))
        elif self.article is not None and (match := POINT.match(line)):
            self.open_point(match.group(1), match.group(2))
        elif self.awaiting_chapter_heading:
            self.articles[self.chapter].heading = line[:MAX_HEADING]
        else:
            self.continue_text(line)
        self.awaiting_chapter_heading = bool(
            self.chapter is not None
            and self.chapter == len(self.articles) - 1
            and not self.articles[self.chapter].heading
        )

    def add(self, article):
        self.articles.append(article)
        return len(self.articles) - 1

    def open_chapter(self, number, heading):
        self.chapter = self.add(ParsedArticle(ArticleKind.CHAPTER, f"Chương {number}", heading[:MAX_HEADING]))
        self.article = self.clause = None

    def open_article(self, number, heading):
        article = ParsedArticle(ArticleKind.ARTICLE, f"Điều {number}", parent=self.chapter)
        if len(heading) > MAX_HEADING:
            article.lines.append(heading)
        else:
            article.heading = heading
        self.article = self.add(article)
        self.clause = None

    def open_clause(self, number, text):
        label = f"Khoản {number} {self.articles[self.article].label}"
        self.clause = self.add(ParsedArticle(ArticleKind.CLAUSE, label, lines=[text], parent=self.article))

    def open_point(self, letter, text):
        parent = self.clause if self.clause is not None else self.article
        parent_label = self.articles[parent].label
        label = (
            f"Điểm {letter} {parent_label[0].lower()}{parent_label[1:]}"
            if parent == self.clause
            else f"Điểm {letter} {parent_label}"
        )
        self.add(ParsedArticle(ArticleKind.POINT, label, lines=[text], parent=parent))

    def continue_text(self, line):
        if self.articles:
            self.articles[-1].lines.append(line)
        else:
            self.preamble.append(line)
