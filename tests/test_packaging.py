"""The wheel ships every subpackage.

pyproject.toml lists the packages by hand (templates/ and schemas/ are mapped
into the package from the top of the repository, which rules out plain
auto-discovery). An editable install imports from the work tree and so hides a
missing entry: ``kamctl diff`` worked in the repository and failed with
ModuleNotFoundError from a wheel, because ``kamctl.history`` was not listed.
"""

from __future__ import annotations

import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


def test_every_python_package_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "kamctl").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert on_disk - listed == set(), f"add these to [tool.setuptools] packages: {sorted(on_disk - listed)}"


def test_every_compiled_catalogue_is_package_data() -> None:
    """The .mo files are what the program reads; a wheel without them speaks English only."""
    from fnmatch import fnmatch

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["kamctl"]
    catalogues = [
        p.relative_to(ROOT / "kamctl").as_posix() for p in (ROOT / "kamctl" / "locale").rglob("*.mo")
    ]
    assert "nb/LC_MESSAGES/kamctl.mo" in [c.removeprefix("locale/") for c in catalogues]
    unshipped = [c for c in catalogues if not any(fnmatch(c, pat) for pat in patterns)]
    assert unshipped == [], f"add to [tool.setuptools.package-data] kamctl: {unshipped}"
