"""The fields of a draft as YAML text: a value where one is known, else a commented hint that
says what goes there. Made from the schema of the kind, with every `$ref` resolved by
content/schema.py (the one resolver)."""
from __future__ import annotations

import json
import textwrap

import yaml

from kennisbank.content.schema import resolved_schema

MAX_LINE = 100
MAX_LISTED_OPTIONS = 15


def entry_schema(kind: str) -> dict:
    """The schema of one entry: a practice, one partner or a guide."""
    if kind == "partner":
        return resolved_schema("partners")["properties"]["partners"]["items"]
    return resolved_schema(kind)


def publish_required(kind: str) -> list[str]:
    """The fields an entry needs before it can leave the draft state."""
    return entry_schema(kind).get("else", {}).get("required", [])


# --- writing YAML as text ------------------------------------------------------------------------

def _round_trips(lines: list[str], value) -> bool:
    try:
        return yaml.safe_load("\n".join(lines)) == {"k": value}
    except yaml.YAMLError:
        return False


def _scalar_lines(prefix: str, value, indent: int, node: dict) -> list[str]:
    """`prefix` + the value, plain when that reads back the same, else a block or quoted."""
    if not isinstance(value, str):
        return [prefix + json.dumps(value)]
    if node.get("format") == "date":
        return [prefix + value]  # the loader keeps dates as the text that was written
    pad = " " * indent
    candidates = []
    if "\n" not in value and (len(prefix) + len(value) <= MAX_LINE or not any(c.isspace() for c in value)):
        candidates.append([prefix + value])  # a long web address stays on one line
    if "\n" in value:
        candidates.append([prefix + "|-"] + [pad + line if line.strip() else "" for line in value.split("\n")])
    else:
        wrapped = textwrap.wrap(value, MAX_LINE - indent, break_long_words=False, break_on_hyphens=False)
        candidates.append([prefix + ">-"] + [pad + line for line in wrapped])
    for lines in candidates:
        probe = ["k: " + lines[0][len(prefix):]] + [line[indent:] and "  " + line[indent:] for line in lines[1:]]
        if _round_trips(probe, value):
            return lines
    return [prefix + json.dumps(value, ensure_ascii=False)]


def _is_id_list(node: dict) -> bool:
    items = node.get("items", {})
    return "enum" in items or "pattern" in items


def _value_lines(key: str, value, node: dict, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict):
        if value and all(isinstance(v, int) for v in value.values()):  # ages: {min: 6, max: 12}
            return [f"{pad}{key}: {{{', '.join(f'{k}: {v}' for k, v in value.items())}}}"]
        return [f"{pad}{key}:"] + mapping_lines(value, node, indent + 2)
    if isinstance(value, list):
        items = node.get("items", {})
        if _is_id_list(node) and all(isinstance(v, str) for v in value):
            flow = f"{pad}{key}: [{', '.join(value)}]"
            if len(flow) <= MAX_LINE:
                return [flow]
        lines = [f"{pad}{key}:"]
        for item in value:
            if isinstance(item, dict):
                sub = mapping_lines(item, items, indent + 4)
                lines += [f"{pad}  - {sub[0].lstrip()}"] + sub[1:]
            else:
                lines += _scalar_lines(f"{pad}  - ", item, indent + 4, items)
        return lines
    return _scalar_lines(f"{pad}{key}: ", value, indent + 2, node)


def mapping_lines(data: dict, node: dict, indent: int = 0) -> list[str]:
    """The fields of `data` as YAML lines, in the order of the schema."""
    properties = node.get("properties", {})
    order = [k for k in properties if k in data] + [k for k in data if k not in properties]
    return [line for key in order for line in _value_lines(key, data[key], properties.get(key, {}), indent)]


# --- hints for the fields still to fill in -------------------------------------------------------

def _choices(node: dict) -> str:
    options = node.get("enum") or node.get("items", {}).get("enum")
    if not options:
        return ""
    if len(options) > MAX_LISTED_OPTIONS:
        title = node.get("title") or node.get("items", {}).get("title", "waarden")
        return f"kies uit de {title} in schemas/vocabularies.schema.json"
    return "kies uit: " + ", ".join(options)


def _short_hint(node: dict) -> str:
    parts = [node.get("description", "").rstrip(".")] if node.get("description") else []
    if _choices(node):
        parts.append(_choices(node))
    return "; ".join(parts)


def _with_comment(line: str, comment: str) -> str:
    return f"{line}  # {comment}" if comment else line


def _skeleton(key: str, node: dict, known, indent: int) -> list[str]:
    """YAML lines (not yet commented) that show the shape of a field, with what is known filled in."""
    pad = " " * indent
    kind = node.get("type")
    if known is not None and not isinstance(known, dict):
        return _value_lines(key, known, node, indent)
    if kind == "object":
        lines = [_with_comment(f"{pad}{key}:", node.get("description", "").rstrip("."))]
        for sub_key, sub_node in node.get("properties", {}).items():
            sub_known = (known or {}).get(sub_key)
            lines += _skeleton(sub_key, sub_node, sub_known, indent + 2)
        return lines
    if kind == "array" and node.get("items", {}).get("type") == "object":
        item = node["items"]
        first, *rest = [_skeleton(k, n, None, indent + 4) for k, n in item.get("properties", {}).items()]
        lines = [f"{pad}{key}:", f"{pad}  - {first[0].lstrip()}", *first[1:]]
        return lines + [line for sub in rest for line in sub]
    if kind == "array" and _is_id_list(node):
        return [_with_comment(f"{pad}{key}: []", _short_hint(node))]
    if kind == "array":
        return [_with_comment(f"{pad}{key}:", _short_hint(node)), f"{pad}  -"]
    return [_with_comment(f"{pad}{key}:", _short_hint(node))]


def _length_note(node: dict) -> str:
    low, high = node.get("minLength"), node.get("maxLength")
    if low and high:
        return f"{low} tot {high} tekens"
    return f"minstens {low} tekens" if low and low > 1 else ""


def _comment(text: str, pad: str) -> list[str]:
    return textwrap.wrap(text, MAX_LINE, initial_indent=f"{pad}# ", subsequent_indent=f"{pad}#   ",
                         break_long_words=False, break_on_hyphens=False)


def hint_lines(key: str, node: dict, indent: int, required: bool, known=None) -> list[str]:
    """A field that is not filled in yet, as comment lines: what it is, then its shape."""
    pad = " " * indent
    description = node.get("description", "").strip()
    if description and description[-1] not in ".?!":
        description += "."
    extras = [note for note in (_length_note(node) if node.get("type") == "string" else "",
                                "verplicht om te publiceren" if required else "") if note]
    if extras:
        description = f"{description} ({', '.join(extras)})" if description else ", ".join(extras).capitalize() + "."
    lines = _comment(description, pad) if description else []
    if _choices(node):
        lines += _comment(_choices(node).capitalize() + ".", pad)
    skeleton = _skeleton(key, node, known, indent)
    if known is None or isinstance(known, dict):  # the description is above; no second copy
        skeleton[0] = skeleton[0].split("  # ")[0]
    return lines + [f"{pad}# {line[indent:]}" for line in skeleton]


def _is_complete(value, node: dict) -> bool:
    if isinstance(value, dict):
        return all(k in value for k in node.get("required", []))
    return value is not None and value != [] and value != ""


def entry_lines(kind: str, values: dict, indent: int = 0) -> list[str]:
    """Every field of the schema of `kind`: a value from `values`, or else a commented hint."""
    schema = entry_schema(kind)
    required = set(publish_required(kind))
    lines = []
    for key, node in schema["properties"].items():
        value = values.get(key)
        if value is not None and _is_complete(value, node):
            field = _value_lines(key, value, node, indent)
            if key == "status" and value == "concept":
                field = [_with_comment(field[0], "haal deze regel weg als alles ingevuld is: dan komt het op de site")]
            lines += field
        else:
            lines += hint_lines(key, node, indent, key in required, known=value)
    return lines


