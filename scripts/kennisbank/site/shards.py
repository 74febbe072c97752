"""Which entry pages each process of a split build renders (see tools/building.py)."""
from __future__ import annotations

from kennisbank.content.model import Corpus

# Shard 0 also makes the hand-written and listing pages, the static files and the sitemap (see
# events.add_files), the last shard then the open data (tools/building.py): shard 0 takes fewer
# entry pages.
FIRST_SHARD_SHARE = 0.85  # measured: at 7,000 entries both shards then end about together


def shard_entries(corpus: Corpus, shard: tuple[int, int]) -> list:
    """The entries whose pages shard `shard` = (i, n) renders, in a fixed order. Entries are
    dealt out in turn, each to the shard furthest behind its share."""
    index, count = shard
    entries = sorted(corpus.entries(), key=lambda e: (e.kind.name, e.id))
    if count == 1:
        return entries
    shares = [FIRST_SHARD_SHARE] + [1.0] * (count - 1)
    dealt = [0] * count
    mine = []
    for entry in entries:
        to = min(range(count), key=lambda i: ((dealt[i] + 1) / shares[i], i))
        dealt[to] += 1
        if to == index:
            mine.append(entry)
    return mine
