"""
The one reader for every input file, and the one safe YAML/JSON loader.

Resumes, ratings, guides, taxonomies and lexicons are all read here: the path must be a
regular file (a FIFO, a device or ``/dev/zero`` would block or never end), its size is
checked before reading and the read itself is capped, and every failure is one message of
the caller's error class. Structured data refuses what can blow up memory or the stack:
YAML anchors and aliases (an "alias bomb" expands a few hundred bytes into gigabytes) and
nesting deeper than any real file needs.
"""

import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from gapcoach.errors import GapcoachError

__all__ = ["MAX_NESTING", "load_json", "load_yaml", "read_file_bytes"]

MAX_NESTING = 32  # a taxonomy nests 5 levels; a ratings file 2


def read_file_bytes(
    path: Path,
    *,
    label: str,
    max_bytes: int,
    error: type[GapcoachError],
    what: str,
    missing: str = "check the file name and path",
    too_big: Callable[[int], str] | None = None,
) -> bytes:
    """
    The bytes of a regular file of at most ``max_bytes``.

    Args:
        path: The file.
        label: How messages name it.
        max_bytes: The size limit, checked before reading (and enforced while reading).
        error: The GapcoachError subclass to raise.
        what: What the file should be, for messages ("a resume file (.txt, .pdf ...)").
        missing: The advice when the file does not exist.
        too_big: The message for a file of a given size over the limit.

    Raises:
        GapcoachError: Of class ``error``: missing, a folder, not a regular file, too
            big, or unreadable.
    """
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise error(f"{label} is a folder; pass {what}.")
        if not stat.S_ISREG(info.st_mode):
            raise error(
                f"{label} is not a regular file (a pipe, device or socket); pass {what}."
            )
        if info.st_size > max_bytes:
            raise error(_too_big(label, info.st_size, max_bytes, too_big))
        # O_NONBLOCK: if the path was swapped for a FIFO since stat(), open() must not wait
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise error(f"{label} is not a regular file; pass {what}.")
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise error(f"{label} does not exist; {missing}.") from None
    except PermissionError:
        raise error(
            f"{label} cannot be read: permission denied; check the file's permissions."
        ) from None
    except OSError as problem:
        reason = problem.strerror or type(problem).__name__
        raise error(
            f"{label} cannot be read: {reason}; check that it is a regular file."
        ) from None
    if len(data) > max_bytes:
        raise error(_too_big(label, len(data), max_bytes, too_big))
    return data


def _too_big(
    label: str, size: int, limit: int, message: Callable[[int], str] | None
) -> str:
    if message is not None:
        return message(size)
    return f"{label} is {size:,} bytes; the limit is {limit:,} bytes."


def nesting_depth(text: str) -> int:
    """
    The deepest bracket nesting of a JSON or flow-style YAML text (strings ignored).
    """
    depth = deepest = 0
    quote = ""
    escaped = False
    for char in text:
        if quote:
            if escaped:
                escaped = False
            elif char == "\\" and quote == '"':
                escaped = True
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(0, depth - 1)
    return deepest


def load_json(
    text: str, *, label: str, error: type[GapcoachError], **options: Any
) -> Any:
    """
    ``json.loads`` that refuses nesting deeper than MAX_NESTING (no RecursionError).

    A ``json.JSONDecodeError`` is left to the caller, which knows the line to name.
    """
    if nesting_depth(text) > MAX_NESTING:
        raise error(f"{label} nests deeper than {MAX_NESTING} levels; flatten it.")
    return json.loads(text, **options)


def load_yaml(
    text: str, *, label: str, error: type[GapcoachError], native: bool = True
) -> Any:
    """
    Safe YAML that refuses anchors, aliases, custom tags and deep nesting.

    Parsing is libyaml's when present and ``native`` (fast, for taxonomies), else PyYAML's
    own (whose messages name the problem better, for hand-written ratings); the node tree
    is checked before anything is constructed, so an alias bomb never expands.

    Raises:
        yaml.YAMLError: The text is not valid YAML (the caller names the line).
        GapcoachError: Of class ``error``: an anchor or alias, or too deep.
    """
    if nesting_depth(text) > MAX_NESTING:
        raise error(f"{label} nests deeper than {MAX_NESTING} levels; flatten it.")
    loader_class = (
        getattr(yaml, "CSafeLoader", yaml.SafeLoader) if native else yaml.SafeLoader
    )
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_tree(node, label=label, error=error)
        return loader.construct_document(node)
    except RecursionError:
        raise error(f"{label} nests too deeply; flatten it.") from None
    finally:
        loader.dispose()


def _check_tree(root: yaml.Node, *, label: str, error: type[GapcoachError]) -> None:
    """
    Walk the node tree once (no recursion): every node seen once, none deeper than the cap.
    """
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            line = node.start_mark.line + 1 if node.start_mark else "?"
            raise error(
                f"{label} line {line}: uses a YAML anchor or alias (& or *); write each "
                "value out in full."
            )
        seen.add(id(node))
        if depth > MAX_NESTING:
            raise error(f"{label} nests deeper than {MAX_NESTING} levels; flatten it.")
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))
