"""`make build`: validate, build with MkDocs in strict mode, then swap the new site in."""
from __future__ import annotations

import logging
import os
import shutil
import sys
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from . import paths
from .loader import load_corpus
from .problems import ContentError, format_problems


def _setup_logging() -> None:
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.WARNING)


def run_mkdocs(config_file: str | Path, site_dir: Path, command: str = "build") -> None:
    """One MkDocs build in this process (so parsed content is reused); strict unless it
    imitates `serve`, which reports content problems on the pages instead of failing."""
    config = load_config(str(config_file), site_dir=str(site_dir), strict=command == "build")
    config.plugins.on_startup(command=command, dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()


def _swap(new: Path, target: Path) -> None:
    old = target.with_name(f"{target.name}.old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def build_site(config_file: str = "mkdocs.yml", site_dir: str = "site", out=None) -> int:
    out = out or sys.stdout
    os.chdir(paths.ROOT)
    try:
        _, problems = load_corpus()
    except ContentError as error:
        problems = error.problems
    if problems:
        print(format_problems(problems), file=out)
        print("De site is niet gebouwd; site/ is niet veranderd.", file=out)
        return 1
    target = Path(site_dir).resolve()
    staging = target.with_name(f"{target.name}.tmp-{os.getpid()}")
    _setup_logging()
    try:
        run_mkdocs(config_file, staging)
    except (MkDocsException, ContentError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"De build is mislukt: {error}", file=out)
        print("site/ is niet veranderd.", file=out)
        return 1
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap(staging, target)
    print(f"Site gebouwd in {target.relative_to(paths.ROOT) if target.is_relative_to(paths.ROOT) else target}.", file=out)
    return 0
