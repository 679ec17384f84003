"""The shapes of /api/v1/sites/: the directory of sites and the links every site shares."""

from ninja import Schema

from .directory import site_url
from .models import LinkGroup, SiteKind


class SiteOut(Schema):
    # Built from a site's profile: its register entry (code, name, kind) and its Wagtail site (host, address).
    code: str
    name: str
    kind: SiteKind
    hostname: str
    url: str

    @staticmethod
    def resolve_name(profile):
        return profile.full_name

    @staticmethod
    def resolve_hostname(profile):
        return profile.site.hostname

    @staticmethod
    def resolve_url(profile, context):
        """On the scheme and port the API was asked on, as the pages' directory links are."""
        return site_url(profile.site, context["request"])


class LinkOut(Schema):
    title: str
    url: str
    group: LinkGroup


class DirectoryOut(Schema):
    count: int
    items: list[SiteOut]
    links: list[LinkOut]

    @staticmethod
    def resolve_count(directory):
        return len(directory["items"])
