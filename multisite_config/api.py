"""`GET /api/v1/sites/`: the directory of sites and the links every site shares."""

from ninja import Router

from .directory import shared_links, site_directory
from .schemas import DirectoryOut

router = Router(tags=["Trang"])


@router.get("/", response=DirectoryOut, summary="Danh bạ các trang và liên kết dùng chung")
def list_sites(request):
    """Every site (national portal and each province) and the shared links.

    The directory is complete in one response (35 sites): it is not paginated.
    """
    return {"items": site_directory(), "links": shared_links()}
