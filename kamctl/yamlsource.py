"""Reading an account file: bytes → YAML node tree → Python data, with positions.

Every file takes the fast path: libyaml's C parser and composer build the node
tree (with line and column on every node), and our own small constructor turns
nodes into Python values. We do not use any library's constructor because none
gives us all of:

* YAML 1.2 core-schema meaning: ``no``, ``on``, ``yes`` are strings; only
  ``true``/``false`` are booleans (PyYAML resolves by YAML 1.1).
* the source text of plain numbers, so ``postal_code: 0123`` stays ``"0123"``
  in a text field (see :mod:`kamctl.types`).
* errors for duplicate keys (PyYAML keeps the last one silently), unknown tags
  (``!!python/object``), alias bombs and absurd nesting, each at its position.

The node tree is kept, so a validation error at ``stakeholders[2].stance`` is
mapped back to its line and column (:meth:`Document.locate`). ruamel.yaml's
round-trip parser is ~30× slower; it is used only where a file is *written*
(:mod:`kamctl.writeback`). Where libyaml is missing, PyYAML's pure-Python
composer builds the same node tree; ``tests/test_yamlsource.py`` proves that the
paths give the same data.
"""

from __future__ import annotations

import codecs
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from .types import YamlFloat, YamlInt

MAX_DEPTH = 64
"""Deepest nesting accepted. An account file needs about 6."""

MAX_NODES = 200_000
"""Most values a file may expand to, aliases counted at every use (alias bombs)."""

# libyaml's Cython composer recurses once per nesting level and overflows the C
# stack somewhere above 10,000 levels (a segfault, not an exception). Files
# that *might* nest deeper than this get an event scan first; see _guard_depth.
_C_SAFE_DEPTH = 2_000

_TAG = "tag:yaml.org,2002:"
_PLAIN = "tag:kamctl,2026:plain"
"""Tag our resolver gives every untagged plain scalar, so ``!!str 5`` stays text."""


class _PlainResolver(yaml.resolver.BaseResolver):
    # The composer calls these three for every node. We use no path resolvers,
    # so the answers are fixed; answering directly saves ~5 % of a parse.
    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is yaml.ScalarNode:
            return _PLAIN if implicit[0] else _TAG + "str"
        return _TAG + "seq" if kind is yaml.SequenceNode else _TAG + "map"

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


class _PureLoader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    yaml.constructor.BaseConstructor,
    _PlainResolver,
):
    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.BaseConstructor.__init__(self)
        _PlainResolver.__init__(self)


_CParser: Any
try:
    from yaml.cyaml import CParser as _CParser  # type: ignore[attr-defined]
except ImportError:  # PyYAML built without libyaml: the pure path is used
    _CParser = None

_CLoader: Any = None
if _CParser is not None:

    class _CLoader(_CParser, yaml.constructor.BaseConstructor, _PlainResolver):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            yaml.constructor.BaseConstructor.__init__(self)
            _PlainResolver.__init__(self)


HAVE_LIBYAML = _CLoader is not None
_STR, _SEQ, _MAP = _TAG + "str", _TAG + "seq", _TAG + "map"
_EXPLICIT_SCALAR_TAGS = {_STR, _TAG + "int", _TAG + "float", _TAG + "bool", _TAG + "null"}

# YAML 1.2.2 core schema, §10.3.2.
_NULL = frozenset(["", "~", "null", "Null", "NULL"])
_TRUE = frozenset(["true", "True", "TRUE"])
_FALSE = frozenset(["false", "False", "FALSE"])
_INT10 = re.compile(r"[-+]?[0-9]+\Z")
_INT8 = re.compile(r"0o[0-7]+\Z")
_INT16 = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(nan|NaN|NAN)\Z")
_YAML_DIRECTIVE = re.compile(r"^%YAML[ \t]+(\S+)", re.MULTILINE)
_INDENT = re.compile(r"\n( +)")


class YamlProblem(Exception):
    """A file that cannot be read as an account file, at a 1-based position."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass
class Document:
    """A parsed file: its data and the node tree the data came from."""

    data: Any
    root: Any  # yaml.Node (PyYAML) or ruamel.yaml node: both have the same shape
    text: str
    _lines: list[str] | None = field(default=None, init=False, repr=False, compare=False)

    def locate(self, loc: Sequence[int | str], *, key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of the value at ``loc``; of its key with ``key``.

        Goes as deep as the path exists in the file: a missing field is
        reported at the mapping where it should be.
        """
        node = self.root
        key_node = None
        for part in loc:
            found = child(node, part)
            if found is None:
                break
            key_node, node = found
        target = key_node if key and key_node is not None else node
        mark = target.start_mark
        return mark.line + 1, mark.column + 1

    def source_line(self, line: int) -> str:
        lines = self._lines
        if lines is None:  # split once: a file with many findings asks many times
            lines = self._lines = source_lines(self.text)
        return lines[line - 1] if 0 < line <= len(lines) else ""


_INDEXED = 16
"""Mappings longer than this get a key index on first lookup: scanning them for
every error was quadratic (40,000 unknown keys took 56 s to report)."""

_KEY_INDEX: dict[int, tuple[Any, dict[str, tuple[Any, Any]]]] = {}


def child(node: Any, part: int | str) -> tuple[Any, Any] | None:
    """(key node, value node) of ``part`` in a mapping or sequence node, or None."""
    value = node.value
    if node.id == "mapping":
        if len(value) > _INDEXED:
            return _index(node).get(str(part))
        for k, v in value:
            if getattr(k, "value", None) == str(part):
                return k, v
        return None
    if node.id == "sequence" and isinstance(part, int) and 0 <= part < len(value):
        return None, value[part]
    return None


def _index(node: Any) -> dict[str, tuple[Any, Any]]:
    # Keyed by id() with the node kept alive in the entry, so an id is never
    # reused while its entry exists; the cache holds the last few mappings only.
    entry = _KEY_INDEX.get(id(node))
    if entry is not None and entry[0] is node:
        return entry[1]
    index: dict[str, tuple[Any, Any]] = {}
    for k, v in node.value:
        key = getattr(k, "value", None)
        if isinstance(key, str):
            index.setdefault(key, (k, v))  # the first of duplicates, as the scan found
    if len(_KEY_INDEX) >= 8:
        _KEY_INDEX.clear()
    _KEY_INDEX[id(node)] = (node, index)
    return index


# ------------------------------------------------------------------------ parsing


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM) to text, or a located YamlProblem."""
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, col = _offset_position(raw, nul)
        raise YamlProblem("binary data (a NUL byte): an account file is UTF-8 text", line, col)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # The utf-8-sig codec counts exc.start after the BOM it dropped.
        offset = exc.start + (3 if raw.startswith(codecs.BOM_UTF8) else 0)
        line, col = _offset_position(raw, offset)
        raise YamlProblem(
            f"not UTF-8 text: byte 0x{raw[offset]:02x} cannot be decoded (save the file as UTF-8)",
            line,
            col,
        ) from None


def _offset_position(raw: bytes, offset: int) -> tuple[int, int]:
    # YAML 1.2 breaks lines at CR LF, CR and LF (a CR-only file was "line 1").
    # A BOM is not a character of the first line.
    start = 3 if raw.startswith(codecs.BOM_UTF8) else 0
    lines = _BREAK_BYTES.split(raw[start:offset])
    return len(lines), len(lines[-1].decode("utf-8", "replace")) + 1


_BREAK_BYTES = re.compile(rb"\r\n|\r|\n")
_BREAK = re.compile(r"\r\n|\r|\n")


def source_lines(text: str) -> list[str]:
    """``text`` split at YAML 1.2 line breaks only (CR LF, CR, LF).

    Not ``str.splitlines``: it also breaks at U+2028, U+2029, U+0085, form feed
    and more, so line numbers after such a character named the wrong line.
    """
    lines = _BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def parse(text: str, *, pure: bool = False) -> Document:
    """Parse one account file's text. Raises YamlProblem with a position."""
    for m in _YAML_DIRECTIVE.finditer(text):
        if m.group(1) != "1.2":
            line = text.count("\n", 0, m.start()) + 1
            raise YamlProblem(
                f"'%YAML {m.group(1)}' directive: account files are read as YAML 1.2 "
                "(where yes/no/on/off are text); remove the directive line",
                line,
                1,
            )
    loader_cls = _PureLoader if pure or not HAVE_LIBYAML else _CLoader
    original = text
    text, restore = _hide_yaml11_breaks(text)
    if loader_cls is _CLoader:
        _guard_depth(text)
    try:
        loader = loader_cls(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        raise _yaml_problem(exc, text) from None
    except yaml.YAMLError as exc:  # pragma: no cover - every libyaml error is marked
        raise YamlProblem(f"YAML error: {exc}") from None
    except RecursionError:
        raise YamlProblem(f"nesting deeper than {MAX_DEPTH} levels") from None
    if root is None:
        raise YamlProblem(
            "the file is empty: an account file is a mapping that starts with 'id:' and 'name:'"
        )
    if restore:
        _restore_scalars(root, restore)
    return Document(construct(root, aliases="*" in text), root, original)


# YAML 1.1 also breaks lines at NEL, LS and PS; YAML 1.2 (§5.4) made them
# ordinary characters. libyaml and PyYAML's reader follow 1.1 in their scanner
# and cannot be told otherwise, so a comment "# old<LS>notes: hidden" grew a
# hidden key. Each is swapped for a private-use character the text does not
# use (one code point for one, so every column stays right) and swapped back
# in the scalars after parsing.
_YAML11_BREAKS = "\x85\u2028\u2029"


def _hide_yaml11_breaks(text: str) -> tuple[str, dict[int, str]]:
    if not any(c in text for c in _YAML11_BREAKS):
        return text, {}
    free = (chr(c) for c in range(0xE000, 0xF900) if chr(c) not in text)
    hide = {ord(c): next(free) for c in _YAML11_BREAKS}
    return text.translate(hide), {ord(v): k for k, v in ((chr(k), v) for k, v in hide.items())}


def _restore_scalars(root: Any, restore: dict[int, str]) -> None:
    stack, seen = [root], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:  # an alias: the same node again
            continue
        seen.add(id(node))
        if isinstance(node.value, str):
            node.value = node.value.translate(restore)
        elif node.id == "mapping":
            stack.extend(n for pair in node.value for n in pair)
        else:
            stack.extend(node.value)


def _guard_depth(text: str) -> None:
    # Every nesting level needs an indicator ('-', '?', '[', '{') or one more
    # column of indentation, so this sum bounds the depth from above. Ordinary
    # files stay far below the limit and skip the scan.
    indent = max((len(s) for s in _INDENT.findall(text)), default=0)
    bound = text.count("-") + text.count("?") + text.count("[") + text.count("{") + indent + 1
    if bound <= _C_SAFE_DEPTH:
        return
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_CLoader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    m = event.start_mark
                    assert m is not None  # libyaml marks every event
                    raise YamlProblem(f"nesting deeper than {MAX_DEPTH} levels", m.line + 1, m.column + 1)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        raise _yaml_problem(exc, text) from None


def _yaml_problem(exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or "invalid YAML"
    if "maximum nesting depth" in problem:
        # libyaml >= 0.2.6 stops deep flow collections in its scanner, before
        # our own depth guard sees the events; it is the same problem.
        return YamlProblem(f"nesting deeper than {MAX_DEPTH} levels", line, col)
    if "found another document" in problem or (exc.context and "single document" in exc.context):
        return YamlProblem(
            "several YAML documents in one file ('---'): put each account in a file of its own",
            line,
            col,
        )
    lines = source_lines(text)
    if mark and 0 <= mark.line < len(lines):
        row = lines[mark.line]
        if (mark.column < len(row) and row[mark.column] == "\t") or "\t" in row[: mark.column + 1]:
            return YamlProblem(
                "tab character: YAML does not allow tabs for indentation; indent with spaces",
                line,
                col,
            )
    message = problem
    if exc.context:
        message = f"{problem} ({exc.context})"
    return YamlProblem(f"invalid YAML: {message}", line, col)


# ------------------------------------------------------------------- construction


def construct(root: Any, *, aliases: bool = True) -> Any:
    """Node tree → Python data by the YAML 1.2 core schema. Raises YamlProblem.

    ``aliases=False`` promises that the text had no ``*alias`` (so every node
    appears once in the tree) and skips the separate pass that guards against
    alias bombs and deep nesting: size and depth are then checked while
    constructing. If construction finds any problem, the guard pass runs after
    all, so the error reported is the one it would have found first.
    """
    if aliases:
        _check_size(root)
        return _construct(root, {}, 0)
    count = [1]
    try:
        data = _construct(root, {}, 0, count)
    except YamlProblem:
        _check_size(root)
        raise
    if count[0] > MAX_NODES:
        _check_size(root)
    return data


def _check_size(root: Any) -> None:
    if _expanded_size(root, {}, 0) > MAX_NODES:
        raise _too_many(root) if _count_nodes(root) > MAX_NODES else _too_big(root)


def _too_big(root: Any) -> YamlProblem:
    m = root.start_mark
    return YamlProblem(
        f"the file expands to more than {MAX_NODES:,} values through anchors and aliases (an alias bomb?)",
        m.line + 1,
        m.column + 1,
    )


def _count_nodes(root: Any) -> int:
    """Values written in the file (an aliased node counts once), keys counted."""
    total, stack, seen = 0, [root], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        total += 1
        value = node.value
        if isinstance(value, list):
            for item in value:
                stack.extend(item) if isinstance(item, tuple) else stack.append(item)
    return total


def _too_many(root: Any) -> YamlProblem:
    # The file itself holds too many values, with or without aliases (100,000
    # plain keys were called an alias bomb).
    m = root.start_mark
    return YamlProblem(
        f"too many values ({_count_nodes(root):,}): an account file may hold at most {MAX_NODES:,}",
        m.line + 1,
        m.column + 1,
    )


def _expanded_size(node: Any, sizes: dict[int, int], depth: int) -> int:
    key = id(node)
    if key in sizes:
        return sizes[key]
    if depth > MAX_DEPTH:
        m = node.start_mark
        raise YamlProblem(f"nesting deeper than {MAX_DEPTH} levels", m.line + 1, m.column + 1)
    sizes[key] = 1  # a node that contains itself (recursive alias) counts once here
    value = node.value
    total = 1
    if isinstance(value, list):
        for item in value:
            if isinstance(item, tuple):
                total += _expanded_size(item[0], sizes, depth + 1)
                total += _expanded_size(item[1], sizes, depth + 1)
            else:
                total += _expanded_size(item, sizes, depth + 1)
            if total > MAX_NODES:
                break
    sizes[key] = total
    return total


def _tag(node: Any) -> str:
    tag = node.tag
    return tag if isinstance(tag, str) else str(getattr(tag, "value", tag))


def _construct(node: Any, active: dict[int, bool], depth: int, count: list[int] | None = None) -> Any:
    if depth > MAX_DEPTH:
        m = node.start_mark
        raise YamlProblem(f"nesting deeper than {MAX_DEPTH} levels", m.line + 1, m.column + 1)
    value = node.value
    if isinstance(value, str):
        try:
            if node.tag == _PLAIN:  # most nodes: spare the calls of the general case
                return _resolve_plain(value)
            return _scalar(node, _tag(node), value)
        except ValueError:
            # int() refuses more than sys.get_int_max_str_digits() (4,300) digits.
            m = node.start_mark
            raise YamlProblem(
                f"a number of {len(value):,} digits is too long to read (put text in quotes)",
                m.line + 1,
                m.column + 1,
            ) from None
    tag = _tag(node)
    if count is not None:
        count[0] += len(value) * (2 if node.id == "mapping" else 1)
    key = id(node)
    if key in active:
        m = node.start_mark
        raise YamlProblem("an alias refers to its own parent (recursive data)", m.line + 1, m.column + 1)
    active[key] = True
    try:
        if node.id == "mapping" and tag == _MAP:
            out: dict[Any, Any] = {}
            seen: dict[Any, Any] = {}
            for knode, vnode in value:
                k = _construct(knode, active, depth + 1, count)
                if isinstance(k, (dict, list)):
                    m = knode.start_mark
                    raise YamlProblem(
                        "a key must be a plain value, not a mapping or list", m.line + 1, m.column + 1
                    )
                if k in seen:
                    m, first = knode.start_mark, seen[k].start_mark
                    raise YamlProblem(
                        f"duplicate key {k!r} (first defined on line {first.line + 1})",
                        m.line + 1,
                        m.column + 1,
                    )
                seen[k] = knode
                out[k] = _construct(vnode, active, depth + 1, count)
            return out
        if node.id == "sequence" and tag == _SEQ:
            return [_construct(item, active, depth + 1, count) for item in value]
        raise _unknown_tag(node, tag)
    finally:
        del active[key]


def _unknown_tag(node: Any, tag: str) -> YamlProblem:
    shown = "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag
    m = node.start_mark
    return YamlProblem(
        f"tag {shown} is not allowed: account files hold plain data (no tags)",
        m.line + 1,
        m.column + 1,
    )


def _scalar(node: Any, tag: str, text: str) -> Any:
    if tag == _PLAIN:
        return _resolve_plain(text)
    if tag != _STR:
        if tag not in _EXPLICIT_SCALAR_TAGS:
            raise _unknown_tag(node, tag)
        resolved = _resolve_plain(text)
        want = tag[len(_TAG) :]
        got = {type(None): "null", bool: "bool", YamlInt: "int", YamlFloat: "float"}.get(
            type(resolved), "str"
        )
        if want != got and not (want == "float" and got == "int"):
            m = node.start_mark
            raise YamlProblem(f"{text!r} is not a valid !!{want}", m.line + 1, m.column + 1)
        return float(resolved) if want == "float" else resolved
    return text


def _resolve_plain(text: str) -> Any:
    if text in _NULL:
        return None
    c = text[0]
    if c in "tTfF":
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        return text
    if c in "0123456789+-.":
        if _INT10.match(text):
            return YamlInt(int(text), text)
        if _FLOAT.match(text):
            return YamlFloat(float(text), text)
        if _INT8.match(text):
            return YamlInt(int(text[2:], 8), text)
        if _INT16.match(text):
            return YamlInt(int(text[2:], 16), text)
        if _INF.match(text):
            return YamlFloat(-math.inf if text[0] == "-" else math.inf, text)
        if _NAN.match(text):
            return YamlFloat(math.nan, text)
    return text
