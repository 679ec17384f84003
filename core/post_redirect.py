"""Post/Redirect/Get for every public form: a form that succeeds answers with a 303 to a page fetched by GET,
so reloading or going back never sends it again, and the confirmation's address can be bookmarked.

The address is a path on the host the form was posted to (``Page.get_url(request)`` or ``reverse``), never a
URL built from the site's stored port, which is the one the bootstrap ran for and not always the one serving.
"""

from django.http import HttpResponseRedirect


def see_other(url: str) -> HttpResponseRedirect:
    """303: after a POST, the browser fetches the result with GET."""
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response
