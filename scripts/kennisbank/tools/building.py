"""`make build`: validate, build with MkDocs in strict mode, then swap the new site in.

MkDocs renders pages one by one in one process. With many entries the build is split over the
machine's cores: after the content is loaded and validated once (by the leader, a child of the
calling process), the leader forks one process per core and leaves; process i renders every
n-th entry page into its own folder (events.add_files), process 0 also the hand-written and
listing pages, the last one then the open data and the downloads; one more process makes the
finder's data meanwhile. The calling process waits for them all, moves what they made into shard 0's folder
and swaps that in for site/. Each shard runs the same strict MkDocs build over the same pages,
so the pages are identical to those of a single-process build.
"""
from __future__ import annotations

import ctypes
import gc
import json
import logging
import os
import shutil
import subprocess
import sys
import time
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from kennisbank.content import paths
from kennisbank.content.loader import load_corpus
from kennisbank.content.model import Corpus
from kennisbank.content.problems import ContentError, format_problems
from kennisbank.content.publication import build_epoch
from kennisbank.hooks import EXTRAS
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
               shard: tuple[int, int] = (0, 1)):
    """One MkDocs build in this process (so parsed content is reused); strict unless it
    imitates `serve`, which reports content problems on the pages instead of failing. A shard
    of a split build leaves the finder's data and the open data to others (_start_children).
    Returns the build's configuration."""
    config = load_config(str(config_file), site_dir=str(site_dir), strict=command == "build")
    config.plugins.on_startup(command=command, dirty=False)
    events.STATE.shard, events.STATE.data_here = shard, shard[1] == 1
    try:
        mkdocs_build(config)
    finally:
        events.STATE.shard, events.STATE.data_here = (0, 1), True
        config.plugins.on_shutdown()
    return config


def shard_count(corpus: Corpus) -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, len(corpus.entries()) // MIN_ENTRIES_PER_SHARD))


def _fork(work) -> int:
    """Run `work()` in a child process; return its process id. The child never returns into
    the parent's code: it reports a failure on stderr and leaves with a non-zero code."""
    pid = os.fork()
    if pid:
        return pid
    code = 0
    try:
        work()
    except (MkDocsException, ContentError) as error:
        print(f"De build is mislukt: {error}", file=sys.stderr)
        code = 1
    except BaseException:  # noqa: BLE001 - report whatever happened, then leave
        traceback.print_exc()
        code = 2
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _start_children(corpus: Corpus, config_file: str, staging: list[Path], beside: Path) -> list[int]:
    """Fork one child per shard and one for the finder's data; return their process ids.

    Each child works on the content loaded before the fork, shared with the others until a
    process writes to it. Even a process that only reads it writes (reference counts), so a
    child copies what it touches; the collector stays off the shared objects (gc.freeze), and
    the leader leaves rather than keep a copy of its own (build_site)."""
    sys.stdout.flush()
    sys.stderr.flush()
    gc.freeze()
    count = len(staging)
    pids = [_fork(lambda index=index: _shard(corpus, config_file, staging[index], (index, count)))
            for index in range(count)]
    pids.append(_fork(lambda: _write_into(beside, EXTRAS.search_files(corpus))))
    return pids


SHARD_NICENESS = 5  # the shards yield to the finder's process (see _shard)


def _shard(corpus: Corpus, config_file: str, site_dir: Path, shard: tuple[int, int]) -> None:
    """One shard of a split build. It runs at a lower priority than the process that makes the
    finder's data beside it: that one holds the finder's arrays while it works, so it should be
    done early, while the shards are still small (in a rebuild after one edit it also has the
    most to do); the cores stay as busy either way. The last shard then writes the open data and
    the downloads, into the memory its pages let go."""
    os.nice(SHARD_NICENESS)
    config = run_mkdocs(config_file, site_dir, shard=shard)
    if shard[0] == shard[1] - 1:
        gc.collect()  # the build's pages and files, before the open data takes their place
        _write_into(site_dir, _emptied(EXTRAS.data_files(corpus, config)))


def _emptied(files: dict[str, str | bytes]) -> Iterator[tuple[str, str | bytes]]:
    """The files of a dict, each taken out of it (so let go once written)."""
    while files:
        yield files.popitem()


def _write_into(folder: Path, files: Iterable[tuple[str, str | bytes]]) -> None:
    """Write each (path, content) as it comes."""
    made: set[Path] = set()
    for path, content in files:
        target = folder / path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        if isinstance(content, str):
            target.write_text(content, encoding="utf-8")
        else:
            target.write_bytes(content)


def _merge(staging: list[Path], beside: Path) -> None:
    """Move what each child made (the other shards' entry pages, the data made beside them)
    into the first shard's site."""
    for folder in [*staging[1:], beside]:
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


def _swap(new: Path, target: Path) -> None:
    old = target.with_name(f"{target.name}.old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    new.rename(target)
    if old.exists():  # removing thousands of pages takes seconds: let another process do it
        subprocess.Popen([sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], True)", str(old)],
                         start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def build_site(config_file: str = "mkdocs.yml", site_dir: str = "site", out=None, shards: int | None = None) -> int:
    """Build the site into `site_dir`; report on `out`; 0 when built, else 1 (site_dir unchanged).

    The build runs in a child process, the leader (_lead): it loads the content and builds, or
    forks the processes of a split build and leaves at once. So while they run, no process
    holds the loaded content only to wait for them: each copy of it in memory is one at work."""
    out = out or sys.stdout
    os.chdir(paths.ROOT)
    plan = Plan(Path(site_dir).resolve(), os.getpid())
    since = time.time() - 0.05  # file times may lag the clock by a tick
    sys.stdout.flush()
    sys.stderr.flush()
    adopts = _adopt_orphans()
    read, write = os.pipe()
    leader = os.fork()
    if leader == 0:
        os.close(read)
        _lead(plan, config_file, shards, write, leave=adopts)
    os.close(write)
    with os.fdopen(read, encoding="utf-8") as pipe:
        report = json.loads(pipe.read() or "{}")  # read to the end: until every build process has ended
    page_cache.LAST.clear()
    page_cache.LAST.update(report.get("cache", {}))
    led = _wait(leader)
    codes = [_wait(pid) for pid in report.get("pids", [])]
    if not report.get("problems") and not report.get("failed") and (led or any(codes)):
        report["failed"] = _failures(codes) or f"het bouwproces stopte met code {led}"
    if report.get("problems"):
        print(report["problems"], file=out)
        print("De site is niet gebouwd; site/ is niet veranderd.", file=out)
    elif report.get("failed"):
        print(f"De build is mislukt: {report['failed']}", file=out)
        print("site/ is niet veranderd.", file=out)
    if report.get("problems") or report.get("failed"):
        for folder in plan.folders():
            shutil.rmtree(folder, ignore_errors=True)
        return 1
    if report["count"] > 1:
        _merge(plan.staging(report["count"]), plan.beside)
        page_cache.prune_split(since)
    _swap(plan.staging(1)[0], plan.target)
    where = plan.target.relative_to(paths.ROOT) if plan.target.is_relative_to(paths.ROOT) else plan.target
    print(f"Site gebouwd in {where}.", file=out)
    return 0


@dataclass
class Plan:
    """Where a build goes: the site, and next to it a folder per shard and one for the data
    made beside them (named after the process that started the build)."""
    target: Path
    pid: int

    def staging(self, count: int) -> list[Path]:
        return [self.target.with_name(f"{self.target.name}.tmp-{self.pid}-{i}") for i in range(count)]

    @property
    def beside(self) -> Path:
        return self.target.with_name(f"{self.target.name}.tmp-{self.pid}-data")

    def folders(self) -> list[Path]:
        return sorted(self.target.parent.glob(f"{self.target.name}.tmp-{self.pid}-*"))


def _wait(pid: int) -> int:
    """Wait for a child process to end; its exit code."""
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def _failures(codes: list[int]) -> str | None:
    failed = sum(1 for code in codes if code)
    return f"{failed} van de {len(codes)} bouwprocessen faalden" if failed else None


def _adopt_orphans() -> bool:
    """Let the processes of a split build become this process's children when the leader that
    forked them leaves (Linux: PR_SET_CHILD_SUBREAPER), so that it can wait for them."""
    try:
        return ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False


def _lead(plan: Plan, config_file: str, shards: int | None, pipe: int, leave: bool) -> None:
    """The leader (a child process; never returns): load and check the content, then build it
    here, or start the processes of a split build and leave (`leave`; else wait for them).
    What happened goes to the pipe as one JSON object: the content's problems, or the failure,
    or the number of shards and the processes to wait for."""
    report: dict = {}
    try:
        try:
            corpus, problems = load_corpus()
        except ContentError as error:
            corpus, problems = None, error.problems
        if problems:
            report["problems"] = format_problems(problems)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = build_epoch(corpus)  # the one build date, also for MkDocs
            report["count"] = count = shards or shard_count(corpus)
            _setup_logging()
            if count == 1:
                run_mkdocs(config_file, plan.staging(1)[0])
                report["cache"] = page_cache.LAST  # for the caller (tests, the benchmark)
            else:
                pids = _start_children(corpus, config_file, plan.staging(count), plan.beside)
                report["pids"] = pids if leave else []
                failures = None if leave else _failures([_wait(pid) for pid in pids])
                if failures:
                    report["failed"] = failures
    except (MkDocsException, ContentError) as error:
        report["failed"] = str(error)
    except BaseException:  # noqa: BLE001 - reported, and the build fails
        traceback.print_exc()
        report["failed"] = "een onverwachte fout (zie hierboven)"
    with os.fdopen(pipe, "w", encoding="utf-8") as out:
        out.write(json.dumps(report, ensure_ascii=False))
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(1 if report.get("failed") or report.get("problems") else 0)
