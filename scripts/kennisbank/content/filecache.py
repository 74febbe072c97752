"""Results of reading a file, kept until the file changes (its modification time or size).

`mkdocs serve` rebuilds on every edit; with this cache only the edited file is read again.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
Stamp = tuple[int, int]


def file_stamp(path: Path) -> Stamp | None:
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    return stat.st_mtime_ns, stat.st_size


class FileCache:
    def __init__(self):
        self._store: dict[str, tuple[Stamp | None, object]] = {}

    def get(self, path: Path, load: Callable[[], T], stamp: Stamp | None = None) -> T:
        """`load()`'s result for `path`, from the cache while the file is unchanged."""
        stamp = stamp or file_stamp(path)
        hit = self._store.get(str(path))
        if hit and hit[0] == stamp:
            return hit[1]
        value = load()
        self._store[str(path)] = (stamp, value)
        return value

    def clear(self) -> None:
        self._store.clear()


def write_whole(path: Path, data: str | bytes) -> None:
    """Write a file whole or not at all (through a temporary file beside it): a reader, also in
    another build process, never sees half of it. Makes the folder when it is not there (only
    then: a cache folder holds thousands of files)."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    data = data.encode("utf-8") if isinstance(data, str) else data
    try:
        temporary.write_bytes(data)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
    temporary.replace(path)
