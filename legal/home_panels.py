"""What a site's home page shows of the legal section (declared in ``LegalConfig.home_panels``).

The drafts open for comment now, the soonest to close first, so a citizen sees what still takes an opinion and
until when. The list carries the site's ``drafts`` tag (publishing, changing or unpublishing a draft purges the
home), and a draft opening or closing is a moment of the response cache's clock (``legal.comment_windows``), so
the home never shows a closed draft as open.
"""

from django.utils import timezone

from core.sections import HomePanel

from .models import DraftDocumentPage, LegalDocumentIndexPage

OPEN_DRAFTS_SHOWN = 5


def open_drafts(request, site):
    now = timezone.now()
    drafts = (
        LegalDocumentIndexPage.published_in_site(DraftDocumentPage, site)
        .filter(opens_at__lte=now, closes_at__gt=now)
        .order_by("closes_at", "pk")
        .only("id", "title", "path", "depth", "url_path", "drafting_unit", "closes_at")[:OPEN_DRAFTS_SHOWN]
    )
    return HomePanel("legal/home/open_drafts.html", {"drafts": [(draft, draft.get_url(request)) for draft in drafts]})
