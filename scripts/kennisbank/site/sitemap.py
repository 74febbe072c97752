"""The sitemap's pages: MkDocs lists only the pages it rendered; a build that keeps pages from an
earlier build, or leaves them to another process, renders fewer. This lists them all."""
from __future__ import annotations

import json
from urllib.parse import urljoin

from mkdocs.structure.files import InclusionLevel
from mkdocs.utils import get_build_date


def sitemap_pages(files, config) -> list[tuple[str, str]]:
    """Address and date of every page for the sitemap, stubs included, in the order of the
    files (so that it does not depend on which pages this build rendered): an entry page's date
    is the day its sources were last consulted, other pages have the build date."""
    found = []
    for file in files.documentation_pages(inclusion=InclusionLevel.all) if files else []:
        page = file.page
        if page is not None:
            if page.is_link or not (page.abs_url or page.canonical_url):
                continue
            found.append((page.canonical_url or page.abs_url, page.meta.get("kb_checked") or page.update_date))
        elif file.inclusion.is_excluded() and file.generated_by and config.site_url:
            meta = json.loads(file.content_string[4:file.content_string.index("\n---\n", 4)])
            base = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
            found.append((urljoin(base, file.url), meta.get("kb_checked") or get_build_date()))
    return found
