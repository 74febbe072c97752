"""`make build`: validate, build with MkDocs in strict mode, then swap the new site in.

MkDocs renders pages one by one in one process. With many entries the build is split over the
machine's cores: after the content is loaded and validated once, the process forks one child
per core; child i renders every n-th entry page into its own folder (events.add_files), child 0
also the hand-written and listing pages, the last child the open data; the parent makes the
finder's data meanwhile. The parent then moves what the other children and it made into child
0's folder and swaps that in for site/. Each child runs the same strict MkDocs build over the same pages,
so the pages are identical to those of a single-process build.
"""
from __future__ import annotations

import gc
import logging
import os
import shutil
import subprocess
import sys
import time
import traceback
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from kennisbank.content import loader, paths
from kennisbank.content.loader import load_corpus
from kennisbank.content.model import Corpus
from kennisbank.content.problems import ContentError, format_problems
from kennisbank.content.publication import build_epoch
from kennisbank.search.search_index import finder_files
from kennisbank.site import events, page_cache

MIN_ENTRIES_PER_SHARD = 400  # below this, a second process costs more than it saves


def _setup_logging() -> None:
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.WARNING)


def run_mkdocs(config_file: str | Path, site_dir: Path, command: str = "build",
               shard: tuple[int, int] = (0, 1)) -> None:
    """One MkDocs build in this process (so parsed content is reused); strict unless it
    imitates `serve`, which reports content problems on the pages instead of failing. A shard
    of a split build leaves the finder's data to the parent process (_finder_beside)."""
    config = load_config(str(config_file), site_dir=str(site_dir), strict=command == "build")
    config.plugins.on_startup(command=command, dirty=False)
    events.STATE.shard, events.STATE.finder_here = shard, shard[1] == 1
    try:
        mkdocs_build(config)
    finally:
        events.STATE.shard, events.STATE.finder_here = (0, 1), True
        config.plugins.on_shutdown()


def shard_count(corpus: Corpus) -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, len(corpus.entries()) // MIN_ENTRIES_PER_SHARD))


def _start_children(config_file: str, staging: list[Path], count: int) -> list[int]:
    """Fork one child per shard; return their process ids."""
    sys.stdout.flush()
    sys.stderr.flush()
    gc.freeze()  # the collector must not touch (and so copy) the shared objects in each child
    pids = []
    for index in range(count):
        pid = os.fork()
        if pid == 0:  # the child: build one shard, never return into the parent's code
            code = 0
            try:
                run_mkdocs(config_file, staging[index], shard=(index, count))
            except (MkDocsException, ContentError) as error:
                print(f"De build is mislukt: {error}", file=sys.stderr)
                code = 1
            except BaseException:  # noqa: BLE001 - report whatever happened, then leave
                traceback.print_exc()
                code = 2
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
        pids.append(pid)
    gc.unfreeze()
    return pids


def _finder_beside(corpus: Corpus, folder: Path) -> None:
    """While the children build: the finder's data, into `folder` (the parent's core would
    otherwise wait idle, and one child would take the finder on top of its pages)."""
    files = {folder / path: text for path, text in finder_files(corpus)}
    for parent in {target.parent for target in files}:
        parent.mkdir(parents=True, exist_ok=True)
    for target, text in files.items():
        target.write_text(text, encoding="utf-8")


def _merge(staging: list[Path], finder: Path) -> None:
    """Move what each child made (its entry pages; the last one also the open data) and the
    finder's data into the first child's site."""
    for folder in [*staging[1:], finder]:
        _move_into(folder, staging[0])
        shutil.rmtree(folder, ignore_errors=True)


def _move_into(source: Path, target: Path) -> None:
    """Move the tree `source` into the tree `target`: a folder that is not there yet whole."""
    for folder, names, files in os.walk(source):
        here = target / Path(folder).relative_to(source)
        here.mkdir(parents=True, exist_ok=True)
        for name in [*names]:
            if not (here / name).exists():
                (Path(folder) / name).rename(here / name)
                names.remove(name)
        for name in files:
            (Path(folder) / name).replace(here / name)


def _release_content() -> None:
    """In the parent, once the children have their copy: drop the loaded content, so the
    machine holds it once per child rather than once more."""
    loader.forget()
    events.STATE.corpus = Corpus()
    gc.collect()


def _swap(new: Path, target: Path) -> None:
    old = target.with_name(f"{target.name}.old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    new.rename(target)
    if old.exists():  # removing thousands of pages takes seconds: let another process do it
        subprocess.Popen([sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], True)", str(old)],
                         start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def build_site(config_file: str = "mkdocs.yml", site_dir: str = "site", out=None, shards: int | None = None) -> int:
    out = out or sys.stdout
    os.chdir(paths.ROOT)
    try:
        corpus, problems = load_corpus()
    except ContentError as error:
        corpus, problems = None, error.problems
    if problems:
        print(format_problems(problems), file=out)
        print("De site is niet gebouwd; site/ is niet veranderd.", file=out)
        return 1
    saved_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = build_epoch(corpus)  # the one build date, also for MkDocs
    box = [corpus]  # handed over, so that no frame here keeps the corpus alive in the parent
    del corpus
    try:
        return _build(box, config_file, site_dir, out, shards)
    finally:
        if saved_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved_epoch


def _build(box: list[Corpus], config_file: str, site_dir: str, out, shards: int | None) -> int:
    corpus = box.pop()
    count = shards or shard_count(corpus)
    target = Path(site_dir).resolve()
    staging = [target.with_name(f"{target.name}.tmp-{os.getpid()}-{i}") for i in range(count)]
    finder = target.with_name(f"{target.name}.tmp-{os.getpid()}-finder")
    _setup_logging()
    try:
        if count == 1:
            run_mkdocs(config_file, staging[0])
        else:
            since = time.time() - 0.05  # file times may lag the clock by a tick
            pids = _start_children(config_file, staging, count)
            try:
                _finder_beside(corpus, finder)
            finally:
                del corpus
                _release_content()
                codes = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in pids]
            if any(codes):
                raise MkDocsException(f"{sum(1 for c in codes if c)} van de {count} bouwprocessen faalden")
            _merge(staging, finder)
            page_cache.prune_split(since)
    except (MkDocsException, ContentError) as error:
        for folder in [*staging, finder]:
            shutil.rmtree(folder, ignore_errors=True)
        print(f"De build is mislukt: {error}", file=out)
        print("site/ is niet veranderd.", file=out)
        return 1
    except BaseException:
        for folder in [*staging, finder]:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    _swap(staging[0], target)
    where = target.relative_to(paths.ROOT) if target.is_relative_to(paths.ROOT) else target
    print(f"Site gebouwd in {where}.", file=out)
    return 0
