"""A built site on this machine, for the bench, the front-end audit and the browser tests: a quiet
web server on a free loopback port, and Debian's Chromium with the flags that keep it offline."""
from __future__ import annotations

import functools
import http.server
import socketserver
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
# Headless, and no background connections: the machine has no network and the site asks for none.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def serve_directory(directory: Path) -> tuple[http.server.HTTPServer, str]:
    """Serve `directory` on 127.0.0.1 in a background thread: (server, base URL without '/')."""
    server = _Server(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
