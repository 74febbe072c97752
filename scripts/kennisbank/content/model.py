"""The content model after loading: entries of three kinds, and the corpus that holds them."""
from __future__ import annotations

from dataclasses import dataclass, field

from kennisbank.content.yamlio import YamlDoc


class Fields(dict):
    """Entry data for templates: an optional field that is absent reads as None."""

    def __missing__(self, key):
        return None

    @classmethod
    def wrap(cls, value):
        if isinstance(value, dict):
            return cls({k: cls.wrap(v) for k, v in value.items()})
        if isinstance(value, list):
            return [cls.wrap(v) for v in value]
        return value


@dataclass(frozen=True)
class Kind:
    name: str  # 'practice', 'partner', 'guide'
    singular: str  # Dutch, for messages and pages
    plural: str
    url_prefix: str
    schema: str  # key in schema.SCHEMA_FILES

    @property
    def code(self) -> str:
        """The kind in URLs and the finder's data: 'praktijk', 'partner', 'stappenplan'."""
        return self.singular

    @property
    def label(self) -> str:
        """The kind as a heading or a facet value: 'Praktijk'."""
        return self.singular.capitalize()


KINDS = {
    "practice": Kind("practice", "praktijk", "praktijken", "praktijken", "practice"),
    "partner": Kind("partner", "partner", "partners", "partners", "partners"),
    "guide": Kind("guide", "stappenplan", "stappenplannen", "stappenplannen", "guide"),
}


@dataclass
class Entry:
    kind: Kind
    id: str
    path: str  # source file, relative to the repository root
    data: dict
    doc: YamlDoc  # line numbers of the YAML the entry came from
    base: tuple = ()  # where the entry sits inside `doc` (a partner inside partners.yaml)
    body: str = ""  # Markdown body of a practice
    body_line: int = 1
    source_line: int = 1  # where the entry starts in its file (a partner in partners.yaml)
    _fields: Fields | None = field(default=None, repr=False, compare=False)
    # The file it was read from, path and bytes, when it is the file's only entry (else None).
    source_key: bytes | None = field(default=None, repr=False, compare=False)

    @property
    def fields(self) -> Fields:
        """The data for templates (built once: templates read it many times)."""
        if self._fields is None:
            self._fields = Fields.wrap(self.data)
        return self._fields

    @property
    def title(self) -> str:
        return self.data.get("title") or self.data.get("name") or self.id

    @property
    def is_draft(self) -> bool:
        return self.data.get("status") == "concept"

    @property
    def url(self) -> str:
        """Site-relative URL of the entry page, e.g. 'praktijken/leren-leren/'."""
        return f"{self.kind.url_prefix}/{self.id}/"

    @property
    def src_uri(self) -> str:
        return f"{self.kind.url_prefix}/{self.id}.md"

    def line(self, *path, key: bool = False) -> int:
        return self.doc.line_of(self.base + tuple(path), key=key)

    @property
    def themes(self) -> list[str]:
        return self.data.get("themes", [])

    @property
    def levels(self) -> list[str]:
        if self.kind.name == "partner":
            return self.data.get("eligibility", {}).get("levels", [])
        return self.data.get("levels", [])

    @property
    def ages(self) -> dict | None:
        if self.kind.name == "partner":
            return self.data.get("eligibility", {}).get("ages")
        return self.data.get("ages")

    @property
    def checked(self) -> str | None:
        """The last day the kennisbank read this entry's sources or an organisation confirmed it
        (JJJJ-MM-DD): the date the exports give as 'modified'. Not the day the page was written."""
        dates = [s.get("consulted") for s in self.data.get("sources", [])]
        dates.append((self.data.get("confirmed") or {}).get("on"))
        return max((d for d in dates if isinstance(d, str)), default=None)

    @property
    def is_stopped(self) -> bool:
        """A partner that no longer exists (status 'gestopt'): shown as such, sorted last."""
        return self.data.get("status") == "gestopt"

    def references(self) -> dict[str, list[tuple[str, tuple]]]:
        """Ids this entry points to, by kind, each with the YAML path where it is written."""
        refs: dict[str, list[tuple[str, tuple]]] = {"partner": [], "guide": [], "practice": []}
        fields = {"partners": "partner", "guides": "guide", "practices": "practice",
                  "related_practices": "practice"}
        def ids(value) -> list[tuple[int, str]]:
            return [(i, v) for i, v in enumerate(value) if isinstance(v, str)] if isinstance(value, list) else []

        for name, kind in fields.items():
            refs[kind] += [(ref, (name, i)) for i, ref in ids(self.data.get(name))]
        for name in ("ask_via",):  # a single partner id
            if isinstance(self.data.get(name), str):
                refs["partner"].append((self.data[name], (name,)))
        stopped = self.data.get("stopped")
        if isinstance(stopped, dict) and isinstance(stopped.get("successor"), str):
            refs["partner"].append((stopped["successor"], ("stopped", "successor")))
        steps = self.data.get("steps")
        for s, step in enumerate(steps if isinstance(steps, list) else []):
            if isinstance(step, dict):
                for name in ("partners", "practices"):
                    refs[fields[name]] += [(ref, ("steps", s, name, i)) for i, ref in ids(step.get(name))]
        return refs


@dataclass
class Corpus:
    practices: dict[str, Entry] = field(default_factory=dict)
    partners: dict[str, Entry] = field(default_factory=dict)
    guides: dict[str, Entry] = field(default_factory=dict)
    drafts: list[Entry] = field(default_factory=list)

    def of_kind(self, kind: str) -> dict[str, Entry]:
        return {"practice": self.practices, "partner": self.partners, "guide": self.guides}[kind]

    def entries(self) -> list[Entry]:
        return [*self.practices.values(), *self.partners.values(), *self.guides.values()]

    def get(self, kind: str, entry_id: str) -> Entry | None:
        return self.of_kind(kind).get(entry_id)

    def mentioned_by(self, target: Entry) -> list[Entry]:
        """Entries that link to `target`, for the links back on its page."""
        return self._backlinks().get((target.kind.name, target.id), [])

    def _backlinks(self) -> dict[tuple[str, str], list[Entry]]:
        if not hasattr(self, "_backlink_cache"):
            links: dict[tuple[str, str], list[Entry]] = {}
            for entry in self.entries():
                seen = set()
                for kind, refs in entry.references().items():
                    for ref, _ in refs:
                        if (kind, ref) not in seen:
                            seen.add((kind, ref))
                            links.setdefault((kind, ref), []).append(entry)
            self._backlink_cache = links
        return self._backlink_cache
