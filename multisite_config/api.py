"""`GET /api/v1/sites/`: the directory of sites and the links every site shares."""

from ninja import Router, Schema

from .directory import shared_links, site_directory, site_url
from .models import LinkGroup, SiteKind

router = Router(tags=["Trang"])


class SiteOut(Schema):
    code: str
    name: str
    kind: SiteKind
    hostname: str
    url: str


class LinkOut(Schema):
    title: str
    url: str
    group: LinkGroup


class DirectoryOut(Schema):
    count: int
    items: list[SiteOut]
    links: list[LinkOut]


@router.get("/", response=DirectoryOut, summary="Danh bạ các trang và liên kết dùng chung")
def list_sites(request):
    """Every site (national portal and each province) and the shared links.

    The directory is complete in one response (35 sites): it is not paginated.
    """
    items = [
        SiteOut(code=p.code, name=p.full_name, kind=p.kind, hostname=p.site.hostname, url=site_url(p.site))
        for p in site_directory()
    ]
    links = [LinkOut(title=link.title, url=link.url, group=link.group) for link in shared_links()]
    return DirectoryOut(count=len(items), items=items, links=links)
