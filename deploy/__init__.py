"""Deployment: the Varnish policy (varnish/portal.vcl) and `make cluster` (cluster.py), which the tests and the
benchmark also use to start Varnish."""
