"""The staff side of questions in the Wagtail admin: the per-site inbox, its actions, failed e-mails, dashboard.

Everything here is confined to the sites a user handles: listings and the dashboard filter by the sites the
permission policy grants, record URLs are also refused by ``AdminSiteConfinementMiddleware`` (the viewsets
are site-owned snippet viewsets), and every action re-checks the permission on the record itself.
"""
