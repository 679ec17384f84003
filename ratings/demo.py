"""Demo ratings (``bootstrap_portal --demo``): a few on the national portal, Hà Nội and Đà Nẵng, so the summary,
the board's listing and the quarterly report have something to show. Only for a site that has none yet."""

from wagtail.models import Page

from core.tree import descendants_q, published_q
from multisite_config.models import SiteProfile

from .models import Level, Rating
from .targets import RATEABLE_PAGES

DEMO_SITES = ("00", "01", "48")
DEMO_RATINGS = [
    (Level.VERY_SATISFIED, "Hướng dẫn rõ ràng, dễ làm theo."),
    (Level.SATISFIED, ""),
    (Level.DISSATISFIED, "Nên ghi rõ thời hạn trả kết quả."),
]


def load_ratings_demo(report):
    for profile in SiteProfile.objects.filter(code__in=DEMO_SITES).select_related("site__root_page"):
        site = profile.site
        if site.ratings.exists():
            continue
        page = (
            Page.objects.filter(descendants_q(site.root_page), published_q())
            .type(*RATEABLE_PAGES)
            .order_by("path")
            .first()
        )
        if page is None:
            continue
        for level, comment in DEMO_RATINGS:  # one by one: each save purges the site's cached summary
            Rating.objects.create(
                site=site, target=f"page:{page.pk}", target_title=page.title, level=level, comment=comment
            )
        report.change(f"demo: {len(DEMO_RATINGS)} đánh giá mức độ hài lòng trên “{page.title}” ({site.hostname})")
