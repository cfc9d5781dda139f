"""Template overrides that fail say where, and cannot eat the machine (repro 21).

A plan repository's ``templates/`` (or ``--templates DIR``) is user input like
an account file: a broken one must give a located message and exit 2, never a
traceback or an ``internal error``. Jinja2 raises its own ``TemplateError``
only for syntax and undefined names; a template that is not UTF-8, a macro
that calls itself, ``{{ 1 / 0 }}`` or a filter given the wrong type raise
plain Python exceptions. :func:`problem_from` turns any of them into a
:class:`TemplateProblem` at the template's file and line (Jinja2 rewrites the
traceback so that its frames carry the template's file name and line).

Memory: ``{{ 'x' * 3000000000 }}`` grew to 8.8 GB in 60 s. The environment
intercepts ``*`` and ``**`` and refuses a result over :data:`MAX_VALUE_CHARS`
characters (or a power over :data:`MAX_POWER_BITS` bits) before computing it;
a plan is some tens of KB, so a million characters is far beyond any honest
template. Other ways to build a huge value (``'x'.ljust(n)``, ``center``,
``%``-formatting) are caught by :func:`bounded_memory`, which on Linux lowers
the address-space limit to what the process already uses plus
:data:`TEMPLATE_MEMORY_BYTES` while a template renders, so the allocation fails
with ``MemoryError`` at once instead of swapping. A template file is read only
up to :data:`MAX_TEMPLATE_BYTES`.

What is not bounded: time. ``{% for i in range(99999) %}`` nested three deep
loops for hours; Jinja2 has no step limit to hook into.
"""

from __future__ import annotations

import contextlib
import os
import posixpath
import sys
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import FileSystemLoader, TemplateError, TemplateNotFound, TemplateSyntaxError
from jinja2.environment import Environment
from jinja2.loaders import split_template_path
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

from .i18n import Messages, say

MAX_VALUE_CHARS = 1_000_000
"""Longest string or list a template may build with ``*``."""

MAX_POWER_BITS = 100_000
"""Largest integer (in bits, about 30,000 digits) a template may build with ``**``."""

MAX_TEMPLATE_BYTES = 1_000_000
"""Largest template file read (the shipped plan template is about 10 KB)."""

TEMPLATE_MEMORY_BYTES = 1 << 30
"""Address space a template may add while it renders (Linux): 1 GiB."""

MESSAGES: Messages = {
    "not_utf8": {
        "en": "template is not UTF-8 text (byte 0x{byte:02x}); save it as UTF-8",
        "nb": "malen er ikke UTF-8-tekst (byte 0x{byte:02x}); lagre den som UTF-8",
    },
    "too_large_file": {
        "en": "template file is {size} bytes; at most {limit} are read",
        "nb": "malfilen er på {size} byte; høyst {limit} blir lest",
    },
    "unreadable": {"en": "cannot read template: {reason}", "nb": "kan ikke lese malen: {reason}"},
    "syntax": {"en": "template syntax error: {detail}", "nb": "syntaksfeil i malen: {detail}"},
    "recursion": {
        "en": "template recursion too deep (a macro or include that calls itself?)",
        "nb": "for dyp rekursjon i malen (en makro eller include som kaller seg selv?)",
    },
    "too_big_value": {
        "en": "template builds a value of length {size} with '{op}' (at most {limit})",
        "nb": "malen lager en verdi med lengde {size} med «{op}» (høyst {limit})",
    },
    "too_big_power": {
        "en": "template computes a number of about {bits} bits with '**' (at most {limit})",
        "nb": "malen regner ut et tall på omtrent {bits} bit med «**» (høyst {limit})",
    },
    "memory": {
        "en": "template ran out of memory (at most {limit} MB while it renders)",
        "nb": "malen brukte opp minnet (høyst {limit} MB mens den fylles ut)",
    },
    "failed": {"en": "template failed: {kind}: {detail}", "nb": "malen feilet: {kind}: {detail}"},
}


@dataclass
class TemplateProblem(TemplateError):
    """A template that cannot be used, at its file (and line and column when known)."""

    path: str
    key: str
    line: int | None = None
    column: int | None = None
    params: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        TemplateError.__init__(self, self.key)

    def text(self, lang: str) -> str:
        where = _display(self.path)
        if self.line is not None:
            where += f":{self.line}" + (f":{self.column}" if self.column is not None else "")
        label = "feil" if lang == "nb" else "error"
        return f"{where}: {label}: {say(MESSAGES, self.key, lang, **self.params)}"


def _display(path: str) -> str:
    """Relative to the working folder when inside it (as kamctl's other messages)."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


class GuardedLoader(FileSystemLoader):
    """A :class:`FileSystemLoader` that refuses non-UTF-8 and oversized files with a location."""

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for folder in self.searchpath:
            filename = posixpath.join(folder, *pieces)
            if os.path.isfile(filename):
                break
        else:
            raise TemplateNotFound(template)
        try:
            with open(filename, "rb") as fh:
                raw = fh.read(MAX_TEMPLATE_BYTES + 1)
            mtime = os.path.getmtime(filename)
        except OSError as exc:
            raise TemplateProblem(filename, "unreadable", params={"reason": exc.strerror or exc}) from None
        if len(raw) > MAX_TEMPLATE_BYTES:
            size = os.path.getsize(filename)
            raise TemplateProblem(
                filename, "too_large_file", params={"size": size, "limit": MAX_TEMPLATE_BYTES}
            )
        try:
            contents = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            before = raw[: exc.start]
            line = before.count(b"\n") + 1
            # Columns count characters, as in every other kamctl message.
            column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
            raise TemplateProblem(filename, "not_utf8", line, column, {"byte": raw[exc.start]}) from None

        def uptodate() -> bool:
            try:
                return os.path.getmtime(filename) == mtime
            except OSError:
                return False

        return contents, os.path.normpath(filename), uptodate


class ValueTooLarge(Exception):
    """A ``*`` or ``**`` in a template would build a value over the limits."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


_SEQUENCES = (str, list, tuple, bytes)


class GuardedEnvironment(SandboxedEnvironment):
    """The sandbox, with repetition and powers checked before they are computed."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Context, operator: str, left: object, right: object) -> object:
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, _SEQUENCES) and isinstance(times, int) and not isinstance(times, bool):
                    size = len(seq) * times
                    if size > MAX_VALUE_CHARS:
                        raise ValueTooLarge("too_big_value", size=size, op="*", limit=MAX_VALUE_CHARS)
        elif operator == "**" and isinstance(left, int) and isinstance(right, int):
            bits = abs(left).bit_length() * right
            if bits > MAX_POWER_BITS:
                raise ValueTooLarge("too_big_power", bits=bits, limit=MAX_POWER_BITS)
        return super().call_binop(context, operator, left, right)


def _template_frame(tb: types.TracebackType | None) -> tuple[str, int] | None:
    """The innermost traceback frame that is a template line (Jinja2 rewrites them so)."""
    found = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def problem_from(exc: BaseException, template: str) -> TemplateProblem:
    """Any exception out of loading or rendering ``template``, as a located problem."""
    if isinstance(exc, TemplateProblem):
        return exc
    if isinstance(exc, TemplateSyntaxError):
        return TemplateProblem(
            exc.filename or template, "syntax", exc.lineno, params={"detail": exc.message or str(exc)}
        )
    frame = _template_frame(exc.__traceback__)
    path, line = frame if frame else (template, None)
    if isinstance(exc, ValueTooLarge):
        return TemplateProblem(path, exc.key, line, params=exc.params)
    if isinstance(exc, RecursionError):
        return TemplateProblem(path, "recursion", line)
    if isinstance(exc, MemoryError):
        return TemplateProblem(path, "memory", line, params={"limit": TEMPLATE_MEMORY_BYTES >> 20})
    detail = str(exc).splitlines()[0][:300] if str(exc) else ""
    return TemplateProblem(path, "failed", line, params={"kind": type(exc).__name__, "detail": detail})


def _address_space_in_use() -> int | None:
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            pages = int(fh.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")


@contextlib.contextmanager
def bounded_memory() -> Iterator[None]:
    """Lower the address-space limit while a template renders (Linux; elsewhere a no-op)."""
    if not sys.platform.startswith("linux"):
        yield
        return
    import resource

    in_use = _address_space_in_use()
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if in_use is None:
        yield
        return
    limit = in_use + TEMPLATE_MEMORY_BYTES
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if soft != resource.RLIM_INFINITY and soft <= limit:
        yield  # already tighter than ours
        return
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def loader_for(folder: Path) -> GuardedLoader:
    return GuardedLoader(str(folder))
