"""The measurements behind `make bench` (see scripts/bench.py)."""
from __future__ import annotations

import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from kennisbank.content import paths
from kennisbank.tools import floor_bench
from kennisbank.tools.finder_bench import (
    finder_in_browser,
    finder_payload_kb,
    percentile,
    queries_for,
)
from kennisbank.tools.synthetic import write_corpus

TARGETS = {"build_s@7000": 90, "growth": 4.2, "peak_rss_mb@7000": 1024, "html_kb_per_entry": 25,
           "first_query_kb_gz@7000": 300, "next_query_kb_gz@7000": 20, "query_p95_ms@7000": 16,
           "serve_rebuild_s": 3}


# ---------- process measurements ----------

def _descendants(pid: int) -> list[int]:
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry))
            except (OSError, ValueError, IndexError):
                continue
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += children.get(current, [])
    return found


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            match = re.search(r"^Pss:\s+(\d+) kB", handle.read(), re.MULTILINE)
            return int(match.group(1)) if match else 0
    except OSError:
        return 0


# Reading the PSS of a build's processes makes the kernel walk their memory: every 200 ms, that
# took a third of a core from the build it measured (seen with top at 7,000 entries).
SAMPLE_S = 0.5


def timed(command: list[str], env: dict, cwd: Path) -> tuple[float, float, str]:
    """Run a command; wall seconds, peak memory in MB (sum of PSS over its process tree,
    sampled every SAMPLE_S), and its output."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = 0
    output: list[str] = []
    reader = threading.Thread(target=lambda: output.extend(process.stdout), daemon=True)
    reader.start()
    while process.poll() is None:
        peak = max(peak, sum(_pss_kb(p) for p in _descendants(process.pid)))
        time.sleep(SAMPLE_S)
    wall = time.perf_counter() - start
    reader.join()
    if process.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{''.join(output)[-3000:]}")
    return wall, peak / 1024, "".join(output)


# ---------- site measurements ----------

def _dir_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _entry_pages(site: Path) -> list[Path]:
    return [p for prefix in ("praktijken", "partners", "stappenplannen")
            for p in (site / prefix).glob("*/index.html")]


# ---------- the runs ----------

def measure_corpus(entries: int, work: Path, queries: int) -> dict:
    practices = round(entries * 5 / 7)
    content = write_corpus(work / f"inhoud-{entries}", practices, entries - practices)
    site = work / f"site-{entries}"
    env = {**os.environ, "KENNISBANK_CONTENT": str(content), "NO_MKDOCS_2_WARNING": "1",
           "KENNISBANK_CACHE": str(work / f"cache-{entries}")}  # empty: a full build that fills it
    build = floor_bench.measured(timed, [sys.executable, "scripts/build.py", "--site-dir", str(site)], env, paths.ROOT)
    build_s, peak_mb = build["wall_s"], build["peak_mb"]
    floor = floor_bench.floor_build(timed, content, work)
    pages = _entry_pages(site)
    finder = finder_in_browser(site, queries_for(content, queries))
    times = finder["times"]
    result = {
        "entries": entries,
        "build_s": round(build_s, 1),
        "peak_rss_mb": round(peak_mb),
        "site_mb": round(_dir_bytes(site) / 2**20, 1),
        "html_kb_per_entry": round(sum(p.stat().st_size for p in pages) / len(pages) / 1024, 1),
        "html_kb_max_entry": round(max(p.stat().st_size for p in pages) / 1024, 1),
        "finder_kb_gz": round(finder_payload_kb(site), 1),
        "first_query_kb_gz": round(finder["first_kb"], 1),
        "next_query_kb_gz_p50": round(percentile(finder["next_kb"], 0.5), 1),
        "next_query_kb_gz_max": round(max(finder["next_kb"]), 1),
        "query_p50_ms": round(percentile(times, 0.5), 2),
        "query_p95_ms": round(percentile(times, 0.95), 2),
        "cpu_s": round(build["cpu_s"], 1),
        **floor_bench.ratios(build, floor),
    }
    if entries == 7000 or os.environ.get("KENNISBANK_BENCH_INCREMENTAL"):
        one_edit = floor_bench.incremental_one_edit(timed, content, site, env)
        result["incremental_one_edit_s"] = round(one_edit["wall_s"], 1)  # the median of EDITS
        result["incremental_one_edit_runs_s"] = one_edit["runs_s"]
    shutil.rmtree(work / f"cache-{entries}", ignore_errors=True)
    shutil.rmtree(site)
    shutil.rmtree(content)
    return result


def serve_rebuild_s(work: Path) -> float:
    """Edit one practice of the shipped content while `mkdocs serve` runs; seconds until the
    served page shows the edit: the median of EDITS edits (MkDocs looks for changes every half
    second, so one edit's figure varies by that much)."""
    content = work / "inhoud-echt"
    content.mkdir()
    for name in ("practices", "guides"):
        shutil.copytree(paths.ROOT / name, content / name)
    for name in ("partners.yaml", "zelfscan.yaml"):
        if (paths.ROOT / name).exists():
            shutil.copy2(paths.ROOT / name, content / name)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "KENNISBANK_CONTENT": str(content), "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
                               "--watch", str(content)], cwd=paths.ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    practice = sorted((content / "practices").glob("*.md"))[0]
    url = f"http://127.0.0.1:{port}/praktijken/{practice.stem}/"
    try:
        _wait_until(lambda: "<h1" in _get(url), 120)
        times = []
        for _ in range(floor_bench.EDITS):
            marker = f"Bench-markering {time.time_ns()}"
            start = time.perf_counter()
            practice.write_text(practice.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
            _wait_until(lambda marker=marker: marker in _get(url), 60, interval=0.02)
            times.append(time.perf_counter() - start)
        return round(sorted(times)[len(times) // 2], 2)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def _wait_until(check, seconds: float, interval: float = 0.2) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(interval)
    raise TimeoutError("timed out")


def baseline_full_nav(entries: int, work: Path) -> dict:
    """Plain mkdocs-material, every page in the nav: what the design avoids."""
    project = work / "baseline"
    docs = project / "docs"
    docs.mkdir(parents=True)
    content = write_corpus(work / "inhoud-baseline", entries, 0)
    nav = []
    for path in sorted((content / "practices").glob("*.md")):
        (docs / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        nav.append({path.stem: path.name})
    (docs / "index.md").write_text("# Baseline\n", encoding="utf-8")
    config = {"site_name": "Baseline", "theme": {"name": "material", "language": "nl", "font": False},
              "nav": [{"Start": "index.md"}, {"Praktijken": nav}]}
    (project / "mkdocs.yml").write_text(json.dumps(config), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    build_s, peak_mb, _ = timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
                                 "-d", str(project / "site")], env, project)
    pages = list((project / "site").glob("praktijk-*/index.html"))
    return {"entries": entries, "build_s": round(build_s, 1), "peak_rss_mb": round(peak_mb),
            "site_mb": round(_dir_bytes(project / "site") / 2**20, 1),
            "html_kb_per_entry": round(sum(p.stat().st_size for p in pages) / len(pages) / 1024, 1)}


def _print_row(values: list, widths: list[int]) -> None:
    print("  ".join(str(v).rjust(w) for v, w in zip(values, widths, strict=True)), flush=True)


def frontend_figures(lighthouse: str | None = None) -> dict:
    """Front-end weight and accessibility of the shipped site (tools/frontend_audit.py)."""
    from kennisbank.tools.frontend_audit import build_and_audit, print_figures

    print("\nfront end (shipped content):")
    figures = build_and_audit(lighthouse)
    print_figures(figures)
    return figures


def run_benchmark(sizes: list[int], baseline: bool = False, queries: int = 100) -> dict:
    results: dict = {"machine": {"cpus": len(os.sched_getaffinity(0)), "python": platform.python_version(),
                                 "platform": platform.platform()},
                     "targets": TARGETS, "runs": []}
    columns = ["entries", "build_s", "peak_rss_mb", "site_mb", "html_kb_per_entry", "finder_kb_gz",
               "first_query_kb_gz", "next_query_kb_gz_p50", "next_query_kb_gz_max", "query_p50_ms", "query_p95_ms"]
    widths = [max(8, len(c)) for c in columns]
    _print_row(columns, widths)
    with tempfile.TemporaryDirectory(prefix="kennisbank-bench-") as tmp:
        work = Path(tmp)
        for size in sizes:
            run = measure_corpus(size, work, queries)
            results["runs"].append(run)
            _print_row([run[c] for c in columns], widths)
        results["serve_rebuild_s"] = results["serve_reload_s"] = serve_rebuild_s(work)
        print(f"\nmake serve: rebuild after editing one practice (shipped content): {results['serve_rebuild_s']} s")
        floor_bench.print_side_by_side(results)
        runs = {r["entries"]: r for r in results["runs"]}
        if 2000 in runs and 7000 in runs:
            results["growth_7000_over_2000"] = round(runs[7000]["build_s"] / runs[2000]["build_s"], 2)
            print(f"growth: build at 7,000 / build at 2,000 = {results['growth_7000_over_2000']} (linear: 3.5)")
        if baseline:
            results["baseline"] = baseline_full_nav(500, work)
            b = results["baseline"]
            print(f"baseline, plain mkdocs-material with every page in the nav, {b['entries']} entries: "
                  f"{b['build_s']} s, {b['peak_rss_mb']} MB, site {b['site_mb']} MB, "
                  f"{b['html_kb_per_entry']} KB per page")
    print("\ntargets: " + ", ".join(f"{k} ≤ {v}" for k, v in TARGETS.items()))
    return results
