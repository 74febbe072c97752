"""Load every content file, validate it and report all problems at once.

Each file is parsed and checked on its own (and cached by modification time, so `mkdocs serve`
only re-reads what changed); checks that need the whole corpus run afterwards (crossref.py).
A file with problems is left out of the corpus, the others still load.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from kennisbank.content import inputs, paths
from kennisbank.content.crossref import check_corpus, entry_problems
from kennisbank.content.embeds import EMBED_HINT, external_embeds, may_embed
from kennisbank.content.filecache import FileCache, Stamp, file_stamp
from kennisbank.content.frontmatter import split_front_matter
from kennisbank.content.held_back import entry_is_clean, hold_back
from kennisbank.content.model import KINDS, Corpus, Entry
from kennisbank.content.problems import CAUSE, Problem, ordered
from kennisbank.content.safety import SAFETY_HINT, may_be_unsafe, unsafe_html
from kennisbank.content.schema import validate
from kennisbank.content.selfscan import check_selfscan
from kennisbank.content.storedfiles import StoredFiles, read_beside
from kennisbank.content.vocab import slugify
from kennisbank.content.yamlio import YamlDoc, iter_strings, parse_yaml, read_text

_files = FileCache()


def _unsafe_fields(doc: YamlDoc, relpath: str) -> list[Problem]:
    """Scan every string in the YAML data for script and for resources from other sites (first
    all of them together, with the scanners' quick tests: most files have nothing to scan for)."""
    strings = list(iter_strings(doc.data))
    joined = "\n".join(text for _, text in strings)
    if not may_be_unsafe(joined) and not may_embed(joined):
        return []
    return [Problem(relpath, doc.line_of(path) + line - 1, f"{what} is niet toegestaan", hint)
            for path, text in strings for line, what, hint in _unsafe(text)]


def _unsafe(text: str) -> list[tuple[int, str, str]]:
    return [*((line, what, SAFETY_HINT) for line, what in unsafe_html(text)),
            *((line, what, EMBED_HINT) for line, what in external_embeds(text))]


def _linked(path: Path, relpath: str) -> list[Problem]:
    """Content must be a plain file in the repository: a symbolic link could point anywhere."""
    if not path.is_symlink():
        return []
    return [Problem(relpath, 1, f"{relpath} is een symbolische link, geen gewoon bestand",
                    "zet de inhoud zelf in de repository (kopieer het bestand en verwijder de link)", rank=CAUSE)]


def _check_file_name(relpath: str, stem: str) -> list[Problem]:
    if slugify(stem) != stem:
        return [Problem(relpath, 1, f"bestandsnaam '{stem}' is geen geldige id",
                        f"gebruik kleine letters, cijfers en koppeltekens, bv. '{slugify(stem) or 'mijn-praktijk'}'")]
    return []


def _fields_of(text: str, relpath: str, what: str, first_line: int = 1) -> tuple[YamlDoc | None, list[Problem]]:
    """Parse YAML that must be a group of fields (a mapping)."""
    doc, problems = parse_yaml(text, relpath, line_offset=first_line - 1)
    if doc is not None and not isinstance(doc.data, dict):
        return None, [Problem(relpath, first_line, f"{what} moet velden bevatten",
                              "schrijf elk veld als 'naam: waarde' op een eigen regel")]
    return doc, problems


def _load_practice(path: Path, relpath: str) -> tuple[list[Entry], list[Problem]]:
    text, problems = read_text(path, relpath)
    if text is None:
        return [], problems
    split, problems = split_front_matter(text, relpath)
    if split is None:
        return [], problems
    doc, problems = _fields_of(split.yaml_text, relpath, "de front matter", split.yaml_first_line)
    if doc is None:
        return [], problems
    problems += validate("practice", doc, relpath)
    problems += _check_file_name(relpath, path.stem)
    problems += _unsafe_fields(doc, relpath)
    problems += [Problem(relpath, split.body_first_line + line - 1, f"{what} is niet toegestaan", hint)
                 for line, what, hint in _unsafe(split.body)]
    if not split.body.strip() and doc.data.get("status") != "concept":
        problems.append(Problem(relpath, split.body_first_line, "de tekst onder de front matter ontbreekt",
                                "vertel onder de tweede '---' in gewone Markdown waarom en hoe de praktijk werkt"))
    entry = Entry(KINDS["practice"], path.stem, relpath, doc.data, doc,
                  body=split.body, body_line=split.body_first_line)
    return [entry], problems


def _load_guide(path: Path, relpath: str) -> tuple[list[Entry], list[Problem]]:
    text, problems = read_text(path, relpath)
    if text is None:
        return [], problems
    doc, problems = _fields_of(text, relpath, "een stappenplan")
    if doc is None:
        return [], problems
    problems += validate("guide", doc, relpath)
    problems += _check_file_name(relpath, path.stem)
    problems += _unsafe_fields(doc, relpath)
    return [Entry(KINDS["guide"], path.stem, relpath, doc.data, doc)], problems


def _load_partners(path: Path, relpath: str) -> tuple[list[Entry], list[Problem]]:
    text, problems = read_text(path, relpath)
    if text is None:
        return [], problems
    doc, problems = parse_yaml(text, relpath)
    if doc is None:
        return [], problems
    if not isinstance(doc.data, dict) or not isinstance(doc.data.get("partners"), list):
        return [], problems + validate("partners", doc, relpath)
    entries, seen = [], {}
    for index, item in enumerate(doc.data["partners"]):
        base = ("partners", index)
        if not isinstance(item, dict):
            problems.append(Problem(relpath, doc.line_of(base), "een partner moet velden bevatten",
                                    "begin met '- id: ...' en zet de andere velden eronder"))
            continue
        entry_id = item.get("id")
        if isinstance(entry_id, str) and entry_id in seen:
            problems.append(Problem(relpath, doc.line_of(base + ("id",)),
                                    f"id '{entry_id}' wordt twee keer gebruikt (ook op regel {seen[entry_id]})",
                                    "geef elke partner een eigen id, of voeg de twee samen"))
            continue
        seen[entry_id] = doc.line_of(base + ("id",))
        entries.append(Entry(KINDS["partner"], str(entry_id), relpath, item, doc, base=base,
                             source_line=doc.line_of(base + ("id",))))
    problems += validate("partners", doc, relpath)
    problems += _unsafe_fields(doc, relpath)
    return entries, problems


def _reparse(path: Path, relpath: str) -> YamlDoc | None:
    """The YAML of a content file parsed again (for line numbers that were let go)."""
    text, _ = read_text(path, relpath)
    if text is None:
        return None
    first_line = 1
    if path.suffix == ".md":
        split, _ = split_front_matter(text, relpath)
        if split is None:
            return None
        text, first_line = split.yaml_text, split.yaml_first_line
    return parse_yaml(text, relpath, line_offset=first_line - 1)[0]


def _read(path: Path, relpath: str, load) -> tuple[list[Entry], list[Problem]]:
    entries, problems = load(path, relpath)
    return entries, problems + [p for entry in entries for p in entry_problems(entry)]


def _cached(path: Path, relpath: str, load, stamp: Stamp | None,
            stored: StoredFiles) -> tuple[list[Entry], list[Problem]]:
    def read() -> tuple[list[Entry], list[Problem]]:
        key = stored.key_of(path, relpath)
        kept = stored.entries(key, relpath, lambda: _reparse(path, relpath))
        entries, problems = (kept, []) if kept is not None else _read(path, relpath, load)
        if key and len(entries) == 1:  # a file of one entry (not partners.yaml: one edit, one page)
            entries[0].source_key = key
        if kept is not None:  # the same bytes read without problems by an earlier build
            return kept, []
        if not problems:  # the line maps are only needed to report problems: let them go
            for doc in {id(e.doc): e.doc for e in entries}.values():
                doc.forget_lines(lambda: _reparse(path, relpath))
            stored.keep(key, entries)
        return entries, problems

    return _files.get(path, read, stamp)


def _content_files(root: Path, folder: str, suffix: str) -> tuple[list[Path], list[Problem]]:
    directory = root / folder
    if not directory.is_dir():
        return [], []
    files, problems = [], []
    for path in sorted(directory.iterdir()):
        if path.name.startswith("."):
            continue
        if path.is_symlink():
            problems += _linked(path, f"{folder}/{path.name}")
        elif path.suffix == suffix and path.is_file():
            files.append(path)
        else:
            problems.append(Problem(f"{folder}/{path.name}", 1, f"onverwacht bestand in {folder}/",
                                    f"alleen '*{suffix}'-bestanden horen hier; verplaats of hernoem het"))
    return files, problems


_last: dict = {}


def forget() -> None:
    """Drop every cached file and result."""
    _files.clear()
    _last.clear()


inputs.when_changed(forget)


def load_corpus(root: Path | None = None) -> tuple[Corpus, list[Problem]]:
    """Load and validate all content under `root` (the repository by default).

    When no file changed since the last call (the build validates first, then MkDocs loads
    again), the previous result is returned as it is.
    """
    root = Path(root or paths.content_root())
    files = sorted([*(root / paths.PRACTICES_DIR).glob("*"), *(root / paths.GUIDES_DIR).glob("*"),
                    root / paths.PARTNERS_FILE, root / paths.SELFSCAN_FILE])
    stamps = {p: file_stamp(p) for p in files}  # each file is looked at once per call
    # The vocabularies, schemas and templates count too (inputs.refresh clears their caches).
    key = (str(root), date.today(), tuple((str(p), s) for p, s in stamps.items()), inputs.refresh())
    if _last.get("key") == key:
        return _last["result"]
    result = _load_corpus(root, stamps)
    _last.update(key=key, result=result)
    return result


def current_corpus() -> Corpus:
    """The published content as the current build sees it: what the last load_corpus of the
    content root gave (every build loads it first, see site/events.configure), without looking
    at thousands of files again for every macro; else it is loaded now."""
    if _last and _last["key"][0] == str(paths.content_root()):
        return _last["result"][0]
    return load_corpus()[0]


def _load_corpus(root: Path, stamps: dict[Path, Stamp | None]) -> tuple[Corpus, list[Problem]]:
    problems: list[Problem] = []
    unreadable: dict[tuple[str, str | None], str] = {}  # (kind, id or None for all) -> the file
    loaded: list[tuple[list[Entry], list[Problem]]] = []
    sources: list[tuple[str, Path]] = []  # the kind and the file of each item of `loaded`
    stored = StoredFiles.open()
    jobs = []  # (kind, path, relpath, load) of each practice and guide file
    for folder, suffix, load in ((paths.PRACTICES_DIR, ".md", _load_practice),
                                 (paths.GUIDES_DIR, ".yaml", _load_guide)):
        files, more = _content_files(root, folder, suffix)
        problems += more
        kind = "practice" if folder == paths.PRACTICES_DIR else "guide"
        jobs += [(kind, p, p.relative_to(root).as_posix(), load) for p in files]
    partners_path = root / paths.PARTNERS_FILE
    _read_new_files([*jobs, ("partner", partners_path, paths.PARTNERS_FILE, _load_partners)], stamps, stored)
    loaded += [_cached(path, relpath, load, stamps.get(path), stored) for _, path, relpath, load in jobs]
    sources += [(kind, path) for kind, path, _, _ in jobs]
    links = [_linked(root / name, name) for name in (paths.PARTNERS_FILE, paths.SELFSCAN_FILE)]
    problems += [p for found in links for p in found]
    if links[0]:
        unreadable[("partner", None)] = paths.PARTNERS_FILE
    elif partners_path.exists():
        loaded.append(_cached(partners_path, paths.PARTNERS_FILE, _load_partners, stamps.get(partners_path), stored))
        sources.append(("partner", partners_path))
    stored.save()

    corpus, everything = Corpus(), Corpus()
    for (entries, file_problems), (kind, path) in zip(loaded, sources, strict=True):
        if file_problems and not entries:  # the file could not be read: its problems are the cause
            unreadable[(kind, None if kind == "partner" else path.stem)] = path.relative_to(root).as_posix()
            file_problems = [replace(p, rank=CAUSE) for p in file_problems]
        problems += file_problems
        for entry in entries:
            everything.of_kind(entry.kind.name)[entry.id] = entry
            if file_problems and not entry_is_clean(entry, file_problems):
                continue
            if entry.is_draft:
                corpus.drafts.append(entry)
            else:
                corpus.of_kind(entry.kind.name)[entry.id] = entry
    following = check_corpus(everything)
    if not links[1]:
        following += check_selfscan(root, everything)  # zelfscan.yaml, when the content root has one
    problems += hold_back(following, unreadable)
    return corpus, ordered(set(problems))


def _read_new_files(jobs: list, stamps: dict, stored: StoredFiles) -> None:
    """Files not read before (a first build, a cleared cache): about half of the bytes in a
    second process while this one reads the others (see storedfiles.read_beside)."""
    new = [(path.stat().st_size, path, relpath, load) for _, path, relpath, load in jobs
           if path.exists() and stored.key_of(path, relpath) not in stored.items]
    mine, theirs, weights = [], [], [0, 0]
    for size, path, relpath, load in sorted(new, key=lambda job: -job[0]):  # the larger first, to the lighter side
        side = 0 if weights[0] <= weights[1] else 1
        (mine, theirs)[side].append((path, relpath, load))
        weights[side] += size

    def read(path: Path, relpath: str, load) -> list[Entry] | None:
        entries, problems = _read(path, relpath, load)
        return None if problems else entries
    with read_beside(stored, theirs, read, len(new)) as beside:
        for path, relpath, load in mine if beside else []:
            _cached(path, relpath, load, stamps.get(path), stored)
