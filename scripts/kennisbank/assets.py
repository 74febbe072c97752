"""Files the site needs besides pages: the finder's data, made from the content, and the
vendored lunr scripts (taken from the installed MkDocs package: no CDN, no npm at build time)."""
from __future__ import annotations

from pathlib import Path

import mkdocs
from mkdocs.structure.files import File, Files

from . import export, projectplan
from .model import Corpus
from .search_index import finder_files

_MKDOCS_SEARCH = Path(mkdocs.__file__).parent / "contrib" / "search"
VENDORED = {
    "assets/vendor/lunr/lunr.js": _MKDOCS_SEARCH / "templates" / "search" / "lunr.js",
    "assets/vendor/lunr/lunr.stemmer.support.js": _MKDOCS_SEARCH / "lunr-language" / "lunr.stemmer.support.js",
    "assets/vendor/lunr/lunr.nl.js": _MKDOCS_SEARCH / "lunr-language" / "lunr.nl.js",
}


def generated_assets(corpus: Corpus, config) -> dict[str, str | bytes]:
    return {**finder_files(corpus), **projectplan.download_files(),  # downloads/: the project-plan templates
            **export.open_data_files(corpus, config.site_url)}  # data/ and feed.xml: open data


def linked_assets() -> dict[str, bytes]:
    """Generated files that pages link to (so every build shard must know them)."""
    return projectplan.download_files()


def add_vendored_files(files: Files, config) -> None:
    for src_uri, path in VENDORED.items():
        files.append(File.generated(config, src_uri, abs_src_path=str(path)))
