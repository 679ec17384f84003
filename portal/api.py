"""One NinjaAPI at /api/v1/: each app contributes a router; errors are problem JSON."""

from ninja import Swagger

from complaints.api import complaints_router
from contacts.api import contacts_router, reception_router
from core.api import errors
from core.api.openapi import PortalAPI
from core.api.renderers import UnicodeJSONRenderer
from faq.api import information_requests_router, questions_router
from home.api import router as news_router
from legal.api import comments_router, documents_router, drafts_router, procedures_router
from multisite_config.api import router as sites_router
from portal.site_search.api import router as search_router
from ratings.api import router as ratings_router


def portal_api(**options):
    """A NinjaAPI that follows the conventions of API.md: UTF-8 JSON, problem-JSON errors, local docs.

    The docs page loads Swagger UI from ninja's bundled static files ("ninja" is in INSTALLED_APPS);
    ``validatorUrl: None`` stops Swagger UI from sending the schema's address to validator.swagger.io.
    """
    api = PortalAPI(renderer=UnicodeJSONRenderer(), docs=Swagger(settings={"validatorUrl": None}), **options)
    errors.install(api)
    return api


api = portal_api(
    title="API Cổng Thông tin điện tử BHXH Việt Nam",
    version="1.0.0",
    description=(
        "API công khai của cổng quốc gia và các trang BHXH tỉnh, thành phố. "
        "Danh sách trả về `{count, items}` với `limit` (mặc định 20, tối đa 100) và `offset`; "
        "mọi lỗi là problem JSON; phản hồi GET có `ETag` và `Cache-Control`."
    ),
    urls_namespace="api-v1",
    docs_url="/docs",
)
api.add_router("/sites/", sites_router)
api.add_router("/contacts/", contacts_router)
api.add_router("/reception/", reception_router)
api.add_router("/questions/", questions_router)
api.add_router("/information-requests/", information_requests_router)
api.add_router("/complaints/", complaints_router)
api.add_router("/drafts/", drafts_router)
api.add_router("/drafts/", comments_router)
api.add_router("/documents/", documents_router)
api.add_router("/procedures/", procedures_router)
api.add_router("/news/", news_router)
api.add_router("/ratings/", ratings_router)
api.add_router("/search/", search_router)
