"""How fast the three ways of reading a revision's blobs are (docs/history.md).

    python bench/git_readers.py REPO [FOLDER]

Reads the tree of FOLDER (default ``accounts``) at HEAD and the bytes of every
blob in it, five times each, with the git binary (what kamctl uses: ``ls-tree``
and one ``cat-file --batch`` stream), dulwich and pygit2 (each only if
installed; neither is a kamctl dependency). Prints the medians.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path


def git_binary(root: str, folder: str) -> int:
    from kamctl.history.git import Repo

    with Repo(Path(root)) as r:
        tree = r.tree(r.resolve("HEAD"), folder)
        return sum(map(len, r.read_many(list(tree.values()))))


def dulwich_read(root: str, folder: str) -> int:
    from dulwich.repo import Repo

    r = Repo(root)
    sub = r[r[r[b"HEAD"].tree][folder.encode()][1]]  # type: ignore[attr-defined,index]
    return sum(len(r[e.sha].data) for e in sub.iteritems())  # type: ignore[attr-defined]


def pygit2_read(root: str, folder: str) -> int:
    import pygit2  # type: ignore[import-not-found]

    r = pygit2.Repository(root)
    return sum(len(r[e.id].data) for e in r.head.peel().tree[folder])


def main() -> None:
    root = sys.argv[1]
    folder = sys.argv[2] if len(sys.argv) > 2 else "accounts"
    readers: list[tuple[str, Callable[[str, str], int]]] = [
        ("git binary", git_binary),
        ("dulwich", dulwich_read),
        ("pygit2", pygit2_read),
    ]
    for name, fn in readers:
        times = []
        try:
            for _ in range(5):
                start = time.perf_counter()
                n = fn(root, folder)
                times.append(time.perf_counter() - start)
        except ImportError:
            print(f"{name}: not installed")
            continue
        print(f"{name}: median {statistics.median(times) * 1000:.0f} ms of 5, {n} bytes")


if __name__ == "__main__":
    main()
