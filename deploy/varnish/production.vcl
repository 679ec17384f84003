vcl 4.1;
# The deployment's half of Varnish's configuration on a production edge host (deploy/README.md): the nodes,
# their health probe, the round-robin director and who may purge; the cache policy is portal.vcl, installed
# beside this file as /etc/varnish/portal.vcl. deploy/cluster.py writes the same shape for `make cluster`.
import directors;

# The probe asks /healthz (the process answers), not /readyz: Redis, the broker and the object store are
# shared by every node, so a readiness probe would take ALL nodes out when one shared part is down, while
# the portal is built to keep serving without them (slower). A node that does not answer leaves the pool.
probe node_alive {
    .request = "GET /healthz HTTP/1.1" "Host: localhost" "Connection: close";
    .interval = 5s;
    .timeout = 2s;
    .window = 5;
    .threshold = 3;
}

backend app1_a { .host = "10.0.1.21"; .port = "8101"; .probe = node_alive; }
backend app1_b { .host = "10.0.1.21"; .port = "8102"; .probe = node_alive; }
backend app2_a { .host = "10.0.1.22"; .port = "8101"; .probe = node_alive; }
backend app2_b { .host = "10.0.1.22"; .port = "8102"; .probe = node_alive; }

# The application hosts send the purges (CACHE_PURGE_URLS); nobody else may.
acl purgers {
    "10.0.1.21";
    "10.0.1.22";
    "127.0.0.1";
}

sub vcl_init {
    new nodes = directors.round_robin();
    nodes.add_backend(app1_a);
    nodes.add_backend(app1_b);
    nodes.add_backend(app2_a);
    nodes.add_backend(app2_b);
}

sub vcl_recv {
    set req.backend_hint = nodes.backend();
    # TLS ends in front of Varnish (hitch or the load balancer), which sets X-Forwarded-Proto itself and
    # replaces any value a client sent; the nodes trust Varnish (TRUSTED_PROXIES) and so believe it.
    # /metrics is for the monitoring network only; never cached, never from outside.
    if (req.url ~ "^/metrics") {
        return (synth(404));
    }
}

include "portal.vcl";
