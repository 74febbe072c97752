"""Safe YAML reading that keeps line numbers and refuses what PyYAML would silently accept.

PyYAML's safe loader keeps the last of two equal keys, turns `2026-02-30` into an error deep
inside, and expands aliases without limit. We compose the node tree instead and build plain data
ourselves, so we can report duplicate keys, tags, anchors and aliases with their line, and keep
dates as the strings the contributor wrote (the schema checks them).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import yaml

from kennisbank.content.problems import Problem
from kennisbank.content.yamlerrors import dutch, explain

try:  # libyaml is much faster; the pure-Python loader behaves the same.
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

_T = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_T + "str", _T + "int", _T + "float", _T + "bool", _T + "null", _T + "timestamp"}
_CONSTRUCTOR = yaml.constructor.SafeConstructor()

Path_ = tuple  # a JSON path: keys and list indexes from the document root


@dataclass
class YamlDoc:
    """Plain data (dicts, lists, str, int, float, bool, None) and where each part starts.

    The line maps take about half the memory of a loaded file. For a file without problems the
    loader drops them (forget_lines); should a line be asked for later, the file is parsed again.
    """

    data: object
    _lines: dict[Path_, int] | None = field(default_factory=dict)
    _key_lines: dict[Path_, int] | None = field(default_factory=dict)
    _reparse: Callable[[], YamlDoc] | None = field(default=None, repr=False)

    @property
    def lines(self) -> dict[Path_, int]:
        if self._lines is None:
            self._restore()
        return self._lines

    @property
    def key_lines(self) -> dict[Path_, int]:
        if self._key_lines is None:
            self._restore()
        return self._key_lines

    def forget_lines(self, reparse: Callable[[], YamlDoc]) -> None:
        self._lines = self._key_lines = None
        self._reparse = reparse

    def _restore(self) -> None:
        fresh = self._reparse() if self._reparse else None
        self._lines = fresh.lines if fresh else {}
        self._key_lines = fresh.key_lines if fresh else {}

    def line_of(self, path: Path_, key: bool = False) -> int:
        """The line of the value at `path` (or of its key), else of its nearest known parent."""
        path = tuple(path)
        if key and path in self.key_lines:
            return self.key_lines[path]
        lines = self.lines
        while path not in lines and path:
            path = path[:-1]
        return lines.get(path, 1)


class _Builder:
    def __init__(self, relpath: str, line_offset: int):
        self.relpath = relpath
        self.offset = line_offset
        self.doc = YamlDoc(None)
        self.problems: list[Problem] = []
        self._seen: set[int] = set()

    def line(self, node: yaml.Node) -> int:
        return node.start_mark.line + 1 + self.offset

    def problem(self, node: yaml.Node, message: str, hint: str) -> None:
        self.problems.append(Problem(self.relpath, self.line(node), message, hint))

    def build(self, node: yaml.Node, path: Path_) -> object:
        # The composer hands back the very same node object for every alias of an anchor.
        if id(node) in self._seen:
            self.problem(node, "anker of alias (& of *) gevonden",
                         "schrijf de waarde voluit; ankers en aliassen zijn niet toegestaan")
            return None
        self._seen.add(id(node))
        self.doc.lines[path] = self.line(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _T + "seq":
                return self._bad_tag(node)
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict | None:
        if node.tag != _T + "map":
            return self._bad_tag(node)
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _T + "str":
                self.problem(key_node, "een veldnaam moet gewone tekst zijn",
                             "schrijf de naam van het veld als woord, gevolgd door een dubbelpunt")
                continue
            key = key_node.value
            if key == "<<":
                self.problem(key_node, "samenvoegen met '<<' is niet toegestaan",
                             "schrijf de velden voluit")
                continue
            if key in result:
                first = self.doc.key_lines[path + (key,)]
                self.problem(key_node, f"veld '{key}' staat er twee keer (ook op regel {first})",
                             "houd één van de twee en verwijder de andere")
                continue
            self.doc.key_lines[path + (key,)] = self.line(key_node)
            result[key] = self.build(value_node, path + (key,))
        return result

    def _scalar(self, node: yaml.ScalarNode) -> object:
        tag = node.tag
        if tag not in _SCALAR_TAGS:
            return self._bad_tag(node)
        if tag in (_T + "str", _T + "timestamp"):
            return node.value  # dates stay text; the schema checks their format
        if tag == _T + "int":
            return _CONSTRUCTOR.construct_yaml_int(node)
        if tag == _T + "float":
            return _CONSTRUCTOR.construct_yaml_float(node)
        if tag == _T + "bool":
            return _CONSTRUCTOR.construct_yaml_bool(node)
        return None

    def _bad_tag(self, node: yaml.Node) -> None:
        self.problem(node, f"YAML-tag '{node.tag}' is niet toegestaan",
                     "verwijder de tag (het woord met ! ervoor); gewone tekst, getallen en lijsten volstaan")
        return None


def iter_strings(value, path: Path_ = ()):
    """(path, text) for every string in plain data, depth first."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, sub in value.items():
            yield from iter_strings(sub, path + (key,))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            yield from iter_strings(sub, path + (index,))


def parse_yaml(text: str, relpath: str, line_offset: int = 0) -> tuple[YamlDoc | None, list[Problem]]:
    """Parse one YAML document. `line_offset` shifts lines, e.g. for front matter in Markdown."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        message, hint = explain(error.problem or error.context or "", text, line)
        return None, [Problem(relpath, line + line_offset, message, hint)]
    except yaml.YAMLError as error:
        return None, [Problem(relpath, 1 + line_offset, f"YAML-fout: {dutch(str(error))}",
                              "controleer de opmaak van het bestand")]
    if root is None:
        return None, [Problem(relpath, 1 + line_offset, "er staan geen gegevens in",
                              "vul de velden in; kijk naar een bestaand bestand als voorbeeld")]
    builder = _Builder(relpath, line_offset)
    builder.doc.data = builder.build(root, ())
    return builder.doc, builder.problems


def read_text(path, relpath: str) -> tuple[str | None, list[Problem]]:
    """Read a file as UTF-8, reporting the line of the first byte that is not."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return None, [Problem(relpath, line, "het bestand is geen UTF-8",
                              "bewaar het bestand opnieuw met codering UTF-8 (in je editor: 'Save with encoding')")]
    text = text.removeprefix("\ufeff")
    if not text.strip():
        return None, [Problem(relpath, 1, "het bestand is leeg",
                              "vul het bestand in of verwijder het; `make new` maakt een geldig begin")]
    return text, []
