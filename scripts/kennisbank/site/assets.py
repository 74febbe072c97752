"""The vendored lunr scripts the finder needs, taken from the installed MkDocs package (no CDN,
no npm at build time)."""
from __future__ import annotations

from pathlib import Path

import mkdocs
from mkdocs.structure.files import File, Files

_MKDOCS_SEARCH = Path(mkdocs.__file__).parent / "contrib" / "search"
VENDORED = {
    "assets/vendor/lunr/lunr.js": _MKDOCS_SEARCH / "templates" / "search" / "lunr.js",
    "assets/vendor/lunr/lunr.stemmer.support.js": _MKDOCS_SEARCH / "lunr-language" / "lunr.stemmer.support.js",
    "assets/vendor/lunr/lunr.nl.js": _MKDOCS_SEARCH / "lunr-language" / "lunr.nl.js",
}


def add_vendored_files(files: Files, config) -> None:
    for src_uri, path in VENDORED.items():
        files.append(File.generated(config, src_uri, abs_src_path=str(path)))
