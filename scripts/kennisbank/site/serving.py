"""`mkdocs serve` made quicker to notice an edit.

MkDocs polls the watched files every 0.5 s and then waits 0.1 s for more changes before it
rebuilds; with the incremental build (page_cache.py) a rebuild after editing one entry takes
well under a second, so the waiting would be most of the delay. The content folders are few
and small: polling them every 0.1 s costs little.
"""
from __future__ import annotations

import os
from pathlib import Path

import jinja2

from kennisbank.content.filecache import write_whole
from kennisbank.content.paths import cache_root

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


_LISTINGS: dict[tuple, list[str]] = {}  # the theme's files, kept across rebuilds


def _tree_stamp(folder: str | None) -> tuple:
    """Names and stamps of everything under `folder` (the theme overrides: a few dozen files)."""
    if not folder or not os.path.isdir(folder):
        return ()
    found = []
    for top, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            stat = os.stat(os.path.join(top, name))
            found.append((top, name, stat.st_mtime_ns, stat.st_size))
    return tuple(found)


def remember_theme_files(config) -> None:
    """MkDocs lists every file of the theme on every rebuild (Material ships thousands of icons:
    about 0.25 s); the installed theme does not change while serving, so keep the listing and
    look again only when the site's own theme overrides change."""
    theme = config.theme
    make_env = theme.get_env

    def get_env():
        env = make_env()
        list_templates = env.list_templates

        def listed(extensions=None, filter_func=None):
            key = (tuple(theme.dirs), _tree_stamp(theme.custom_dir), extensions,
                   getattr(filter_func, "__code__", filter_func), tuple(theme.static_templates))
            if key not in _LISTINGS:
                _LISTINGS.clear()
                _LISTINGS[key] = list_templates(extensions=extensions, filter_func=filter_func)
            return list(_LISTINGS[key])

        env.list_templates = listed
        return env

    theme.get_env = get_env


class _TemplateCache(jinja2.BytecodeCache):
    """Compiled templates, kept in memory across `mkdocs serve` rebuilds (MkDocs makes a new
    template environment for every rebuild) and in the build cache across builds: compiling
    Material's templates and ours takes about a second, in every build process. Jinja keys each
    one on its name and source, and checks the Python version."""

    def __init__(self):
        self.store: dict[str, bytes] = {}

    @staticmethod
    def _file(key: str) -> Path | None:
        root = cache_root()
        return root / "jinja" / f"{key}.bytecode" if root else None

    def load_bytecode(self, bucket):
        if bucket.key not in self.store and (file := self._file(bucket.key)) and file.is_file():
            self.store[bucket.key] = file.read_bytes()
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket):
        self.store[bucket.key] = bucket.bytecode_to_string()
        if file := self._file(bucket.key):
            write_whole(file, self.store[bucket.key])


TEMPLATE_CACHE = _TemplateCache()


def template_env(env):
    env.bytecode_cache = TEMPLATE_CACHE
    return env
