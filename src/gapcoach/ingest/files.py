"""
The one reader for every input file: resumes, ratings, guides, taxonomies and lexicons.

A file must be a regular file (a FIFO, a device or ``/dev/zero`` would block or never
end); its size is checked before reading and the read itself is capped; bytes become text
in one place (BOMs, UTF-8, UTF-16 without a BOM, then a charset guess or cp1252); and
every failure is one message of the caller's error class, naming the input. A source may
also be ``"-"`` (standard input, where the kind allows it), text or bytes: the library
takes all of them, and they get the same limits and messages.

Structured data (YAML, JSON) refuses what can blow up memory or the stack: YAML anchors
and aliases (an "alias bomb" expands a few hundred bytes into gigabytes) and nesting
deeper than any real file needs.

The resume-specific part (which of txt, md, pdf or docx a source is) is here too, since
it is decided from the same bytes.
"""

import json
import os
import re
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

from gapcoach._text import display_name
from gapcoach.errors import GapcoachError, InputError

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_LINES",
    "MAX_NESTING",
    "MAX_TEXT_CHARS",
    "RESUME",
    "FileKind",
    "ResumeFormat",
    "Source",
    "choose_format",
    "decode_text",
    "load_json",
    "load_yaml",
    "read_file_bytes",
    "read_source",
    "read_text",
]

MAX_FILE_BYTES = 10 * 1024 * 1024
# A resume is a few thousand characters on a hundred or two lines (the longest of the 64
# real ones: 16,503 characters, 231 lines); these limits are ten times that and more, and
# they bound what a hostile text can cost: every stage is linear, so at these sizes the
# slowest adversarial text is read and matched in a few seconds (bench/hostile.py).
MAX_TEXT_CHARS = 200_000
MAX_LINES = 5_000


@dataclass(frozen=True)
class FileKind:
    """
    A kind of input file: its limit, its error class and the words of its messages.

    Attributes:
        what: What the file should be ("a resume file (.txt, .md, .pdf or .docx)").
        max_bytes: The size limit, checked before reading.
        error: The GapcoachError subclass every failure raises.
        missing: The advice when a path does not exist.
        too_big: The message for an input of a given size (label, size) over the limit.
        unnamed: The label of unnamed text or bytes (None: "<text>" and "<bytes>").
        stdin: Whether "-" means standard input.
        binary: The end of the message for binary content ("not text; pass ..."), or
            None to decode whatever comes.
        guess_charset: Guess the charset of non-UTF-8 text (else read it as cp1252).
    """

    what: str
    max_bytes: int
    error: type[GapcoachError]
    missing: str = "check the file name and path"
    too_big: Callable[[str, int], str] | None = None
    unnamed: str | None = None
    stdin: bool = False
    binary: str | None = None
    guess_charset: bool = False

    def too_big_message(self, label: str, size: int) -> str:
        """The message for an input of ``size`` bytes over the limit."""
        if self.too_big is not None:
            return self.too_big(label, size)
        return f"{label} is {size:,} bytes; the limit is {self.max_bytes:,} bytes."


def _resume_too_big(label: str, size: int) -> str:
    return (
        f"{label} is {size / 1024 / 1024:.1f} MB; the limit is "
        f"{MAX_FILE_BYTES // 1024 // 1024} MB. Pass the resume alone, or save it as text."
    )


RESUME = FileKind(
    what="a resume file (.txt, .md, .pdf or .docx)",
    max_bytes=MAX_FILE_BYTES,
    error=InputError,
    too_big=_resume_too_big,
    stdin=True,
    binary="not text; pass the resume as .txt, .md, .pdf or .docx",
    guess_charset=True,
)


@dataclass(frozen=True)
class Source:
    """
    One input: the label its messages use, its name, its bytes (and its text when it was
    given as text) and the file suffix, a hint to its format.
    """

    label: str
    name: str
    data: bytes
    text: str | None = None
    suffix: str = ""


def read_source(
    source: Path | str | bytes,
    kind: FileKind,
    *,
    name: str | None = None,
    caller: str = "read_source()",
) -> Source:
    """
    Read a path, standard input ("-", where the kind allows), text or bytes.

    ``caller`` names the public function in the TypeError for any other type.

    Raises:
        GapcoachError: Of the kind's class: missing, not a regular file, too big,
            unreadable, or standard input unusable.
        TypeError: ``source`` is none of those types.
    """
    if isinstance(source, Path):
        label = display_name(str(source))
        data = read_file_bytes(source, kind, label=label)
        return Source(
            label=label,
            name=display_name(name or source.name),
            data=data,
            suffix=source.suffix.lower(),
        )
    if isinstance(source, bytes):
        label = name or kind.unnamed or "<bytes>"
        _check_size(label, len(source), kind)
        return Source(
            label=label,
            name=label,
            data=source,
            suffix=Path(name or label).suffix.lower(),
        )
    if isinstance(source, str):
        if source == "-" and kind.stdin:
            return _read_stdin(kind, name=name)
        label = name or kind.unnamed or "<text>"
        data = source.encode("utf-8", errors="surrogatepass")
        _check_size(label, len(data), kind)
        return Source(
            label=label,
            name=label,
            data=data,
            text=source,
            suffix=Path(name or "").suffix.lower(),
        )
    raise TypeError(f"{caller} takes a Path, str or bytes, not {type(source).__name__}")


def _check_size(label: str, size: int, kind: FileKind) -> None:
    if size > kind.max_bytes:
        raise kind.error(kind.too_big_message(label, size))


def _read_stdin(kind: FileKind, *, name: str | None) -> Source:
    label = name or "<stdin>"
    stream = sys.stdin
    if stream is None:
        raise kind.error(f"{label} is not available; pass a file path instead of '-'.")
    if stream.isatty():
        raise kind.error(
            f"{label} is a terminal, not a file; pipe a resume in "
            "(gapcoach read - < resume.txt) or pass its path."
        )
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        data = buffer.read(kind.max_bytes + 1)
    else:  # a text-only stream (e.g. io.StringIO in an embedding program)
        data = stream.read(kind.max_bytes + 1).encode("utf-8")
    _check_size(label, len(data), kind)
    return Source(label=label, name=label, data=data)


def read_text(path: Path, kind: FileKind, *, label: str | None = None) -> str:
    """
    The decoded text of a file (see ``read_file_bytes`` and ``decode_text``).
    """
    label = label or display_name(str(path))
    return decode_text(read_file_bytes(path, kind, label=label), label, kind)


def read_file_bytes(path: Path, kind: FileKind, *, label: str) -> bytes:
    """
    The bytes of a regular file of at most ``kind.max_bytes``.

    Raises:
        GapcoachError: Of the kind's class: missing, a folder, not a regular file, too
            big, or unreadable.
    """
    error, what = kind.error, kind.what
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise error(f"{label} is a folder; pass {what}.")
        if not stat.S_ISREG(info.st_mode):
            raise error(
                f"{label} is not a regular file (a pipe, device or socket); pass {what}."
            )
        _check_size(label, info.st_size, kind)
        # O_NONBLOCK: if the path was swapped for a FIFO since stat(), open() must not wait
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise error(f"{label} is not a regular file; pass {what}.")
            data = handle.read(kind.max_bytes + 1)
    except FileNotFoundError:
        raise error(f"{label} does not exist; {kind.missing}.") from None
    except PermissionError:
        raise error(
            f"{label} cannot be read: permission denied; check the file's permissions."
        ) from None
    except OSError as problem:
        reason = problem.strerror or type(problem).__name__
        raise error(
            f"{label} cannot be read: {reason}; check that it is a regular file."
        ) from None
    _check_size(label, len(data), kind)
    return data


# --------------------------------------------------------------------------- decoding

BAD_CHARS_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd\ud800-\udfff]")
"""Characters no text resume holds: a share of them means the bytes were not text."""

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode_text(data: bytes, label: str, kind: FileKind) -> str:
    """
    Bytes of a text file -> str: BOMs first, then UTF-8, then the kind's fallback.

    With ``kind.binary`` set, NUL bytes that are not UTF-16 mean a binary file (an
    error); with ``kind.guess_charset``, non-UTF-8 text is guessed by charset-normalizer
    (cp1252 preferred on a tie), else read as cp1252.
    """
    if kind.binary is not None:
        for bom, encoding in _BOMS:
            if data.startswith(bom):
                return data[len(bom) :].decode(encoding, errors="replace")
        if b"\x00" in data:
            guess = _utf16_guess(data)
            if guess is None:
                raise kind.error(binary_message(label, kind))
            return data.decode(guess, errors="replace")
    elif data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if not kind.guess_charset:
        return data.decode("cp1252", errors="replace")
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise kind.error(binary_message(label, kind))
    for match in matches:
        # Western resumes are cp1252 far more often than the cp1250 that charset-normalizer
        # tends to pick on a tie; take cp1252 whenever it explains the bytes as well.
        if match.chaos > best.chaos:
            break
        if "cp1252" in match.could_be_from_charset:
            try:
                return data.decode("cp1252")
            except UnicodeDecodeError:
                break
    return str(best)


def binary_message(label: str, kind: FileKind = RESUME) -> str:
    """The message for binary content where text was expected."""
    return f"{label} is a binary file, {kind.binary or 'not text'}."


def _utf16_guess(data: bytes) -> str | None:
    """
    "utf-16-le" / "utf-16-be" when BOM-less bytes look like UTF-16 text, else None.
    """
    sample = data[:4096]
    if len(sample) < 4:
        return None
    odd_zeros = sample[1::2].count(0)
    even_zeros = sample[0::2].count(0)
    half = len(sample) // 2
    if odd_zeros > half * 0.4 and even_zeros < half * 0.05:
        return "utf-16-le"
    if even_zeros > half * 0.4 and odd_zeros < half * 0.05:
        return "utf-16-be"
    return None


# --------------------------------------------------------------------------- resume formats


class ResumeFormat(StrEnum):
    """
    The resume formats gapcoach reads.
    """

    TXT = "txt"
    MD = "md"
    PDF = "pdf"
    DOCX = "docx"


_MAGIC: list[tuple[bytes, str]] = [
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\xd0\xcf\x11\xe0", "an old Word 97-2003 (.doc) or other Office file"),
    (b"{\\rtf", "an RTF document"),
]


def _sniff(data: bytes) -> str:
    """
    What the bytes are: "pdf", "zip", "text" or a description of a known binary format.
    """
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    for magic, description in _MAGIC:
        if data.startswith(magic):
            return description
    return "text"


_MARKDOWN_RE = re.compile(r"^(?:#{1,6}\s+\S|\*\*[^*]+\*\*|[-*]\s+\S)", re.MULTILINE)


def choose_format(item: Source, forced: ResumeFormat | None) -> ResumeFormat:
    if forced is not None:
        return ResumeFormat(forced)
    if item.text is not None:
        return ResumeFormat.MD if _looks_markdown(item.text) else ResumeFormat.TXT
    kind = _sniff(item.data)
    if kind == "pdf":
        return ResumeFormat.PDF
    if kind == "zip":
        return ResumeFormat.DOCX
    if kind != "text":
        if kind == "an RTF document":
            fix = "save it as .docx, .pdf or .txt"
        else:
            fix = "save the resume as .txt, .md, .pdf or .docx"
        raise InputError(
            f"{item.label} is {kind}, not a resume gapcoach can read; {fix}."
        )
    if item.suffix == ".md":
        return ResumeFormat.MD
    if item.suffix in (".pdf", ".docx"):
        # the name promises a PDF or Word file but the content is neither: say so
        return ResumeFormat.PDF if item.suffix == ".pdf" else ResumeFormat.DOCX
    return ResumeFormat.TXT


def _looks_markdown(text: str) -> bool:
    return len(_MARKDOWN_RE.findall(text[:20_000])) >= 3 and "\n#" in "\n" + text


# --------------------------------------------------------------------------- structured data

MAX_NESTING = 32  # a taxonomy nests 5 levels; a ratings file 2


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
