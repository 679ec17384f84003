"""What an editor reads in the admin, and which of it is still English.

``read`` takes an HTML answer apart as a reader meets it: text nodes (``<template>`` content too, shown when a
menu or dialog opens), the ``title``, ``placeholder``, ``aria-label``, ``alt`` and tooltip attributes, and the
labels of the sidebar menu (JSON that Wagtail's script draws); never other scripts or styles.

``english`` flags a string when it has no Vietnamese letter and holds a word of Wagtail's or Django's own
English (the words of their ``msgid``\\s): user content in this portal is Vietnamese, product names, codes,
e-mail addresses and URLs are allowed by ``ALLOWED``.

``crawl`` walks the admin from its dashboard as one logged-in client, following every ``/admin/`` link it meets,
one URL per shape (ids replaced, query values dropped) so a listing of 500 pages costs one request.
"""

import json
import re
from collections import deque
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import django
import wagtail

ATTRIBUTES = {"title", "placeholder", "aria-label", "alt", "data-w-tooltip-content-value", "aria-description"}
SKIPPED = {"script", "style", "noscript"}
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)
WORD = re.compile(r"[A-Za-z][A-Za-z']+")
NOT_TEXT = re.compile(
    r"\b(?=[A-Z-]*\d)[A-Z0-9-]{6,}\b|\S+@\S+|https?://\S+|/[\w./?=&%-]*|\b[\w-]+\.(?:localhost|vn|pdf|png|jpg|docx?|xlsx?)\b"
)
# Words that are names, not English: the product, formats, Vietnamese syllables that English also has.
ALLOWED = {
    "wagtail", "vssid", "bhxh", "bhyt", "ubnd", "html", "pdf", "csv", "xlsx", "url", "urls", "id", "seo",
    "email", "e-mail", "website", "logo", "draftail", "jpeg", "png", "gif", "webp", "svg", "avif", "heic", "api",
    "ip", "otp", "totp", "utc", "ok", "ascii", "slug", "tin", "can", "ban", "con", "nam", "hang", "long", "minh",
    "trang", "chi", "the", "van", "mai", "man", "son", "tan", "lam", "cam", "to", "in", "do", "an", "la", "ma",
    "ha", "hoa", "bien", "tap", "hoi", "dap", "danang", "hanoi", "admin", "localhost", "ctrl", "alt",
    "root",  # the title of Wagtail's root page, content rather than interface
}  # fmt: skip


@cache
def english_words():
    """Every word of the English msgids Django and Wagtail ship (what their templates and code can show)."""
    words = set()
    roots = [Path(wagtail.__file__).parent, Path(django.__file__).parent / "contrib" / "admin"]
    for root in roots:
        for po in root.rglob("locale/en/LC_MESSAGES/*.po"):
            for line in po.read_text(encoding="utf-8").splitlines():
                if line.startswith(("msgid", '"')) and not line.startswith('""'):
                    words.update(word.lower() for word in WORD.findall(line.split(" ", 1)[-1]))
    words.update(["ago", "minutes", "hours", "days", "now"])
    return frozenset(word for word in words if len(word) > 1) - ALLOWED


def english(text):
    """True when ``text`` reads as English: no Vietnamese letter, and at least one English word."""
    if VIETNAMESE.search(text):
        return False
    words = [word.lower() for word in WORD.findall(NOT_TEXT.sub(" ", text))]
    return any(word in english_words() for word in words)


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.strings = []
        self.skip = 0
        self.links = []
        self.menu = None

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            self.skip += 1
        values = dict(attrs)
        if tag == "script" and values.get("id") == "wagtail-sidebar-props":
            self.menu = []
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])
        if tag == "input" and values.get("type") in ("submit", "button") and values.get("value"):
            self.strings.append(values["value"])
        if tag == "input" and values.get("type") == "hidden":
            return
        self.strings.extend(value for name, value in attrs if name in ATTRIBUTES and value)

    def handle_endtag(self, tag):
        if tag in SKIPPED and self.skip:
            self.skip -= 1
        if tag == "script" and self.menu is not None:
            self.read_menu(json.loads("".join(self.menu)))
            self.menu = None

    def handle_data(self, data):
        if self.menu is not None:
            self.menu.append(data)
        elif not self.skip and data.strip():
            self.strings.append(data)

    def read_menu(self, node):
        """The sidebar's labels (``label`` of each item) and links (the ``/admin/`` strings of its arguments)."""
        if isinstance(node, dict):
            if isinstance(node.get("label"), str):
                self.strings.append(node["label"])
            for value in node.values():
                self.read_menu(value)
        elif isinstance(node, list):
            for value in node:
                if isinstance(value, str) and value.startswith("/admin/"):
                    self.links.append(value)
                else:
                    self.read_menu(value)


def read(html):
    """(strings a reader sees, links) of one HTML answer."""
    reader = _Reader()
    reader.feed(html)
    strings = [" ".join(text.split()) for text in reader.strings]
    return [text for text in strings if text], reader.links


def english_strings(html):
    strings, _links = read(html)
    return sorted({text for text in strings if english(text)})


def shape(url):
    """One URL per shape: numbers replaced, query values dropped (``?p=2`` and ``?p=3`` are one page)."""
    parts = urlsplit(url)
    keys = sorted({key for key, _value in parse_qsl(parts.query)} - {"next"})
    return re.sub(r"\d+", "N", parts.path) + ("?" + "&".join(keys) if keys else "")


def crawl(client, starts, skip=(), limit=400):
    """{url: English strings} of every admin HTML page reachable from ``starts``, one per URL shape."""
    queue, seen, found = deque(starts), set(), {}
    while queue and len(found) < limit:
        url = queue.popleft()
        if shape(url) in seen or any(word in url for word in skip):
            continue
        seen.add(shape(url))
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        strings, links = read(html)
        found[url] = sorted({text for text in strings if english(text)})
        for link in links:
            parts = urlsplit(link)
            if parts.netloc and parts.hostname not in ("localhost", "testserver"):
                continue
            if parts.path.startswith("/admin/"):
                query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k != "next"])
                queue.append(parts.path + ("?" + query if query else ""))
    return found
