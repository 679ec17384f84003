"""Admin views of the news exchange ("Chia sẻ tin", the national board's inbox of proposals) and royalties.

Each view decides from the user's page permissions, not from a menu being hidden: sharing needs the right
to publish the article; the inbox needs the right to publish on the national site; the royalty table is
read only for the sites ``royalty_sites`` gives the user.
"""

from urllib.parse import urlsplit

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from . import exchange
from .news import NewsPage, home_site_of
from .news_shares import NewsShare, ShareDirection
from .royalties import royalty_sites, royalty_table

FIRST_YEAR = 2017


class PushForm(forms.Form):
    everywhere = forms.BooleanField(label="Tất cả các tỉnh, thành phố", required=False)
    sites = forms.ModelMultipleChoiceField(
        label="Hoặc chọn tỉnh, thành phố",
        required=False,
        queryset=exchange.province_sites(),
        widget=forms.CheckboxSelectMultiple,
    )

    def chosen_sites(self):
        return list(exchange.province_sites()) if self.cleaned_data["everywhere"] else self.cleaned_data["sites"]


class ShareView(WagtailAdminTemplateMixin, TemplateView):
    """ "Chia sẻ tin": the national board pushes a national article; a provincial board proposes its own."""

    template_name = "home/admin/share.html"
    page_title = "Chia sẻ tin"
    header_icon = "globe"

    def dispatch(self, request, *args, **kwargs):
        self.article = get_object_or_404(NewsPage, pk=kwargs["page_id"])
        if not exchange.can_share(request.user, self.article):
            raise PermissionDenied
        self.national = exchange.national_site()
        self.is_national = self.article.url_path.startswith(self.national.root_page.url_path)
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        try:
            if self.is_national:
                form = PushForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(form=form))
                added = exchange.push(self.article, form.chosen_sites(), request.user)
                messages.success(request, f"Đã chia sẻ tin tới {len(added)} trang.")
            else:
                exchange.propose(self.article, request.user)
                messages.success(request, "Đã đề xuất tin lên Cổng thông tin quốc gia.")
        except exchange.ExchangeError as error:
            messages.error(request, str(error))
        return redirect(request.path)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            article=self.article,
            is_national=self.is_national,
            shares=self.article.shares.select_related("target_site", "decided_by"),
        )
        if self.is_national:
            context.setdefault("form", PushForm())
        return context


class ProposalInboxView(WagtailAdminTemplateMixin, TemplateView):
    """The national board's inbox: provincial proposals waiting for a decision, and the latest decided."""

    template_name = "home/admin/proposals.html"
    page_title = "Tin đề xuất lên cổng quốc gia"
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not exchange.is_national_board(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        proposals = NewsShare.objects.filter(
            target_site=exchange.national_site(), direction=ShareDirection.PROPOSAL
        ).select_related("article", "decided_by")
        pending = list(exchange.pending_proposals().select_related("article"))
        for share in pending:
            share.from_hostname = urlsplit(home_site_of(share.article)[1] or "").hostname
        context.update(pending=pending, decided=proposals.exclude(decided_at=None).order_by("-decided_at")[:20])
        return context


class DecideProposalView(TemplateView):
    """POST only: accept or decline one pending proposal."""

    http_method_names = ["post"]

    def post(self, request, share_id, decision):
        if decision not in ("accept", "decline"):
            raise Http404
        if not exchange.is_national_board(request.user):
            raise PermissionDenied
        share = get_object_or_404(exchange.pending_proposals(), pk=share_id)
        exchange.decide(share, request.user, accepted=decision == "accept")
        messages.success(request, "Đã nhận đăng tin." if decision == "accept" else "Đã từ chối tin đề xuất.")
        return redirect("home_news_proposals")


def selected_year(request):
    current = timezone.localdate().year
    value = request.GET.get("year", "")
    return int(value) if value.isdigit() and FIRST_YEAR <= int(value) <= current else current


class RoyaltyTableView(WagtailAdminTemplateMixin, TemplateView):
    """Nhuận bút theo quý: one site at a time, chosen among the sites the user may read."""

    template_name = "home/admin/royalties.html"
    page_title = "Nhuận bút theo quý"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        self.sites = list(royalty_sites(request.user).select_related("root_page"))
        if not self.sites:
            raise PermissionDenied
        chosen = request.GET.get("site")
        self.site = next((site for site in self.sites if str(site.pk) == chosen), None) if chosen else self.sites[0]
        if self.site is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            sites=self.sites,
            table=royalty_table(self.site, selected_year(self.request)),
            years=range(timezone.localdate().year, FIRST_YEAR - 1, -1),
        )
        return context


def share_url(article):
    return reverse("home_news_share", args=[article.pk])
