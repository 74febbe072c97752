"""While serving: a Dutch page with its problems at the address of each entry that is left out
because of them (instead of MkDocs' English 404), so the page turns into the real one after the fix."""
from __future__ import annotations

import json
import re

from kennisbank.content import paths
from kennisbank.content.model import KINDS, Corpus
from kennisbank.content.problems import Problem

_PARTNER_ID = re.compile(r"^\s*-\s+id:\s*['\"]?([a-z0-9-]+)", re.M)


def placeholder_pages(corpus: Corpus, problems: list[Problem]) -> dict[str, str]:
    """While serving: a Dutch page, at the address of each entry left out for its problems, that
    lists them. It carries the live-reload script, so it turns into the real page after the fix."""
    broken: dict[str, list[Problem]] = {}
    for problem in problems:
        folder, _, name = problem.path.partition("/")
        if folder == paths.PRACTICES_DIR and name.endswith(".md"):
            broken.setdefault(f"{KINDS['practice'].url_prefix}/{name[:-3]}.md", []).append(problem)
        elif folder == paths.GUIDES_DIR and name.endswith(".yaml"):
            broken.setdefault(f"{KINDS['guide'].url_prefix}/{name[:-5]}.md", []).append(problem)
        elif problem.path == paths.PARTNERS_FILE:
            try:
                text = (paths.content_root() / paths.PARTNERS_FILE).read_text(encoding="utf-8")
            except OSError:
                continue
            for partner_id in _PARTNER_ID.findall(text):
                if partner_id not in corpus.partners:
                    broken.setdefault(f"{KINDS['partner'].url_prefix}/{partner_id}.md", []).append(problem)
    pages = {}
    for src, found in broken.items():
        items = "\n".join(f"- `{str(p).replace('`', chr(39))}`" for p in sorted(set(found)))
        meta = {"title": "Deze pagina heeft een probleem", "render_macros": False}
        pages[src] = ("---\n" + json.dumps(meta, ensure_ascii=False) + "\n---\n\n"
                      "# Deze pagina heeft een probleem\n\n"
                      "De bron van deze pagina bevat een fout, daarom tonen we ze nog niet. "
                      "Los het op en bewaar het bestand: deze pagina herlaadt dan vanzelf.\n\n" + items + "\n")
    return pages
