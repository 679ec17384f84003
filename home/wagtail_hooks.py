"""Admin of the home app: per-site notices (confined to their site's board) and the news exchange and royalties."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.permission_policies.sites import SitePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from multisite_config.site_owned import SiteOwnedSnippetViewSet

from . import exchange
from .models import SiteNotice, next_notice_change
from .news import NewsPage
from .news_admin import DecideProposalView, ProposalInboxView, RoyaltyTableView, ShareView, share_url
from .royalties import royalty_sites

register_permission_policy(SiteNotice, SitePermissionPolicy(SiteNotice))


class SiteNoticeViewSet(SiteOwnedSnippetViewSet):
    model = SiteNotice
    icon = "warning"
    menu_label = "Thông báo của trang"
    list_display = ["title", "site", "starts_at", "ends_at"]


register_snippet(SiteNoticeViewSet)


# News: "Chia sẻ tin" on a news page, the national board's inbox of proposals, the royalty table, audit labels.
EXCHANGE_LOG_LABELS = {
    exchange.PUSH_ACTION: "Tin tức: chia sẻ xuống trang tỉnh",
    exchange.PROPOSE_ACTION: "Tin tức: đề xuất lên cổng quốc gia",
    exchange.ACCEPT_ACTION: "Tin tức: nhận đăng tin đề xuất",
    exchange.DECLINE_ACTION: "Tin tức: từ chối tin đề xuất",
}


@hooks.register("register_admin_urls")
def news_admin_urls():
    return [
        path("tin-tuc/chia-se/<int:page_id>/", ShareView.as_view(), name="home_news_share"),
        path("tin-tuc/de-xuat/", ProposalInboxView.as_view(), name="home_news_proposals"),
        path("tin-tuc/de-xuat/<int:share_id>/<str:decision>/", DecideProposalView.as_view(), name="home_news_decide"),
        path("tin-tuc/nhuan-but/", RoyaltyTableView.as_view(), name="home_news_royalties"),
    ]


@hooks.register("register_page_header_buttons")
def share_news_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, NewsPage) and page.live and exchange.can_share(user, page):
        yield Button("Chia sẻ tin", share_url(page), icon_name="globe", priority=30)


class ProposalInboxMenuItem(MenuItem):
    def is_shown(self, request):
        return exchange.is_national_board(request.user)


class RoyaltyMenuItem(MenuItem):
    def is_shown(self, request):
        return royalty_sites(request.user).exists()


@hooks.register("register_admin_menu_item")
def proposal_inbox_menu_item():
    return ProposalInboxMenuItem("Tin đề xuất", reverse("home_news_proposals"), icon_name="mail", order=320)


@hooks.register("register_admin_menu_item")
def royalty_menu_item():
    return RoyaltyMenuItem("Nhuận bút", reverse("home_news_royalties"), icon_name="table", order=321)


@hooks.register("register_log_actions")
def register_exchange_log_actions(actions):
    for action, label in EXCHANGE_LOG_LABELS.items():
        actions.register_action(action, label, label)


# A cached page shows a notice from its start to its end, moments that come without any write.
hooks.register("next_public_change", next_notice_change)
