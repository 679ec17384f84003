vcl 4.1;

# The portal's cache policy for Varnish, shared by every deployment (the cache contract of issue 13).
#
# This file is included by a small main VCL that holds what differs between deployments, so the policy
# is written once and the topology is not (deploy/cluster.py writes one for `make cluster`). Before the
# `include` of this file, the main VCL must:
#   - define the backends and choose one in its own `sub vcl_recv` (`set req.backend_hint = ...;`):
#     Varnish runs the main file's vcl_recv first, then this one, then the built-in one;
#   - define `acl purgers`: the addresses allowed to PURGE (the app's nodes; loopback in the cluster).
#
# What the app promises in return (core/response_cache): every answer it is willing to share carries
# `Cache-Control: public, max-age=60, s-maxage=N` and an `xkey` header with the tags of what it shows, and
# after each committed public change it sends `PURGE /` with `xkey-purge: <tags>` to this cache.

import std;
import xkey;

sub vcl_recv {
    if (req.method == "PURGE") {
        call portal_purge;
    }

    # Proxy-style absolute URLs (`GET http://host/path`) would dodge the path rules below and be stored
    # under a key of their own; reduce them to the Host header and a path, as the app sees them.
    if (req.url ~ "^[a-zA-Z][a-zA-Z0-9+.-]*://") {
        set req.http.Host = regsub(req.url, "^[a-zA-Z][a-zA-Z0-9+.-]*://([^/?#]+).*$", "\1");
        set req.url = regsub(req.url, "^[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]+", "");
        if (req.url !~ "^/") {
            set req.url = "/" + req.url;
        }
    }

    # Only reads can be the same for everyone; a POST must also keep its CSRF cookie, so it leaves here
    # before the cookies are touched.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin and the document downloads depend on who asks (confinement, private files).
    if (req.url ~ "^/(admin|documents)(/|\?|$)") {
        return (pass);
    }
    # Someone acting as themselves: an API client with credentials, a signed-in editor (who must see live
    # pages and the admin bar), a visitor with a flash message waiting.
    if (req.http.Authorization) {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;)\s*(sessionid|messages)=") {
        return (pass);
    }
    # Every other cookie (csrftoken, analytics) changes nothing the app renders for an anonymous read, and
    # leaving it would make the built-in VCL pass the request. A page that needs a CSRF token sets the
    # cookie again, and such an answer is never stored (vcl_backend_response).
    unset req.http.Cookie;
    # No return: the built-in VCL lowercases Host (one object per site whatever the spelling) and refuses
    # HTTP/1.1 without Host, then looks the object up.
}

sub portal_purge {
    # Purging is a write to everyone's view of the portal: only the app's nodes may ask.
    if (client.ip !~ purgers) {
        return (synth(403, "Forbidden"));
    }
    if (!req.http.xkey-purge) {
        return (synth(400, "xkey-purge header required"));
    }
    # Hard purge: a page that changed must never be served again, not even as a stale copy during grace.
    set req.http.X-Purged = xkey.purge(req.http.xkey-purge);
    # In varnishlog, beside the request: which change emptied which pages.
    std.log("xkey purge [" + req.http.xkey-purge + "]: " + req.http.X-Purged + " objects");
    return (synth(200, "Invalidated " + req.http.X-Purged + " objects"));
}

sub vcl_hash {
    # Host and URL are added by the built-in vcl_hash. The scheme too: links the app renders behind an
    # HTTPS terminator differ from those over plain HTTP, and one must never be served for the other.
    hash_data(req.http.X-Forwarded-Proto);
}

sub vcl_backend_response {
    # The app decides what may be shared; what it does not say may be kept is not kept. Varnish alone
    # would keep an answer without Cache-Control for its default TTL, unpurgeable when it carries no tags.
    if (beresp.http.Cache-Control !~ "(?i)(^|[ ,])(s-maxage|max-age)[ ]*=") {
        call portal_do_not_store;
    }
    # Set-Cookie, private, no-store and no-cache all mean "this answer belongs to one visitor".
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)") {
        call portal_do_not_store;
    }
    # The TTL itself is Varnish's reading of Cache-Control (s-maxage before max-age). After it runs out,
    # a copy may be served for a few more seconds while one request refreshes it in the background: an
    # expired popular page costs one render, not one per waiting visitor. Purges are hard (portal_purge),
    # so grace only ever covers expiry, never a change.
    set beresp.grace = 10s;
}

sub portal_do_not_store {
    # Hit-for-miss (as the built-in VCL does): for two minutes requests for this URL go to the app
    # without waiting on each other, and the first answer that may be shared replaces the marker.
    set beresp.ttl = 120s;
    set beresp.uncacheable = true;
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # Tags name the records a page shows (page ids, sites): the cache's business, not the visitor's.
    unset resp.http.xkey;
    # The server's name and version help nobody but an attacker (gunicorn adds its bare name).
    unset resp.http.Server;
}

sub vcl_synth {
    set resp.http.X-Cache = "MISS";
    # The app's purge sender reads the status and, for its log, the reason; no HTML page around it.
    if (req.method == "PURGE") {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.body = resp.reason + {"
"};
        return (deliver);
    }
}
