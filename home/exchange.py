"""The acts of the news exchange: push (national board), propose (provincial board), accept and decline.

Who may act is decided from page permissions, the same that decide who publishes: the national board is
whoever may publish on the national site's home page (its board and the communication centre); a
provincial board is whoever may publish the article itself. Every act is written to Wagtail's audit log
against the article, so the article's history shows where it went and who decided.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Site

from multisite_config.models import SiteKind

from .news import home_site_of
from .news_shares import NewsShare, ShareDirection, ShareStatus

PUSH_ACTION = "home.news.push"
PROPOSE_ACTION = "home.news.propose"
ACCEPT_ACTION = "home.news.accept"
DECLINE_ACTION = "home.news.decline"


class ExchangeError(Exception):
    """An act the exchange refuses; its message is shown to the user as it stands."""


def national_site():
    return Site.objects.select_related("root_page").get(siteprofile__kind=SiteKind.NATIONAL)


def province_sites():
    return Site.objects.filter(siteprofile__kind=SiteKind.PROVINCE).order_by("site_name")


def is_national_board(user, national=None):
    national = national or national_site()
    return national.root_page.permissions_for_user(user).can_publish_subpage()


def can_share(user, article):
    return article.permissions_for_user(user).can_publish()


def require_sharer(user, article):
    if not can_share(user, article):
        raise PermissionDenied
    if not article.live:
        raise ExchangeError("Chỉ chia sẻ được tin đã xuất bản.")


@transaction.atomic
def push(article, sites, user):
    """Show a national article on the chosen provinces at once; a site already holding it is left as it is."""
    require_sharer(user, article)
    national = national_site()
    if home_site_of(article)[0] != national.pk:
        raise ExchangeError("Chỉ tin của cổng quốc gia được chia sẻ xuống các tỉnh.")
    provinces = list(province_sites().filter(pk__in=[site.pk for site in sites]))
    if not provinces:
        raise ExchangeError("Chọn ít nhất một trang tỉnh, thành phố.")
    now = timezone.now()
    added = []
    for site in provinces:
        share, created = NewsShare.objects.get_or_create(
            article=article,
            target_site=site,
            defaults={
                "direction": ShareDirection.PUSH,
                "status": ShareStatus.ACCEPTED,
                "requested_by": user,
                "decided_by": user,
                "decided_at": now,
            },
        )
        if created:
            added.append(site.hostname)
    if added:
        log(article, PUSH_ACTION, user=user, data={"note": ", ".join(added)})
    return added


@transaction.atomic
def propose(article, user):
    """Offer a provincial article to the national portal; it waits there for the national board."""
    require_sharer(user, article)
    national = national_site()
    if home_site_of(article)[0] == national.pk:
        raise ExchangeError("Tin của cổng quốc gia không cần đề xuất.")
    share, created = NewsShare.objects.get_or_create(
        article=article, target_site=national, defaults={"direction": ShareDirection.PROPOSAL, "requested_by": user}
    )
    if not created:
        raise ExchangeError("Tin này đã được đề xuất lên cổng quốc gia.")
    log(article, PROPOSE_ACTION, user=user, data={"note": national.hostname})
    return share


def pending_proposals():
    national = national_site()
    return NewsShare.objects.filter(target_site=national, direction=ShareDirection.PROPOSAL, status=ShareStatus.PENDING)


@transaction.atomic
def decide(share, user, accepted):
    """The national board's answer to a proposal; a proposal is decided once."""
    if not is_national_board(user):
        raise PermissionDenied
    share = NewsShare.objects.select_for_update().get(pk=share.pk)
    if share.direction != ShareDirection.PROPOSAL or share.status != ShareStatus.PENDING:
        raise ExchangeError("Đề xuất này đã được xử lý.")
    share.status = ShareStatus.ACCEPTED if accepted else ShareStatus.DECLINED
    share.decided_by, share.decided_at = user, timezone.now()
    share.save(update_fields=["status", "decided_by", "decided_at"])
    log(
        share.article,
        ACCEPT_ACTION if accepted else DECLINE_ACTION,
        user=user,
        data={"note": share.target_site.hostname},
    )
    return share
