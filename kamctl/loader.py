"""Finding account files and loading them: path → bytes → Document → Account.

Every problem becomes a located :class:`~kamctl.diagnostics.Diagnostic`; no
file is skipped silently and one bad file never stops the others. Large
portfolios are loaded on all cores (pre-commit runs us on every commit).
"""

from __future__ import annotations

import gc
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from .diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from pydantic import BaseModel

    from .account import Account
    from .config import Config
    from .yamlsource import Document

SUFFIXES = (".yaml", ".yml")
PARALLEL_FROM = 128
"""Below this many files a process pool costs more than it saves (measured
on 2 cores: even at ~100 files of 8 KB the two are level)."""


@dataclass
class LoadedFile:
    path: str
    account: Account | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    extra: Any = None
    """What ``load_accounts(per_file=...)`` returned for this file (None if it did not run)."""
    slim: Any = None
    """What ``load_accounts(slim=...)`` made of the account; ``account`` is then None."""

    @property
    def ok(self) -> bool:
        return (self.account is not None or self.slim is not None) and not any(
            d.severity is Severity.error for d in self.diagnostics
        )


def _problem(
    path: str, message: str, line: int = 0, column: int = 0, code: str = "file", source: str | None = None
) -> Diagnostic:
    return Diagnostic(
        path=path,
        line=line,
        column=column,
        severity=Severity.error,
        code=code,
        message=message,
        source=source,
    )


# ---------------------------------------------------------------- the source


class Source(Protocol):
    """Where account files come from when not from the work tree: a git revision
    (``kamctl classify --rev HEAD~3``, see :mod:`kamctl.history.source`). Its
    paths name what they are (``HEAD~3:accounts/acme.yaml``) and never exist on
    disk, so nothing can read a work-tree file in their place."""

    def discover(self, paths: Sequence[str], default_dir: Path | None) -> list[str]: ...

    def read(self, path: str) -> bytes | None:
        """The file's bytes; None when ``path`` is not one of the source's."""

    def tree_path(self, path: str) -> str:
        """Where ``path`` lies in the work tree (for path globs in the config)."""

    def close(self) -> None: ...


_SOURCE: Source | None = None


def use_source(source: Source | None) -> None:
    """Read every account file from ``source`` from now on (None: the work tree again)."""
    global _SOURCE
    if _SOURCE is not None and _SOURCE is not source:
        _SOURCE.close()
    _SOURCE = source


def tree_path(path: str) -> str:
    """``path`` as it lies in the work tree (itself, unless it comes from a source)."""
    return path if _SOURCE is None else _SOURCE.tree_path(path)


# --------------------------------------------------------------------- discovery


class NothingToCheck(Exception):
    """Discovery found nothing to check, or a path named does not exist: a
    usage error (exit 2), never "0 files checked" that a CI job takes for a pass."""


def discover(paths: Sequence[str], default_dir: Path | None = None) -> tuple[list[str], list[Diagnostic]]:
    """Account files named by ``paths`` (files or folders), in a stable order.

    With no paths, the config's accounts folder (or the working directory).
    Folders are walked without following links; hidden folders and files are
    skipped. A symlink whose target lies outside the folder being scanned is an
    error, not a file we quietly read; so are an unreadable folder and a file
    name that is not UTF-8. A path that does not exist, or finding no account
    file at all, raises :class:`NothingToCheck`.
    """
    if _SOURCE is not None:
        return _SOURCE.discover(paths, default_dir), []
    files: list[str] = []
    problems: list[Diagnostic] = []
    if not paths:
        target = default_dir if default_dir and default_dir.is_dir() else Path(".")
        # The config gives the folder as an absolute path; show it as a user
        # would type it (GitHub annotations need it relative, too).
        if target.is_absolute():
            try:
                target = Path(os.path.relpath(target))
            except ValueError:  # another drive on Windows: keep it absolute
                pass
        paths = [_display(target)]
    seen: set[str] = set()
    for arg in paths:
        p = Path(arg)
        try:
            st = os.stat(p)
        except FileNotFoundError:
            kind = "broken symlink" if p.is_symlink() else "no such file or folder"
            raise NothingToCheck(f"{kind}: {printable(arg)}") from None
        except OSError as exc:
            problems.append(_problem(printable(arg), f"cannot read: {exc.strerror}"))
            continue
        if stat.S_ISDIR(st.st_mode):
            for found in _walk(p, problems):
                if found not in seen:
                    seen.add(found)
                    files.append(found)
        else:
            # Named explicitly (as pre-commit does): take it whatever its suffix,
            # but a link must stay inside the working tree.
            if p.is_symlink() and not _inside(p, Path.cwd()):
                problems.append(
                    _problem(
                        printable(arg),
                        f"symlink points outside the working folder (to {printable(os.path.realpath(p))}); not read",
                    )
                )
                continue
            if not _utf8(arg):
                problems.append(_problem(printable(arg), NOT_UTF8))
                continue
            if arg not in seen:
                seen.add(arg)
                files.append(arg)
    if not files and not problems:
        where = ", ".join(printable(a) for a in paths)
        raise NothingToCheck(f"no account files (*.yaml, *.yml) in {where}")
    return files, problems


NOT_UTF8 = "file name is not valid UTF-8; not read (rename the file)"


def _utf8(name: str) -> bool:
    # os.scandir hands undecodable bytes back as lone surrogates
    # (surrogateescape); such a name cannot be printed or stored as UTF-8.
    try:
        name.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def printable(name: str) -> str:
    """``name`` safe for one line of UTF-8 output: undecodable bytes as ``\\xNN``,
    control characters (a newline in a file name) as escapes."""
    if _utf8(name) and name.isprintable():
        return name
    raw = os.fsencode(name) if not _utf8(name) else name.encode("utf-8")
    text = raw.decode("utf-8", errors="backslashreplace")
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _walk(root: Path, problems: list[Diagnostic]) -> Iterable[str]:
    # os.scandir, not os.walk + Path: the directory entries already say which
    # names are links, which saves a stat and two Path objects per file.
    real_root = root.resolve()
    yield from _walk_folder(os.fspath(root), root, real_root, problems)


def _walk_folder(folder: str, root: Path, real_root: Path, problems: list[Diagnostic]) -> Iterable[str]:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        # Never skipped silently (os.walk would): the files in it are unchecked.
        problems.append(_problem(printable(_display(folder)), f"cannot read: {exc.strerror or exc}"))
        return
    subfolders: list[str] = []
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if not entry.is_symlink():  # links to folders are not followed
                subfolders.append(entry.path)
            continue
        if not name.endswith(SUFFIXES):
            continue
        if not _utf8(entry.path):
            problems.append(_problem(printable(_display(entry.path)), NOT_UTF8))
            continue
        if entry.is_symlink() and not _inside(Path(entry.path), real_root):
            problems.append(
                _problem(
                    _display(entry.path),
                    f"symlink points outside {_display(root)} (to {printable(os.path.realpath(entry.path))}); not read",
                )
            )
            continue
        if entry.is_symlink():
            # A link inside the folder stands for its target: the real file is
            # the account's path (it is what --write must write, and where
            # findings belong), and discover() drops the second sighting.
            real = os.path.realpath(entry.path)
            yield _display(real if os.path.isabs(entry.path) else os.path.relpath(real))
            continue
        yield _display(entry.path)
    for sub in subfolders:
        yield from _walk_folder(sub, root, real_root, problems)


def _inside(path: Path, root: Path) -> bool:
    try:
        Path(os.path.realpath(path)).relative_to(root.resolve())
        return True
    except ValueError:
        return False


def _display(p: str | Path) -> str:
    s = os.path.normpath(str(p))
    return s[2:] if s.startswith("./") else s


# ----------------------------------------------------------------------- reading


def read_file(path: str, max_size: int) -> tuple[bytes | None, Diagnostic | None]:
    """The file's bytes, or why they cannot be had. Never blocks on a FIFO."""
    if _SOURCE is not None and (blob := _SOURCE.read(path)) is not None:
        if len(blob) > max_size:
            return None, _problem(
                path,
                f"file is {len(blob) / 1_048_576:.1f} MB, over the {max_size / 1_048_576:.1f} MB limit "
                "for an account file (max_file_size in the config)",
                1,
                1,
            )
        return blob, None
    try:
        st = os.stat(path)
    except OSError as exc:
        return None, _problem(path, f"cannot read: {exc.strerror}")
    if stat.S_ISFIFO(st.st_mode):
        return None, _problem(path, "not a regular file (a FIFO/named pipe); not read")
    if not stat.S_ISREG(st.st_mode):
        return None, _problem(path, "not a regular file; not read")
    if st.st_size > max_size:
        return None, _problem(
            path,
            f"file is {st.st_size / 1_048_576:.1f} MB, over the {max_size / 1_048_576:.1f} MB limit "
            "for an account file (max_file_size in the config)",
            1,
            1,
        )
    try:
        with open(path, "rb") as fh:
            # Ask for what stat promised, not for the limit: a 1 MB buffer per
            # file costs an allocation and page faults that show on 10,000 files.
            raw = fh.read(st.st_size + 1)
            if len(raw) > st.st_size:  # it grew since stat
                raw += fh.read(max_size + 1 - len(raw))
    except OSError as exc:
        return None, _problem(path, f"cannot read: {exc.strerror}")
    if len(raw) > max_size:  # grew between stat and read
        return None, _problem(path, f"file is over the {max_size} byte limit", 1, 1)
    return raw, None


IdAt = tuple[str, int, int]
"""An account id and the 1-based line and column of its value."""


def parse_and_validate(path: str, raw: bytes) -> tuple[Any, list[Diagnostic]]:
    """Bytes → (data that validated, or None; diagnostics)."""
    data, diags, _ = check_bytes(path, raw)
    return data, diags


def check_bytes(path: str, raw: bytes) -> tuple[Any, list[Diagnostic], IdAt | None]:
    """Bytes → (data that validated, or None; diagnostics; the id and where it is).

    The id is given whenever the file names a well-formed one, even if other
    fields are wrong, so a duplicate id is reported alongside those errors.
    """
    account, diags, id_at, doc = _check(path, raw)
    return (doc.data if account is not None and doc is not None else None), diags, id_at


def check_account(path: str, raw: bytes) -> tuple[Account | None, list[Diagnostic], IdAt | None]:
    """Bytes → (the validated Account or None; diagnostics; the id and where it is).

    For bytes that come from elsewhere than a file, e.g. a git blob: ``path``
    only names them in the diagnostics.
    """
    account, diags, id_at, _ = _check(path, raw)
    return account, diags, id_at


def _check(path: str, raw: bytes) -> tuple[Account | None, list[Diagnostic], IdAt | None, Document | None]:
    """check_bytes, with the Account itself (so it is not validated twice) and the Document."""
    from .account import Account
    from .types import id_problem
    from .validation import validate
    from .yamlsource import YamlProblem, decode, parse, source_lines

    try:
        doc = parse(decode(raw))
    except YamlProblem as exc:
        src = None
        try:
            src = source_lines(raw.decode("utf-8-sig", "replace"))[exc.line - 1]
        except IndexError:
            pass
        return None, [_problem(path, exc.message, exc.line, exc.column, "yaml", src)], None, None
    if not isinstance(doc.data, dict):
        kind = "a list" if isinstance(doc.data, list) else "a single value"
        line, col = doc.locate(())
        return (
            None,
            [
                _problem(
                    path,
                    f"the file holds {kind}; an account file is a mapping of 'key: value' lines "
                    "starting with 'id:' and 'name:'",
                    line,
                    col,
                    "schema",
                    doc.source_line(line),
                )
            ],
            None,
            None,
        )
    account, diags = validate(Account, doc, path)
    ident = doc.data.get("id")
    id_at: IdAt | None = None
    if isinstance(ident, str) and id_problem(ident) is None:
        id_at = (ident, *doc.locate(("id",)))
    return account, diags, id_at, doc


def _parent_at(doc: Document | None) -> IdAt | None:
    """The ``parent`` the file names and where its value is, if it is a well-formed id."""
    from .types import id_problem

    data = doc.data if doc is not None else None
    parent = data.get("parent") if isinstance(data, dict) else None
    if isinstance(parent, str) and id_problem(parent) is None and doc is not None:
        return (parent, *doc.locate(("parent",)))
    return None


def _other_ids(paths: Sequence[str], files: Sequence[str], config: Config) -> set[str]:
    """For a run over some files only (pre-commit passes the changed ones): the
    names of the other account files in the accounts folder, which stand for
    their ids (``kamctl new`` names a file after its id), so that a parent in
    a file that did not change is no "unknown" parent. Empty for a run over
    the whole folder: there the ids of the files themselves are the portfolio."""
    if not paths or not config.accounts_dir.is_dir():
        return set()
    others, _ = discover([], config.accounts_dir)
    return {Path(f).stem for f in others} - {Path(f).stem for f in files}


def _parent_problems(
    found: Iterable[tuple[str, IdAt | None, IdAt | None]], known: set[str]
) -> list[Diagnostic]:
    """An error at the ``parent:`` of every account whose parent is not an
    account of the portfolio, or whose parent chain comes back to itself.

    The group is the top of the parent chain: with an unknown parent or a
    cycle there is no top, and ``risk`` split the group and lost its finding.
    (A parent naming the account itself is an error of the file alone,
    reported by validation.)"""
    import difflib

    rows = [(path, id_at, parent_at) for path, id_at, parent_at in found if id_at is not None]
    ids = {id_at[0] for _, id_at, _ in rows} | known
    parent_of = {id_at[0]: parent_at[0] for _, id_at, parent_at in rows if parent_at is not None}
    errors: list[Diagnostic] = []
    for path, id_at, parent_at in rows:
        if parent_at is None or parent_at[0] == id_at[0]:
            continue
        parent, line, col = parent_at
        message = None
        if parent not in ids:
            hint = difflib.get_close_matches(parent, sorted(ids), n=1, cutoff=0.6)
            message = f"{parent!r} is not an account of the portfolio (no file has id: {parent})" + (
                f"; did you mean {hint[0]!r}?" if hint else ""
            )
        else:
            chain = [id_at[0]]
            current: str | None = parent
            while current is not None and current not in chain:
                chain.append(current)
                current = parent_of.get(current)
            if current == id_at[0]:
                message = f"a cycle: {' → '.join([*chain, id_at[0]])}; the top of a group has no parent"
        if message is not None:
            errors.append(
                Diagnostic(
                    path=path,
                    line=line,
                    column=col,
                    severity=Severity.error,
                    code="schema",
                    message=message,
                    field="parent",
                    source=_source_line(path, line),
                )
            )
    return errors


def _duplicate_ids(found: Iterable[tuple[str, IdAt | None]]) -> tuple[list[Diagnostic], dict[str, str]]:
    """An error at the ``id:`` of every file that reuses an id of an earlier file.

    Ids are the join key of every analysis, so two files with one id would be
    counted twice or mixed up. A symlink to a file in the same folder is the
    same file under a second name, not a duplicate: those come back as
    ``{link: first path}`` so an analysis can count the account once.
    """
    first_seen: dict[str, str] = {}
    errors: list[Diagnostic] = []
    aliases: dict[str, str] = {}
    for path, id_at in found:
        if id_at is None:
            continue
        ident, line, col = id_at
        other = first_seen.setdefault(ident, path)
        if other == path:
            continue
        if os.path.realpath(other) == os.path.realpath(path):
            aliases[path] = other
            continue
        errors.append(
            Diagnostic(
                path=path,
                line=line,
                column=col,
                severity=Severity.error,
                code="schema",
                message=f"duplicate account id {ident!r}: {other} already uses it",
                field="id",
                source=_source_line(path, line),
            )
        )
    return errors, aliases


def _source_line(path: str, line: int) -> str | None:
    from .yamlsource import source_lines

    raw = _SOURCE.read(path) if _SOURCE is not None else None
    try:
        if raw is None:
            with open(path, "rb") as fh:
                raw = fh.read()
    except OSError:
        return None
    lines = source_lines(raw.decode("utf-8-sig", "replace"))
    return lines[line - 1] if 0 < line <= len(lines) else None


PerFile = Callable[[str, "Account", "Document"], Any]
Slim = Callable[["Account"], Any]
LoadArgs = tuple[str, int, PerFile | None, Slim | None]


def _load_one(args: LoadArgs) -> tuple[str, Any, list[Diagnostic], IdAt | None, Any, IdAt | None]:
    """(path, the Account or what ``slim`` made of it or None, diagnostics, id,
    per_file's result, parent)."""
    path, max_size, per_file, slim = args
    raw, problem = read_file(path, max_size)
    if problem is not None:
        return path, None, [problem], None, None, None
    assert raw is not None
    account, diags, id_at, doc = _check(path, raw)
    extra = None
    if per_file is not None and account is not None and doc is not None:
        extra = per_file(path, account, doc)
    if slim is not None and account is not None:
        return path, slim(account), diags, id_at, extra, _parent_at(doc)
    return path, account, diags, id_at, extra, _parent_at(doc)


def _load_one_in_worker(args: LoadArgs) -> tuple[Any, ...]:
    # The model travels back from a worker as is (validating the data a second
    # time here would cost more), pickled here with the short form below.
    path, account, diags, id_at, extra, parent_at = _load_one(args)
    return path, None if account is None else _dump_model(account), diags, id_at, extra, parent_at


def _dump_model(model: Any) -> bytes:
    """Pickle a model tree, each model as (class, fields, fields set).

    Pydantic's own pickling goes through __getstate__/__setstate__, a dict
    and two Python calls per model; an account has about fifty models, and
    this is the part of loading that runs in the parent, one file after
    the other. The result is the same model (tests/test_loader_per_file.py).
    """
    import io
    import pickle

    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _model_reducers()
    pickler.dump(model)
    return buf.getvalue()


_REDUCERS: dict[type, Any] = {}


def _model_reducers() -> dict[type, Any]:
    if not _REDUCERS:
        import copyreg

        from pydantic import BaseModel

        from . import account

        _REDUCERS.update(copyreg.dispatch_table)
        for value in vars(account).values():
            if isinstance(value, type) and issubclass(value, BaseModel) and value is not BaseModel:
                _REDUCERS[value] = _reduce_model
    return _REDUCERS


def _reduce_model(model: Any) -> tuple[Any, ...]:
    private = model.__pydantic_private__
    if private:  # as BaseModel.__getstate__
        from pydantic_core import PydanticUndefined

        private = {k: v for k, v in private.items() if v is not PydanticUndefined}
    return (
        _rebuild_model,
        (type(model), model.__dict__, model.__pydantic_fields_set__, model.__pydantic_extra__, private),
    )


def _rebuild_model(
    cls: type[BaseModel], fields: dict[str, Any], fields_set: set[str], extra: Any, private: Any
) -> Any:
    # What BaseModel.__setstate__ does, without the state dict.
    model = cls.__new__(cls)
    object.__setattr__(model, "__pydantic_fields_set__", fields_set)
    object.__setattr__(model, "__pydantic_extra__", extra)
    object.__setattr__(model, "__pydantic_private__", private)
    object.__setattr__(model, "__dict__", fields)
    return model


@contextmanager
def _frozen_heap() -> Iterator[None]:
    """Keep the objects that exist now (the imported libraries) out of the
    cyclic garbage collector for a while.

    Every file allocates thousands of nodes, so collections run often, and
    each older-generation collection used to walk all of pydantic and PyYAML
    too: about a third of the time per file. In forked workers it also
    avoids copying every inherited page (a collection writes to each object's
    header). Objects made in the meantime are collected as usual. If objects
    were frozen already (see _collector_paused), they stay frozen.
    """
    already = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        yield
    finally:
        if not already:
            gc.unfreeze()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic collection while the accounts are built up, and none over
    them afterwards.

    What is made while the collector is off stays in its youngest generation:
    the first collection after would walk all of it (seconds for 10,000
    accounts), and the next ones again as it ages. So it is frozen instead.
    Accounts hold no reference cycles: reference counting still frees them
    when the caller lets go.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _pooled(n: int, jobs: int | None) -> bool:
    """Whether _map runs ``n`` items in worker processes."""
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    if _SOURCE is not None and not _can_fork():
        return False  # a spawned worker would not see the source's files
    return jobs > 1 and n >= PARALLEL_FROM


def _can_fork() -> bool:
    import multiprocessing as mp

    return "fork" in mp.get_all_start_methods()


def _map(fn: Any, items: list[Any], jobs: int | None) -> list[Any]:
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    with _frozen_heap():
        if not _pooled(len(items), jobs):
            return [fn(i) for i in items]
        import concurrent.futures as cf
        import multiprocessing as mp

        # fork keeps start-up cheap (the parent has already imported everything);
        # fall back to the platform default where fork does not exist.
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
        chunk = max(8, len(items) // (jobs * 8))
        # A worker inherits the collector's state: off while load_accounts
        # builds models (a chunk's results pile up in the worker too), on
        # over a frozen heap for validate.
        with cf.ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
            return list(pool.map(fn, items, chunksize=chunk))


def load_accounts(
    paths: Sequence[str],
    config: Config,
    *,
    jobs: int | None = None,
    per_file: PerFile | None = None,
    slim: Slim | None = None,
) -> tuple[list[LoadedFile], list[Diagnostic]]:
    """Load every account file named by ``paths``.

    Returns the files (each with its Account, or None and its diagnostics) and
    the problems with the paths themselves. Duplicate ids across files are
    errors too: ids are the join key of every analysis.

    ``per_file(path, account, document)`` runs for each valid file where the
    file was parsed (in a worker process when there are many files), while its
    node tree is at hand: findings located there need no second parse. Its
    result, which must pickle, is the file's ``extra``. Pass a module-level
    function or a ``functools.partial`` of one.

    ``slim(account)``, if given, runs after ``per_file`` where the file was
    parsed, and the file's ``slim`` is what it returned (which must pickle)
    in place of the Account: unpickling full models in the parent, one after
    the other, is most of what loading costs there when the caller needs only
    a few fields. Every valid file is slimmed, pooled or not, so the caller
    sees one kind of object whatever the number of files.

    The accounts are frozen out of the cyclic garbage collector (``gc.freeze``)
    so that later collections do not walk them again and again; they hold no
    cycles, and reference counting frees them as usual.
    """
    from .account import Account  # noqa: F401  (imported before forking, not in each worker)

    files, problems = discover(paths, config.accounts_dir)
    with _collector_paused():
        pooled = _pooled(len(files), jobs)
        results = _map(
            _load_one_in_worker if pooled else _load_one,
            [(f, config.max_file_size, per_file, slim) for f in files],
            jobs,
        )
        if pooled:
            import pickle

            results = [(r[0], None if r[1] is None else pickle.loads(r[1]), *r[2:]) for r in results]
    errors, aliases = _duplicate_ids((r[0], r[3]) for r in results)
    duplicates = {d.path: d for d in errors}
    parents = {
        d.path: d
        for d in _parent_problems(
            ((r[0], r[3], r[5]) for r in results if r[0] not in aliases), _other_ids(paths, files, config)
        )
    }
    loaded: list[LoadedFile] = []
    for path, account, diags, _, extra, _ in results:
        lf = LoadedFile(path, None, list(diags))
        if path in duplicates or path in parents:
            lf.diagnostics.extend(d for d in (duplicates.get(path), parents.get(path)) if d is not None)
        elif path in aliases:
            lf.diagnostics.append(
                Diagnostic(
                    path=path,
                    line=0,
                    column=0,
                    severity=Severity.info,
                    code="file",
                    message=f"same file as {aliases[path]} (a symlink); the account is counted once",
                )
            )
        else:
            if slim is None:
                lf.account = account
            else:
                lf.slim = account
            lf.extra = extra
        loaded.append(lf)
    return loaded, problems


def validate_files(
    paths: Sequence[str], config: Config, *, jobs: int | None = None, cache_dir: Path | None = None
) -> tuple[int, list[Diagnostic]]:
    """Validate without keeping models: (files checked, diagnostics).

    With ``cache_dir``, files whose exact bytes validated before (same kamctl
    version and config) are not parsed again. Duplicate ids across files are
    found on every run, cached or not: each cache entry keeps its file's id.
    """
    files, problems = discover(paths, config.accounts_dir)
    checked = len(files) + len({d.path for d in problems})
    cache = None
    if cache_dir is not None:
        from .cache import ResultCache

        cache = ResultCache(cache_dir, "validate", config.fingerprint())
    todo: list[tuple[str, bytes]] = []
    diags: list[Diagnostic] = list(problems)
    ids: dict[str, IdAt | None] = {}
    parents: dict[str, IdAt | None] = {}
    for path in files:
        raw, problem = read_file(path, config.max_file_size)
        if problem is not None:
            diags.append(problem)
            continue
        assert raw is not None
        if cache is not None:
            hit = _from_cache(cache.get(raw), path)
            if hit is not None:
                diags.extend(hit[0])
                ids[path], parents[path] = hit[1], hit[2]
                continue
        todo.append((path, raw))
    results = _map(_validate_bytes, todo, jobs)
    for (path, raw), (found, id_at, parent_at) in zip(todo, results, strict=True):
        diags.extend(found)
        ids[path], parents[path] = id_at, parent_at
        if cache is not None:
            cache.put(raw, _to_cache(found, id_at, parent_at))
    if cache is not None:
        cache.save()
    # In discovery order, so "first" means what the user sees first.
    duplicates, aliases = _duplicate_ids((p, ids[p]) for p in files if p in ids)
    diags.extend(duplicates)
    found = ((p, ids[p], parents[p]) for p in files if p in ids and p not in aliases)
    diags.extend(_parent_problems(found, _other_ids(paths, files, config)))
    return checked, diags


def _validate_bytes(item: tuple[str, bytes]) -> tuple[list[Diagnostic], IdAt | None, IdAt | None]:
    path, raw = item
    _, diags, id_at, doc = _check(path, raw)
    return diags, id_at, _parent_at(doc)


def _to_cache(diags: list[Diagnostic], id_at: IdAt | None, parent_at: IdAt | None) -> dict[str, Any]:
    # The path is left out: the entry is for these bytes wherever they are.
    return {
        "diagnostics": [
            {
                **{k: v for k, v in d.to_dict().items() if k != "path"},
                "text_data": None if d.text_data is None else d.text_data.to_data(),
            }
            for d in diags
        ],
        "id": id_at,
        "parent": parent_at,
    }


_CACHED_FIELDS: dict[str, tuple[type, ...]] = {
    "line": (int,),
    "column": (int,),
    "severity": (str,),
    "code": (str,),
    "message": (str,),
    "field": (str, type(None)),
    "source": (str, type(None)),
    "account": (str, type(None)),
    "text_data": (dict, type(None)),
}
"""The shape of a cached diagnostic: every field present, each of its type.
Checked in full because a damaged entry (valid JSON, a ``line`` of ``"14"``)
crashed every later run at sorting (repro 19)."""


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _cached_diagnostic(d: object, path: str) -> Diagnostic | None:
    if not isinstance(d, dict) or set(d) != set(_CACHED_FIELDS):
        return None
    for name, types in _CACHED_FIELDS.items():
        value = d[name]
        if not isinstance(value, types) or (types == (int,) and not _is_int(value)):
            return None
    if d["line"] < 0 or d["column"] < 0 or d["severity"] not in {s.value for s in Severity}:
        return None
    text_data = None
    if d["text_data"] is not None:
        from .i18n import Message

        text_data = Message.from_data(d["text_data"])
        if text_data is None:
            return None
    return Diagnostic(**{**d, "path": path, "severity": Severity(d["severity"]), "text_data": text_data})


def _cached_key(value: object) -> tuple[bool, IdAt | None]:
    """(well-formed, the id and its place) of a cached ``id`` or ``parent``."""
    if value is None:
        return True, None
    if not (isinstance(value, (list, tuple)) and len(value) == 3):
        return False, None
    ident, line, col = value
    if not (isinstance(ident, str) and _is_int(line) and _is_int(col)):
        return False, None
    return True, (ident, line, col)


def _from_cache(entry: Any, path: str) -> tuple[list[Diagnostic], IdAt | None, IdAt | None] | None:
    """A cache entry back as results for ``path`` (diagnostics, id, parent); None
    (a miss, so the file is validated again and the entry rewritten) if it is
    not well-formed."""
    if not isinstance(entry, dict) or set(entry) != {"diagnostics", "id", "parent"}:
        return None
    stored = entry["diagnostics"]
    if not isinstance(stored, list):
        return None
    diags = []
    for d in stored:
        diag = _cached_diagnostic(d, path)
        if diag is None:
            return None
        diags.append(diag)
    id_ok, id_at = _cached_key(entry["id"])
    parent_ok, parent_at = _cached_key(entry["parent"])
    if not (id_ok and parent_ok):
        return None
    return diags, id_at, parent_at
