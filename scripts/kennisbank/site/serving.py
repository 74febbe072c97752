"""`mkdocs serve` made quicker to notice an edit.

MkDocs polls the watched files every 0.5 s and then waits 0.1 s for more changes before it
rebuilds; with the incremental build (page_cache.py) a rebuild after editing one entry takes
well under a second, so the waiting would be most of the delay. The content folders are few
and small: polling them every 0.1 s costs little.
"""
from __future__ import annotations

POLL_S = 0.1  # how often the watched files are compared
SETTLE_S = 0.05  # how long the server waits for more changes before it rebuilds


def quicken(server, config):
    observer = getattr(server, "observer", None)
    if observer is None or not hasattr(observer, "_timeout") or not hasattr(server, "unwatch"):
        return server  # another MkDocs: leave it as it is
    observer._timeout = POLL_S  # new watches poll this often (the content: config.watch)
    for path in (config.docs_dir, config.config_file_path):  # watched already: watch again
        if path:
            try:
                server.unwatch(path)
            except KeyError:
                continue
            server.watch(path)
    server.build_delay = SETTLE_S
    return server
