"""Translated pages: the parent pages in the languages Antwerp's parents read.

The languages live in one place, `extra.translations` in mkdocs.yml: the source language (Dutch,
`source: true`) and every other language, each with its name written in that language, its
writing direction and its few interface strings. Adding a language is a data change: an item
there and the translated files.

A translation sits next to its Dutch page, in a folder named after its language
(`voor-ouders/wie-helpt.md` → `voor-ouders/ar/wie-helpt.md`), and says in its front matter what it
translates and from which version of the Dutch file (the first 16 hex digits of its SHA-256):

    translation:
      of: voor-ouders/wie-helpt.md
      source_sha256: "b0bf46c0252239dd"
      checked_by_native_speaker: false

Every page of such a set (the Dutch page and its translations) gets `lang` and `dir` on <html>
and <body>, `hreflang` alternates (x-default: the Dutch page) and a language switcher; a
translation also gets a notice that it is one, with a link to the Dutch page, and a note when
the Dutch file changed after the translation. `make check` warns about such stale translations.
"""
from __future__ import annotations

import hashlib
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from markupsafe import Markup, escape

from kennisbank.content.frontmatter import split_front_matter
from kennisbank.content.problems import Problem

HASH_LENGTH = 16
_HASH = re.compile(rf"[0-9a-f]{{{HASH_LENGTH}}}")
SOURCE_STRINGS = ("switcher",)
TRANSLATION_STRINGS = ("switcher", "notice", "checked", "unchecked", "stale", "section_link")


def source_hash(path: Path) -> str:
    """What `source_sha256` holds: the first 16 hex digits of the SHA-256 of the file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:HASH_LENGTH]


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # written in the language itself: 'العربية', 'Polski'
    dir: str  # 'ltr' or 'rtl'
    source: bool
    strings: dict


def languages(extra: dict) -> list[Language]:
    """The languages of `extra.translations`, the source language first. Raises ValueError naming
    what is missing, so that a new language cannot go half-configured."""
    items = extra.get("translations") or []
    found, errors = [], []
    for number, item in enumerate(items, start=1):
        item = item if isinstance(item, dict) else {}
        code, source = str(item.get("code") or f"#{number}"), bool(item.get("source"))
        missing = [key for key in ("code", "name", "dir") + (SOURCE_STRINGS if source else TRANSLATION_STRINGS)
                   if not item.get(key)]
        if missing:
            errors.append(f"taal {code}: {', '.join(missing)} ontbreekt")
        elif item["dir"] not in ("ltr", "rtl"):
            errors.append(f"taal {code}: dir is 'ltr' of 'rtl', niet {item['dir']!r}")
        elif not source and "{dutch_page}" not in item["notice"]:
            errors.append(f"taal {code}: notice moet {{dutch_page}} bevatten "
                          "(daar komt de link naar de Nederlandse pagina)")
        else:
            strings = {key: str(item[key]) for key in TRANSLATION_STRINGS if item.get(key)}
            found.append(Language(code, str(item["name"]), item["dir"], source, strings))
    if items and sum(lang.source for lang in found) != 1 and not errors:
        errors.append("precies één taal heeft source: true (de taal van de oorspronkelijke pagina's)")
    if errors:
        raise ValueError("mkdocs.yml extra.translations: " + "; ".join(errors))
    return sorted(found, key=lambda lang: not lang.source)


@dataclass(frozen=True)
class Translation:
    src: str  # docs-relative: voor-ouders/ar/wie-helpt.md
    of: str  # docs-relative: voor-ouders/wie-helpt.md
    code: str  # the folder's name: ar
    source_sha256: str
    checked: bool


def read_translation(path: Path, src: str) -> tuple[Translation | None, list[Problem]]:
    """The translation a page declares in its front matter; None for a page that is none."""
    text = path.read_text(encoding="utf-8")
    if "translation:" not in text:
        return None, []
    where = f"docs/{src}"
    split, problems = split_front_matter(text, where)
    if split is None:
        return None, problems
    try:
        meta = yaml.safe_load(split.yaml_text) or {}
    except yaml.YAMLError as error:
        return None, [Problem(where, 1, f"de front matter is geen geldige YAML ({error})", "verbeter de front matter")]
    info = meta.get("translation") if isinstance(meta, dict) else None
    if info is None:
        return None, []
    if not isinstance(info, dict):
        info = {}
    of, digest = str(info.get("of") or ""), str(info.get("source_sha256") or "")
    code = posixpath.basename(posixpath.dirname(src))
    if posixpath.join(posixpath.dirname(of), code, posixpath.basename(of)) != src:
        problems.append(Problem(where, 1, f"translation.of is {of or 'leeg'}, maar een vertaling staat naast haar "
                                          "Nederlandse pagina, in een map met de taalcode",
                                "zet de vertaling van <map>/<pagina>.md in <map>/<taalcode>/<pagina>.md"))
    if not _HASH.fullmatch(digest):
        problems.append(Problem(where, 1, "translation.source_sha256 ontbreekt of is geen 16 hexadecimale tekens",
                                "zet er de eerste 16 tekens van de sha256 van de Nederlandse pagina in, "
                                "tussen aanhalingstekens"))
    if not isinstance(info.get("checked_by_native_speaker"), bool):
        problems.append(Problem(where, 1, "translation.checked_by_native_speaker ontbreekt",
                                "zet true als een moedertaalspreker de vertaling nakeek, anders false"))
    if problems:
        return None, problems
    return Translation(src, of, code, digest, info["checked_by_native_speaker"]), []


def find_translations(docs_dir: Path) -> tuple[list[Translation], list[Problem]]:
    """Every translated page under `docs_dir`, and the problems of those that are malformed."""
    found, problems = [], []
    for path in sorted(docs_dir.rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        if src.startswith("overrides/"):
            continue
        translation, found_problems = read_translation(path, src)
        problems += found_problems
        if translation is not None:
            if (docs_dir / translation.of).is_file():
                found.append(translation)
            else:
                problems.append(Problem(f"docs/{src}", 1, f"de Nederlandse pagina docs/{translation.of} bestaat niet",
                                        "verbeter translation.of of verwijder de vertaling"))
    return found, problems


def stale_hash(translation: Translation, docs_dir: Path) -> str | None:
    """The Dutch page's current hash when it differs from the one translated; else None."""
    current = source_hash(docs_dir / translation.of)
    return None if current == translation.source_sha256 else current


def check(docs_dir: Path, codes: set[str] | None = None) -> tuple[list[Problem], list[Problem]]:
    """(problems, warnings) for `make check`: malformed translations are problems; a translation
    older than its Dutch page is a warning (the site shows it, with a note)."""
    if not docs_dir.is_dir():
        return [], []
    translations, problems = find_translations(docs_dir)
    warnings = []
    for translation in translations:
        if codes is not None and translation.code not in codes:
            problems.append(Problem(f"docs/{translation.src}", 1, f"de taal {translation.code} staat niet in "
                                    "mkdocs.yml extra.translations", "voeg ze daar toe, met haar naam en teksten"))
        current = stale_hash(translation, docs_dir)
        if current:
            warnings.append(Problem(f"docs/{translation.src}", 1, "vertaling is ouder dan de Nederlandse pagina",
                                    f"werk de vertaling bij en zet source_sha256 op {current}"))
    return problems, warnings


def configured_codes(mkdocs_yml: Path) -> set[str] | None:
    """The language codes in mkdocs.yml (for `make check`, which does not load MkDocs)."""
    if not mkdocs_yml.is_file():
        return None
    from mkdocs.utils.yaml import get_yaml_loader  # understands !ENV

    config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=get_yaml_loader()) or {}
    return {lang.code for lang in languages(config.get("extra") or {})}


# --- During the build ----------------------------------------------------------------------------

@dataclass
class _Version:
    language: Language
    src: str
    url: str  # site-relative, as MkDocs gives it: 'voor-ouders/ar/wie-helpt/'
    title: str = ""


class Registry:
    """The sets of pages of one build: made in on_files, read while each page is rendered."""

    def __init__(self):
        self.sets: dict[str, list[_Version]] = {}  # every page's src → its set, source first
        self.translations: dict[str, Translation] = {}
        self.stale: dict[str, str] = {}

    def collect(self, files, config) -> None:
        docs_dir = Path(config.docs_dir)
        langs = languages(config.extra)
        by_code = {lang.code: lang for lang in langs}
        translations, problems = find_translations(docs_dir)
        problems += [Problem(f"docs/{t.src}", 1, f"de taal {t.code} staat niet in mkdocs.yml extra.translations",
                             "voeg ze daar toe") for t in translations if t.code not in by_code]
        if problems:
            from mkdocs.exceptions import PluginError

            raise PluginError("Vertalingen:\n" + "\n".join(map(str, sorted(problems))))
        self.sets.clear()
        self.translations = {t.src: t for t in translations}
        self.stale = {t.src: h for t in translations if (h := stale_hash(t, docs_dir))}
        source = next((lang for lang in langs if lang.source), None)
        groups: dict[str, dict[str, str]] = {}
        for t in translations:
            groups.setdefault(t.of, {})[t.code] = t.src
        for of, members in groups.items():
            members = {source.code: of, **members}
            versions = [_Version(lang, members[lang.code], files.get_file_from_path(members[lang.code]).url)
                        for lang in langs if lang.code in members]
            for version in versions:
                self.sets[version.src] = versions

    def context(self, page, config) -> dict | None:
        """What the templates need on a page of a set (None on other pages): its language, the
        versions for the switcher and the hreflang links, and on a translation the notice."""
        versions = self.sets.get(page.file.src_uri)
        if not versions:
            return None
        site_url = config.site_url or ""
        here = next(v for v in versions if v.src == page.file.src_uri)
        alternates = [{"code": v.language.code, "name": v.language.name, "dir": v.language.dir, "url": v.url,
                       "abs_url": site_url + v.url if site_url else "", "current": v is here} for v in versions]
        result = {"lang": here.language.code, "dir": here.language.dir, "alternates": alternates,
                  "switcher": here.language.strings["switcher"], "notice": None, "stale": None}
        translation = self.translations.get(page.file.src_uri)
        if translation is not None:
            strings = here.language.strings
            dutch = versions[0]
            link = Markup('<a href="{}" hreflang="{}" lang="{}" dir="{}">{}</a>').format(
                _relative(dutch.url, here.url), dutch.language.code, dutch.language.code, dutch.language.dir,
                _dutch_title(Path(config.docs_dir) / dutch.src))
            notice = escape(strings["notice"]).replace("{dutch_page}", link)
            checked = strings["checked" if translation.checked else "unchecked"]
            result["notice"] = Markup("{} {}").format(notice, checked)
            result["stale"] = strings["stale"] if page.file.src_uri in self.stale else None
        return result

    def finish_page(self, html: str, page, config) -> str:
        """`lang` and `dir` of a translation on <html> and <body>; the theme's Dutch parts keep lang="nl"."""
        translation = self.translations.get(page.file.src_uri) if page is not None else None
        versions = self.sets.get(page.file.src_uri) if translation else None
        if not versions:
            return html
        lang = next(v.language for v in versions if v.src == page.file.src_uri)
        source = versions[0].language.code
        html = re.sub(r'<html lang="[^"]*"', f'<html lang="{lang.code}" dir="{lang.dir}"', html, count=1)
        html = re.sub(r'<body dir="[^"]*"', f'<body dir="{lang.dir}"', html, count=1)
        for needle in _THEME_PARTS_IN_SOURCE_LANGUAGE:
            html = html.replace(needle, f'lang="{source}" {needle}')
        permalink_title = (config.mdx_configs.get("toc") or {}).get("permalink_title")
        if permalink_title:
            html = html.replace(f'title="{escape(permalink_title)}"', f'title="{escape(lang.strings["section_link"])}"')
        return html


# The theme's own text (site name, navigation, search, footer) stays Dutch on a translated page:
# these class attributes get the source language's lang attribute before them.
_THEME_PARTS_IN_SOURCE_LANGUAGE = (
    'class="md-skip"',
    'class="md-header__topic">',
    'class="kb-header-search"',
    'class="md-sidebar md-sidebar--primary"',
    'class="md-nav__title" for="__toc"',
    'class="md-footer"',
    'class="md-top md-icon"',
)


def _relative(target: str, here: str) -> str:
    """A link from the page at site-relative URL `here` to the one at `target`."""
    path = posixpath.relpath(target or ".", posixpath.dirname(here) or ".")
    return path + "/" if target.endswith("/") or not target else path


def _dutch_title(path: Path) -> str:
    split, _ = split_front_matter(path.read_text(encoding="utf-8"), path.name)
    meta = yaml.safe_load(split.yaml_text) if split else None
    return str((meta or {}).get("title") or path.stem)


REGISTRY = Registry()
