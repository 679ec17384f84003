"""The portal's WSGI application, with one header on every answer: ``X-Bench-Queries``, the SQL queries it cost.

The mixed load (bench/mixed.py) must tell an answer of the portal's own response cache from a rendered one, and
the cache marks neither. A stored answer is served before sessions, authentication or the site lookup run, so it
costs no SQL query at all, while rendering any page or API list costs at least one: the count tells them apart
on every request, not on a sample, without touching the application. Through Varnish the header also says
whether a request Varnish did not hold was still answered from the nodes' shared (Redis) cache.

Served by gunicorn as ``bench.query_count_wsgi:application`` (from the project root); never in production.
"""

from django.db import connections

from portal.wsgi import application as portal_application

HEADER = "X-Bench-Queries"


def application(environ, start_response):
    executed = 0

    def count(execute, sql, params, many, context):
        nonlocal executed
        executed += 1
        return execute(sql, params, many, context)

    def respond(status, headers, exc_info=None):
        # Django calls this once the whole answer is built, so every query of the request has run by now.
        return start_response(status, [*headers, (HEADER, str(executed))], exc_info)

    with connections["default"].execute_wrapper(count):
        return portal_application(environ, respond)
