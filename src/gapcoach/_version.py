"""
The installed package's version, from its metadata (one place for the package and the
reports).
"""

from importlib.metadata import PackageNotFoundError, version


def package_version() -> str:
    """The version pip installed, or "0.0.0" when running from a bare source tree."""
    try:
        return version("gapcoach")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0.0.0"
