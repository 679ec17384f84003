"""URL map: admin, documents, uploaded images (local files only), the portal API (v1, ours) and Wagtail's read-only
pages API (v2), then the sites' pages."""

from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from contacts.views import contact_en
from core.media import media_urls
from core.views import api_not_found, robots_txt, sitemap_page, sitemap_xml
from legal.views import public_report, submit_comment
from multisite_config import admin_urls as confined_admin_urls
from portal.api import api
from portal.api_v2 import api_router
from portal.site_search.views import site_search
from ratings.views import submit_rating

urlpatterns = [
    path("admin/", include(confined_admin_urls)),  # in front of Wagtail's views that read across sites
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    *media_urls(),
    path("api/v1/", api.urls),
    re_path(r"^api/v1/.*$", api_not_found),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap_xml, name="sitemap-xml"),
    path("robots.txt", robots_txt, name="robots-txt"),
    path("so-do-trang/", sitemap_page, name="sitemap-page"),
    path("tim-kiem/", site_search, name="site-search"),
    path("yeu-cau-cung-cap-thong-tin/", include("faq.urls")),
    path("khieu-nai-to-cao/", include("complaints.urls")),
    path("du-thao/<id:page_id>/gop-y/", submit_comment, name="draft-comment"),
    path("du-thao/<id:page_id>/bao-cao-tong-hop/", public_report, name="draft-report"),
    path("en/contact/", contact_en, name="contact-en"),
    path("danh-gia/", submit_rating, name="rating-submit"),
    path("", include(wagtail_urls)),
]
