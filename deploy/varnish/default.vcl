vcl 4.1;
# Varnish in front of gunicorn: anonymous visitors' GET and HEAD requests are answered from memory for as long as
# the app's Cache-Control allows (s-maxage first, then max-age); editors, forms and the admin always reach the app.
# Wagtail purges a page when it is published (FRONTEND_CACHE_PURGE_URL=http://127.0.0.1:<this port>).
#
#   varnishd -a :6081 -f /path/to/deploy/varnish/default.vcl -s malloc,256m
#
# Two lines to check when deploying: the backend's port below (gunicorn's --bind), and the admin's path if
# ADMIN_URL_PATH moves it from /admin/.

import std;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
    # Cheap to answer. While the app is down, this lets visitors have stale pages (grace, below) instead of errors.
    # The timeout is generous: a busy app queues the probe behind slow pages, and busy is not down.
    .probe = {
        .url = "/robots.txt";
        .interval = 5s;
        .timeout = 5s;
        .window = 5;
        .threshold = 3;
    }
}

# Who may purge: Wagtail, from the app's own machine.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE" || req.method == "BAN") {
        # Varnish appends the client to X-Forwarded-For, so a comma means the request came through a proxy (a TLS
        # terminator on this machine, say) and client.ip is that proxy, not the requester: refuse it.
        if (client.ip !~ purgers || req.http.X-Forwarded-For ~ ",") {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.Host) {
            return (synth(400, "No Host"));
        }
        # PURGE /news/ drops /news/ and each of its query-string variants (?page=2, ?kind=…); BAN drops a whole
        # host, for an edit every page shows (the menu, the footer). Bans test only obj.*, so the lurker clears
        # them in the background.
        if (req.method == "BAN") {
            if (std.ban("obj.http.X-Host == " + req.http.Host)) {
                return (synth(200, "Banned"));
            }
        } else if (std.ban("obj.http.X-Host == " + req.http.Host + " && obj.http.X-Path == " + regsub(req.url, "\?.*$", ""))) {
            return (synth(200, "Purged"));
        }
        return (synth(400, std.ban_error()));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/admin(/|\?|$)") {
        return (pass);
    }
    # Campaign trackers make every shared link a different address; the page is the same.
    if (req.url ~ "[?&](utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)=") {
        set req.url = regsuball(req.url, "(?<=[?&])(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)=[^&]*&?", "");
        set req.url = regsub(req.url, "[?&]+$", "");
    }
    # Static files are the same for everyone, editors included. WhiteNoise's names carry a hash of the content.
    if (req.url ~ "^/static/") {
        unset req.http.Cookie;
        return (hash);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken)=") {
        return (pass);
    }
    # Any other cookie (a browser's analytics, say) means nothing to the app: without it the visitor shares the cache.
    unset req.http.Cookie;
    # While the app is healthy, content past its freshness is refetched at once; while it is down, it is served
    # for up to the grace set below, rather than an error.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_backend_response {
    # What PURGE and BAN above match on.
    set beresp.http.X-Host = bereq.http.Host;
    set beresp.http.X-Path = regsub(bereq.url, "\?.*$", "");
    if (beresp.status >= 500) {
        # An error is never kept; while a stale copy is there (a background refetch failed), keep serving that.
        if (bereq.is_bgfetch) {
            return (abandon);
        }
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    if (bereq.url ~ "^/static/") {
        unset beresp.http.Set-Cookie;
        if (beresp.status == 200 && beresp.ttl < 1d) {
            set beresp.ttl = 1d;
        }
    }
    # The app sends HTML, feeds and JSON uncompressed; Varnish compresses each once and keeps it compressed.
    if (!beresp.http.Content-Encoding
        && beresp.http.Content-Type ~ "^(text/|application/(json|xml|rss\+xml|atom\+xml|javascript)|image/svg\+xml)") {
        set beresp.do_gzip = true;
    }
    set beresp.grace = 1h;
    # Falls through to Varnish's built-in rules: a response with Set-Cookie, or Cache-Control private, no-cache or
    # no-store, is passed to the visitor and not kept.
}

sub vcl_deliver {
    unset resp.http.X-Host;
    unset resp.http.X-Path;
    # For checking from outside (make bench does): was this answered from the cache?
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } else if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
