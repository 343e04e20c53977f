"""
INGEST stage: a resume (file, bytes, text or stdin) -> Document.

``read_resume`` reads a ``.txt``, ``.md``, ``.pdf`` or ``.docx`` resume, normalises its text
while keeping every line traceable to the extracted text, splits it into sections, finds
the dated jobs of the work history and derives years of experience, the current title and
its rung on the contact-center ladder, and the scope of the work (team, agents, sites,
budget).

Line numbers: the "extracted text" is the decoded file (text formats), the text of every
PDF page joined by newlines, or one line per paragraph / table row / text-box paragraph of
a ``.docx``. Normalisation never adds or removes lines, so ``Document.text`` has exactly
the extracted text's lines and ``ResumeLine.number`` indexes both.

Job titles are placed on the ladder by a small lexicon of regular expressions. Its list of
contact-center title words draws on the O*NET 29.2 alternate titles for 43-4051 Customer
Service Representatives, 41-9041 Telemarketers and 43-1011 First-Line Supervisors of Office
and Administrative Support Workers (O*NET, US Department of Labor, CC BY 4.0).

Heavy readers (pypdf, python-docx, charset-normalizer, ftfy) are imported inside the
functions that need them, so importing gapcoach stays fast.
"""

import bisect
import io
import logging
import re
import sys
import time
import unicodedata
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gapcoach._text import (
    collapse_spaces,
    display_name,
    sha256_bytes,
    strip_controls,
)
from gapcoach.errors import InputError
from gapcoach.models import Document, Job, ResumeLine, Scope, Seniority

if TYPE_CHECKING:
    from pypdf import PageObject, PdfReader

__all__ = [
    "MAX_DOCX_UNPACKED_BYTES",
    "MAX_FILE_BYTES",
    "MAX_PDF_PAGES",
    "MAX_TEXT_CHARS",
    "TODAY",
    "ResumeFormat",
    "read_resume",
    "title_seniority",
]

TODAY: tuple[int, int] = (2026, 11)
"""The (year, month) that "Present" means, fixed so that the same resume always gives
the same numbers. Override it per call with ``read_resume(..., today=(2027, 3))``."""

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_TEXT_CHARS = 1_000_000
MAX_PDF_PAGES = 100
MAX_DOCX_UNPACKED_BYTES = 50 * 1024 * 1024


class ResumeFormat(StrEnum):
    """
    The resume formats gapcoach reads.
    """

    TXT = "txt"
    MD = "md"
    PDF = "pdf"
    DOCX = "docx"


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class _Input:
    """
    Raw input: the label used in messages, the document name, and the bytes or text.
    """

    label: str
    name: str
    data: bytes
    text: str | None = None
    suffix: str = ""


def _read_path(path: Path, *, name: str | None) -> _Input:
    from gapcoach.files import read_file_bytes

    label = display_name(str(path))
    data = read_file_bytes(
        path,
        label=label,
        max_bytes=MAX_FILE_BYTES,
        error=InputError,
        what="a resume file (.txt, .md, .pdf or .docx)",
        too_big=lambda size: _too_big(label, size),
    )
    return _Input(
        label=label,
        name=display_name(name or path.name),
        data=data,
        suffix=path.suffix.lower(),
    )


def _read_stdin(*, name: str | None) -> _Input:
    label = name or "<stdin>"
    stream = sys.stdin
    if stream is None:
        raise InputError(f"{label} is not available; pass a file path instead of '-'.")
    if stream.isatty():
        raise InputError(
            f"{label} is a terminal, not a file; pipe a resume in "
            "(gapcoach read - < resume.txt) or pass its path."
        )
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        data = buffer.read(MAX_FILE_BYTES + 1)
    else:  # a text-only stream (e.g. io.StringIO in an embedding program)
        data = stream.read(MAX_FILE_BYTES + 1).encode("utf-8")
    if len(data) > MAX_FILE_BYTES:
        raise InputError(_too_big(label, len(data)))
    return _Input(label=label, name=label, data=data)


def _too_big(label: str, size: int) -> str:
    return (
        f"{label} is {size / 1024 / 1024:.1f} MB; the limit is "
        f"{MAX_FILE_BYTES // 1024 // 1024} MB. Pass the resume alone, or save it as text."
    )


def _load(source: Path | str | bytes, *, name: str | None) -> _Input:
    if isinstance(source, Path):
        return _read_path(source, name=name)
    if isinstance(source, bytes):
        label = name or "<bytes>"
        if len(source) > MAX_FILE_BYTES:
            raise InputError(_too_big(label, len(source)))
        return _Input(
            label=label, name=label, data=source, suffix=Path(label).suffix.lower()
        )
    if isinstance(source, str):
        if source == "-":
            return _read_stdin(name=name)
        label = name or "<text>"
        data = source.encode("utf-8", errors="surrogatepass")
        if len(data) > MAX_FILE_BYTES:
            raise InputError(_too_big(label, len(data)))
        return _Input(label=label, name=label, data=data, text=source)
    raise TypeError(
        f"read_resume() takes a Path, str or bytes, not {type(source).__name__}"
    )


# --------------------------------------------------------------------------- formats

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


def _choose_format(item: _Input, forced: ResumeFormat | None) -> ResumeFormat:
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


# --------------------------------------------------------------------------- decoding

_BAD_CHARS_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd\ud800-\udfff]")


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


def _decode(data: bytes, label: str) -> str:
    """
    Bytes of a text resume -> str: BOMs first, then UTF-8, then a charset guess.
    """
    for bom, encoding in (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(
                encoding.replace("-sig", ""), errors="replace"
            )
    if b"\x00" in data:
        guess = _utf16_guess(data)
        if guess is None:
            raise InputError(_binary_message(label))
        return data.decode(guess, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError(_binary_message(label))
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


def _binary_message(label: str) -> str:
    return f"{label} is a binary file, not text; pass the resume as .txt, .md, .pdf or .docx."


# --------------------------------------------------------------------------- PDF


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """
    Silence pypdf's logged warnings ("EOF marker not found", ...) while it reads.
    """
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


_PDF_SECONDS = 6.0
"""Wall-clock budget for extracting the text of one PDF, checked between pages."""
_PDF_PAGE_BYTES = 2 * 1024 * 1024
"""Decoded content-stream bytes one page may hold (a dense resume page holds ~100 KB)."""
_PDF_PAGE_STRINGS = 50_000
"""Text strings one page may show (a dense resume page shows ~5,000)."""
_PDF_PAGE_SHIFTS = 500_000
"""Text-positioning work one page may need: every string or TJ adjustment costs one step
per TJ adjustment made since the last line move (layout extraction keeps them all until
then), so 2,000 adjusted TJ arrays on one line cost millions of steps and tens of
seconds. A dense typeset page needs ~35,000."""
_INVISIBLE_MODES = frozenset({3, 7})
"""Text render modes that paint nothing: 3 (neither fill nor stroke) and 7 (clip only)."""
_SHOW_TEXT = frozenset({b"Tj", b"TJ", b"'", b'"'})
_LINE_MOVES = frozenset({b"BT", b"ET", b"cm", b"Q", b"Td", b"TD", b"Tm", b"T*"})


def _extract_pdf(data: bytes, label: str) -> tuple[str, int]:
    """
    The visible text of every page joined by newlines, and the number of characters of
    invisible text (render mode 3 or 7) that was left out.
    """
    from pypdf import PdfReader

    corrupt = (
        f"{label} is not a valid PDF (corrupt or truncated); re-export it from the "
        "original program or save it as text."
    )
    with _quiet_pypdf():
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
        except Exception:  # pypdf raises many types on damaged files
            raise InputError(corrupt) from None
        if reader.is_encrypted:
            encrypted = (
                f"{label} is encrypted; remove the password (e.g. print to PDF) "
                "and try again."
            )
            try:
                opened = reader.decrypt("")
            except Exception:  # e.g. AES without the cryptography package
                raise InputError(encrypted) from None
            if not opened:
                raise InputError(encrypted)
        if _pdf_page_count(reader, corrupt) > MAX_PDF_PAGES:
            raise InputError(_too_many_pages(reader, label))
        try:
            texts, hidden = _pdf_texts(reader, label)
        except InputError:
            raise
        except Exception:  # damaged content streams
            raise InputError(corrupt) from None
    text = "\n".join(texts)
    if not text.strip() and hidden:
        raise InputError(
            f"{label} has no visible text, only {hidden:,} characters of invisible text "
            "(such as the OCR layer of a scanned page), which gapcoach does not read. "
            "Save the resume as text, or export it again from the program that made it."
        )
    if not text.strip():
        raise InputError(
            f"{label} has no extractable text: is it a scanned image? "
            "Save it as text or run OCR first."
        )
    return text, hidden


def _pdf_page_count(reader: "PdfReader", corrupt: str) -> int:
    """
    Pages in the page tree, counted by walking it (its /Count can lie) and stopping at
    MAX_PDF_PAGES + 1, so a file of any size is refused after a hundred-odd nodes.

    Nodes are told apart as pypdf does when it lists the pages. A tree that cannot be
    walked (not dictionaries, a cycle, too deep, or far more nodes than pages) is corrupt.
    """
    from pypdf.generic import ArrayObject, DictionaryObject, NullObject

    most_nodes = 20 * MAX_PDF_PAGES
    try:
        root = reader.root_object["/Pages"]
        # (id of the /Pages node, its remaining kids): the path from the root
        stack: list[tuple[int, Iterator[Any]]] = [(0, iter([root]))]
        ancestors: set[int] = set()
        pages = nodes = 0
        while stack:
            parent, kids = stack[-1]
            kid = next(kids, None)
            if kid is None:
                stack.pop()
                ancestors.discard(parent)
                continue
            nodes += 1
            if nodes > most_nodes or len(stack) > 100:
                raise ValueError("page tree too large or too deep")
            node = kid.get_object()
            if not isinstance(node, DictionaryObject) or not node:
                continue  # pypdf skips these entries too
            kind = _pdf_entry(node, "/Type")
            if kind is None:
                kind = "/Pages" if "/Kids" in node else "/Page"
            if kind == "/Page":
                pages += 1
                if pages > MAX_PDF_PAGES:
                    break
            elif kind == "/Pages":
                if id(node) in ancestors:
                    raise ValueError("cyclic page tree")
                children = _pdf_entry(node, "/Kids")
                if children is None or isinstance(children, NullObject):
                    children = ArrayObject()
                if not isinstance(children, ArrayObject):
                    raise ValueError("/Kids is not an array")
                ancestors.add(id(node))
                stack.append((id(node), iter(children)))
    except Exception:  # no /Pages, broken objects, or the checks above
        raise InputError(corrupt) from None
    return pages


def _too_many_pages(reader: "PdfReader", label: str) -> str:
    """
    The message for a PDF past MAX_PDF_PAGES: its declared page count when that is
    larger too, since the count of real pages stopped at the limit.
    """
    from pypdf.generic import NumberObject

    try:
        declared = _pdf_entry(_pdf_entry(reader.root_object, "/Pages"), "/Count")
    except Exception:
        declared = None
    if isinstance(declared, NumberObject) and int(declared) > MAX_PDF_PAGES:
        pages = f"{int(declared):,}"
    else:
        pages = f"more than {MAX_PDF_PAGES}"
    return (
        f"{label} has {pages} pages; the limit is {MAX_PDF_PAGES}. "
        "Pass the resume alone, not a whole document."
    )


def _pdf_entry(dictionary: Any, key: str) -> Any:
    """
    dictionary[key] resolved, or None when the key is missing or it is not a dictionary.
    """
    from pypdf.generic import DictionaryObject

    if isinstance(dictionary, DictionaryObject) and key in dictionary:
        return dictionary[key]
    return None


def _pdf_too_slow(label: str) -> str:
    return (
        f"{label} takes too long to read (more text or drawing than a resume has); "
        "save it as text, or re-export it as a simpler PDF, and try again."
    )


def _pdf_texts(reader: "PdfReader", label: str) -> tuple[list[str], int]:
    """
    The visible text of each page and the characters of invisible text left out, read
    within MAX_TEXT_CHARS characters and _PDF_SECONDS seconds.

    Pages drawn by the same content stream with the same resources (one stream can be
    the /Contents of every page) are extracted once.
    """
    from pypdf.generic import ArrayObject

    deadline = time.monotonic() + _PDF_SECONDS
    done: dict[tuple[int, ...], tuple[str, int]] = {}
    texts: list[str] = []
    chars = hidden = 0
    for index, page in enumerate(reader.pages):
        if index >= MAX_PDF_PAGES:  # pypdf listed more pages than the tree walk
            raise InputError(_too_many_pages(reader, label))
        if time.monotonic() > deadline:
            raise InputError(_pdf_too_slow(label))
        # pypdf resolves an indirect object to one cached instance: id() identifies it
        contents = _pdf_entry(page, "/Contents")
        streams = list(contents) if isinstance(contents, ArrayObject) else [contents]
        key = (
            id(_pdf_entry(page, "/Resources")),
            *(id(s.get_object() if s is not None else None) for s in streams),
        )
        if key not in done:
            done[key] = _page_text(page, label, deadline)
        text, page_hidden = done[key]
        chars += len(text) + (1 if texts else 0)
        if chars > MAX_TEXT_CHARS:
            raise InputError(
                f"{label} has at least {chars:,} characters of text; the limit is "
                f"{MAX_TEXT_CHARS:,}. Pass the resume alone, not a whole document."
            )
        texts.append(text)
        hidden += page_hidden
    return texts, hidden


def _page_text(page: "PageObject", label: str, deadline: float) -> tuple[str, int]:
    """
    The visible text of one page and the characters of invisible text left out of it.

    The content stream is read first to bound the work of layout extraction and to
    empty the text shown in an invisible render mode; layout mode then extracts the rest.
    """
    from pypdf.generic import ContentStream, DictionaryObject, NameObject

    content = page.get_contents()
    if content is None:
        return "", 0
    if len(content.get_data()) > _PDF_PAGE_BYTES:
        raise InputError(_pdf_too_slow(label))
    operations = ContentStream(content, page.pdf, "bytes").operations
    if time.monotonic() > deadline:
        raise InputError(_pdf_too_slow(label))
    resources = _pdf_entry(page, "/Resources")
    fonts = _pdf_entry(resources, "/Font")
    wide_fonts = frozenset(
        name
        for name in (fonts if isinstance(fonts, DictionaryObject) else ())
        if _pdf_entry(fonts[name], "/Subtype") == "/Type0"
    )
    scan = _scan_operations(operations, wide_fonts)
    if scan.strings > _PDF_PAGE_STRINGS or scan.shifts > _PDF_PAGE_SHIFTS:
        raise InputError(_pdf_too_slow(label))
    if scan.hidden:
        visible = ContentStream(None, page.pdf)
        visible.operations = scan.visible
        page[NameObject("/Contents")] = visible
    try:
        return page.extract_text(extraction_mode="layout"), scan.hidden
    except Exception:  # layout mode is stricter; plain mode copes with more fonts
        if time.monotonic() > deadline:
            raise InputError(_pdf_too_slow(label)) from None
    # Like layout mode, leave out the text of form XObjects: it is not checked for
    # invisible text, and each use of a form is extracted again.
    if isinstance(resources, DictionaryObject) and "/XObject" in resources:
        without_forms = DictionaryObject(resources)
        del without_forms[NameObject("/XObject")]
        page[NameObject("/Resources")] = without_forms
    return page.extract_text(), scan.hidden


@dataclass
class _PageScan:
    """
    What one pass over a page's content stream found.
    """

    visible: list[tuple[Any, bytes]]
    """The operations, with the text shown in an invisible render mode made empty."""
    hidden: int = 0
    """Characters of text shown in an invisible render mode."""
    strings: int = 0
    """Strings shown (Tj, ', " and each string of a TJ array)."""
    shifts: int = 0
    """Text-positioning work, as described at _PDF_PAGE_SHIFTS."""


def _scan_operations(
    operations: list[tuple[Any, bytes]], wide_fonts: frozenset[str]
) -> _PageScan:
    """
    One pass over a content stream: empty the strings shown in render mode 3 or 7, count
    their characters (two bytes a character in a Type0 font), and measure the work.

    The render mode and the font belong to the graphics state: q saves them, Q restores
    them, and they carry on across text objects (BT does not reset them).
    """
    from pypdf.generic import ByteStringObject

    scan = _PageScan(visible=[])
    mode, wide = 0, False
    saved: list[tuple[int, bool]] = []
    adjustments = 0  # TJ adjustments since the last line move
    for operands, operator in operations:
        if operator in _LINE_MOVES:
            adjustments = 0
        if operator == b"q":
            saved.append((mode, wide))
        elif operator == b"Q":
            if saved:
                mode, wide = saved.pop()
        elif operator == b"Tr":
            if operands and isinstance(operands[0], int | float):
                mode = int(operands[0])
        elif operator == b"Tf":
            wide = bool(operands) and operands[0] in wide_fonts
        elif operator in _SHOW_TEXT:
            if operator == b"TJ":
                array = operands[0] if operands else None
                items = list(array) if isinstance(array, list) else []
            elif operator == b"Tj":
                items = operands[:1]
            else:  # ' and " move to the next line first
                adjustments = 0
                items = operands[:1] if operator == b"'" else operands[2:3]
            shown = 0
            for item in items:
                if isinstance(item, bytes | str):
                    scan.strings += 1
                    raw = getattr(item, "original_bytes", item)
                    shown += len(raw) // 2 if wide else len(raw)
                elif isinstance(item, int | float):
                    adjustments += 1
                scan.shifts += adjustments
            if mode in _INVISIBLE_MODES:
                # show an empty string instead, so that the text object and its line
                # moves stay as they were (pypdf's layout mode mislays the text after a
                # text object that shows nothing)
                scan.hidden += shown
                empty = ByteStringObject(b"")
                if operator == b'"':
                    operands = [*operands[:2], empty]
                else:
                    operands = [empty]
                    operator = b"Tj" if operator == b"TJ" else operator
        scan.visible.append((operands, operator))
    return scan


# --------------------------------------------------------------------------- DOCX

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _extract_docx(data: bytes, label: str) -> tuple[str, int]:
    """
    The text of a .docx, one line per paragraph / table row / text-box paragraph, and
    the number of characters of hidden text (w:vanish) that was left out.
    """
    not_zip = (
        f"{label} is not a valid .docx file (not a zip archive); re-save it from Word "
        "or save it as text."
    )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise InputError(not_zip) from None
    with archive:
        infos = archive.infolist()
        unpacked = sum(info.file_size for info in infos)
        if unpacked > MAX_DOCX_UNPACKED_BYTES:
            raise InputError(
                f"{label} unpacks to {unpacked / 1024 / 1024:,.0f} MB; the limit is "
                f"{MAX_DOCX_UNPACKED_BYTES // 1024 // 1024} MB. Re-save it without "
                "embedded media, or save it as text."
            )
        names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        raise InputError(
            f"{label} is a zip archive but not a Word document (no word/document.xml); "
            "save the resume as .docx, .pdf or .txt."
        )
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        hidden = _docx_hidden_styles(document.styles.element)
        lines: list[str] = []
        for section in document.sections[:1]:
            header = section.header
            if not header.is_linked_to_previous:
                _walk_blocks(header._element, lines, hidden)
        _walk_blocks(document.element.body, lines, hidden)
    except InputError:
        raise
    except Exception:  # lxml / python-docx errors on damaged parts
        raise InputError(
            f"{label} is a corrupt .docx file (its document.xml cannot be read); "
            "re-save it from Word or save it as text."
        ) from None
    return "\n".join(lines), hidden.chars


@dataclass
class _HiddenRuns:
    """
    Which runs of a .docx are hidden text (w:vanish), and how many characters they held.

    A run is hidden by its own w:vanish, else by its character style's, else by its
    paragraph's style's, else by the document defaults; a style inherits w:vanish from
    the style it is based on. (Word combines a toggle set by two styles, which is left out.)
    """

    styles: dict[str, bool]
    """Style id -> hidden, for the styles that set w:vanish or inherit it."""
    default_paragraph_style: str | None = None
    default: bool = False
    chars: int = 0

    def paragraph_style(self, paragraph: Any) -> str | None:
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        if style is None:
            return self.default_paragraph_style
        value: str | None = style.get(_W + "val")
        return value

    def hides(self, run: Any, paragraph_style: str | None) -> bool:
        properties = run.find(_W + "rPr")
        if properties is not None:
            vanish = properties.find(_W + "vanish")
            if vanish is not None:
                return _on(vanish)
            style = properties.find(_W + "rStyle")
            if style is not None and style.get(_W + "val") in self.styles:
                return self.styles[style.get(_W + "val")]
        if paragraph_style in self.styles:
            return self.styles[paragraph_style]
        return self.default


def _on(toggle: Any) -> bool:
    """
    The value of an OOXML on/off property such as w:vanish (no w:val means on).
    """
    return toggle.get(_W + "val") not in ("0", "false", "off")


def _docx_hidden_styles(styles: Any) -> _HiddenRuns:
    """
    The hidden-text settings of a styles part (w:styles).
    """
    own: dict[str, bool] = {}
    based_on: dict[str, str] = {}
    default_paragraph_style = None
    for style in styles.iterchildren(_W + "style"):
        style_id = style.get(_W + "styleId")
        if not style_id:
            continue
        if style.get(_W + "type") == "paragraph" and _on_attribute(style, "default"):
            default_paragraph_style = style_id
        parent = style.find(_W + "basedOn")
        if parent is not None and parent.get(_W + "val"):
            based_on[style_id] = parent.get(_W + "val")
        vanish = style.find(f"{_W}rPr/{_W}vanish")
        if vanish is not None:
            own[style_id] = _on(vanish)
    resolved: dict[str, bool] = {}
    for style_id in own.keys() | based_on.keys():
        current: str | None = style_id
        seen: set[str] = set()
        while current is not None and current not in seen:
            seen.add(current)
            if current in own:
                resolved[style_id] = own[current]
                break
            current = based_on.get(current)
    default = styles.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}vanish")
    return _HiddenRuns(
        styles=resolved,
        default_paragraph_style=default_paragraph_style,
        default=default is not None and _on(default),
    )


def _on_attribute(element: Any, name: str) -> bool:
    return element.get(_W + name) in ("1", "true", "on")


def _walk_blocks(parent: Any, lines: list[str], hidden: _HiddenRuns) -> None:
    """
    Paragraphs, tables and text boxes of a body / cell / header, in reading order.
    """
    for child in parent.iterchildren():
        if child.tag == _W + "p":
            lines.extend(_paragraph_text(child, hidden).split("\n"))
            for box in _text_boxes(child):
                _walk_blocks(box, lines, hidden)
        elif child.tag == _W + "tbl":
            _walk_table(child, lines, hidden)
        elif child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                _walk_blocks(content, lines, hidden)


def _walk_table(table: Any, lines: list[str], hidden: _HiddenRuns) -> None:
    for row in table.iterchildren(_W + "tr"):
        cells = list(row.iterchildren(_W + "tc"))
        simple = all(
            len(cell.findall(_W + "p")) <= 1 and cell.find(_W + "tbl") is None
            for cell in cells
        )
        if simple:
            # one row of short cells ("Jan 2015 - Present | Team Lead") reads as one line
            texts = [
                _paragraph_text(p, hidden)
                for cell in cells
                for p in cell.findall(_W + "p")
            ]
            lines.append(" | ".join(text for text in texts if text.strip()))
        else:
            for cell in cells:
                _walk_blocks(cell, lines, hidden)


def _paragraph_text(paragraph: Any, hidden: _HiddenRuns) -> str:
    """
    The visible text of a w:p: runs, tabs and breaks, but not nested text boxes nor
    hidden runs (whose characters are counted in ``hidden``).
    """
    paragraph_style = hidden.paragraph_style(paragraph)
    parts: list[str] = []
    for element in paragraph.iter(_W + "t", _W + "tab", _W + "br", _W + "cr"):
        if _inside_text_box(element, paragraph):
            continue
        run = element.getparent()
        if (
            run is not None
            and run.tag == _W + "r"
            and hidden.hides(run, paragraph_style)
        ):
            if element.tag == _W + "t":
                hidden.chars += len(element.text or "")
            continue
        if element.tag == _W + "t":
            parts.append(element.text or "")
        elif element.tag == _W + "tab":
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _inside_text_box(element: Any, stop: Any) -> bool:
    node = element.getparent()
    while node is not None and node is not stop:
        if node.tag == _W + "txbxContent":
            return True
        node = node.getparent()
    return False


def _text_boxes(paragraph: Any) -> Iterator[Any]:
    """
    The outermost w:txbxContent of a paragraph, skipping the VML duplicate in mc:Fallback.
    """
    for box in paragraph.iter(_W + "txbxContent"):
        node = box.getparent()
        nested_or_fallback = False
        while node is not None and node is not paragraph:
            if node.tag in (_W + "txbxContent", _MC_FALLBACK):
                nested_or_fallback = True
                break
            node = node.getparent()
        if not nested_or_fallback:
            yield box


# --------------------------------------------------------------------------- normalise

_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
# pdftotext turns the full-width separator of some resume builders into "ï¼" + a
# zero-width space; ftfy cannot repair it because one byte was lost, so map it to a dash
_LOST_SEPARATOR_RE = re.compile("ï¼[\u200b\u2039]?")
_BULLETS = (
    "\u2022\uf0b7\uf0a7\uf0d8\uf076\uf0fc\u25aa\u25ab\u25e6\u25cf\u25cb\u25a0\u25a1"
    "\u2023\u2043\u2219\u00b7\u27a2\u27a4\u25ba\u25b6\u2713\u2714\u2756\u2192\u29bf"
)
_BULLET_RE = re.compile(rf"^\s*(?:[{_BULLETS}]\s*|[-*+–—>]\s+|[-*]$)+")
_MD_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_EMPHASIS_RE = re.compile(r"(\*\*|__|`)")
_MD_LINK_RE = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_RULE_RE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_HYPHEN_END_RE = re.compile(r"(?<![\w-])([^\W\d_][^\W\d_]*)[-\u00ad\u2010]$")
_NEXT_WORD_RE = re.compile(r"^([^\W\d_A-Z][^\W_]*)([.,;:!?)]*)\s*(.*)$")
# prefixes whose hyphen is part of the word ("self-\nmotivated" -> "self-motivated")
_KEEP_HYPHEN = frozenset(
    {
        "self", "cross", "well", "full", "part", "long", "short", "high", "low", "front",
        "back", "follow", "hands", "step", "real", "first", "second", "third", "one",
        "two", "three", "year", "month", "week", "day", "team", "client", "customer",
        "data", "end", "call", "non", "co",
    }
)  # fmt: skip
_SUSPECT_RE = re.compile("[ÂÃâÅÆÐðï¼ŸÄÊœ€™\ufffd]")


def _repair(text: str) -> str:
    """
    Mojibake repair (ftfy, on the lines that look damaged) and NFC; never adds lines.
    """
    if text.isascii():
        return text
    if _SUSPECT_RE.search(text):
        import ftfy

        config = ftfy.TextFixerConfig(
            fix_line_breaks=False,
            uncurl_quotes=False,
            normalization="NFC",
            explain=False,
        )
        lines = text.split("\n")
        for index, line in enumerate(lines):
            if _SUSPECT_RE.search(line):
                fixed = ftfy.fix_text(line, config)
                if "\n" not in fixed:
                    lines[index] = fixed
        text = "\n".join(lines)
    return unicodedata.normalize("NFC", text)


def _clean_line(line: str, *, markdown: bool) -> str:
    line = _LOST_SEPARATOR_RE.sub("-", line)
    line = _ZERO_WIDTH_RE.sub("", line)
    if markdown:
        if _MD_RULE_RE.match(line):
            return ""
        line = _MD_HEADING_RE.sub("", line)
        line = _MD_LINK_RE.sub(r"\1", line)
        line = _MD_EMPHASIS_RE.sub("", line)
    line = _BULLET_RE.sub("", line).rstrip()
    if "\u00ad" in line[:-1]:
        line = line[:-1].replace("\u00ad", "") + line[-1]
    return line


def _dehyphenate(lines: list[str]) -> None:
    """
    Join words split across lines ("work-" + "force") onto the first line, in place.
    """
    for index in range(len(lines) - 1):
        current = lines[index]
        ending = _HYPHEN_END_RE.search(current)
        if not ending:
            continue
        following = _NEXT_WORD_RE.match(lines[index + 1].lstrip())
        if not following:
            continue
        soft = current.endswith("\u00ad")
        keep = ending.group(1).lower() in _KEEP_HYPHEN and not soft
        lines[index] = (
            current[:-1]
            + ("-" if keep else "")
            + following.group(1)
            + (following.group(2))
        )
        lines[index + 1] = following.group(3)


def _normalise(raw: str, *, markdown: bool) -> tuple[list[str], list[bool]]:
    text = strip_controls(_repair(raw))
    raw_lines = text.split("\n")
    # structure is read from the text as shown: a zero-width character before a bullet
    # must not hide it (nor one inside a word change a score)
    bulleted = [
        bool(_BULLET_RE.match(_ZERO_WIDTH_RE.sub("", line))) for line in raw_lines
    ]
    lines = [_clean_line(line, markdown=markdown) for line in raw_lines]
    _dehyphenate(lines)
    return [collapse_spaces(line.replace("\u00ad", "")) for line in lines], bulleted


_WORD_RE = re.compile(r"[A-Za-z]")
_CONTINUES_RE = re.compile(
    r"(?:,|\b(?:and|or|to|of|the|with|for|in|a|an|by|on|at|from|as|that|which|while|"
    r"including|across|into|than|per|&))$",
    re.IGNORECASE,
)
_MAX_LOGICAL_LINE = 600


def _logical_lines(
    lines: list[str], sections: list[str], bulleted: list[bool]
) -> list[ResumeLine]:
    """
    Non-empty lines, with a sentence wrapped across lines (as PDF text often is) joined
    back into one line that keeps the number of its first line.

    A line continues the one before when it is not a new bullet, stays in the same
    section, and either starts in lower case or follows a line that ends mid-phrase
    (a comma, "and", "to", "the" ...), never after a full stop.
    """
    joined: list[ResumeLine] = []
    previous_index = -2
    for index, line in enumerate(lines):
        if not line:
            continue
        last = joined[-1] if joined else None
        if (
            last is not None
            and previous_index == index - 1
            and not bulleted[index]
            and sections[index] == last.section
            and not last.text.endswith((".", "!", "?", ":", ";"))
            and (
                line[0].islower()
                or (
                    last.text.count(" ") >= 2
                    and _CONTINUES_RE.search(last.text) is not None
                )
            )
            and len(last.text) + len(line) < _MAX_LOGICAL_LINE
        ):
            joined[-1] = ResumeLine(
                number=last.number, text=f"{last.text} {line}", section=last.section
            )
        else:
            joined.append(
                ResumeLine(number=index + 1, text=line, section=sections[index])
            )
        previous_index = index
    return joined


# --------------------------------------------------------------------------- sections

_SECTION_HEADINGS: dict[str, tuple[str, ...]] = {
    "summary": (
        "summary",
        "professional summary",
        "career summary",
        "executive summary",
        "summary of qualifications",
        "qualifications summary",
        "profile",
        "professional profile",
        "career profile",
        "personal profile",
        "objective",
        "career objective",
        "professional objective",
        "about me",
        "about",
        "overview",
        "introduction",
        "personal statement",
        "career overview",
        "professional overview",
        "executive profile",
        "summary statement",
    ),
    "experience": (
        "experience",
        "work experience",
        "professional experience",
        "work history",
        "employment history",
        "employment",
        "career history",
        "relevant experience",
        "professional background",
        "career experience",
        "experience summary",
        "professional history",
        "employment experience",
        "relevant work experience",
        "related experience",
        "work experience and history",
        "history",
        "positions held",
        "accomplishments",
        "key accomplishments",
        "achievements",
        "key achievements",
        "selected achievements",
        "career highlights",
        "professional experience continued",
        "experience continued",
        "military experience",
        "leadership experience",
        "contact center experience",
        "call center experience",
        "customer service experience",
    ),
    "skills": (
        "skills",
        "technical skills",
        "core competencies",
        "competencies",
        "areas of expertise",
        "expertise",
        "highlights",
        "skill highlights",
        "qualifications",
        "key skills",
        "skills summary",
        "summary of skills",
        "top skills",
        "strengths",
        "key strengths",
        "computer skills",
        "software",
        "tools",
        "technologies",
        "tools and technologies",
        "technical proficiencies",
        "proficiencies",
        "abilities",
        "skills and abilities",
        "core skills",
        "professional skills",
        "relevant skills",
        "soft skills",
        "key competencies",
        "core qualifications",
        "technical expertise",
        "systems",
        "it skills",
        "skills and expertise",
        "areas of strength",
        "capabilities",
        "knowledge",
    ),
    "education": (
        "education",
        "education and training",
        "academic background",
        "academics",
        "education and qualifications",
        "educational background",
        "training",
        "training and education",
        "professional development",
        "education and credentials",
        "academic qualifications",
        "coursework",
        "relevant coursework",
        "education and certifications",
        "education and certification",
        "education and professional development",
    ),
    "certifications": (
        "certifications",
        "certification",
        "certificates",
        "licenses",
        "licenses and certifications",
        "licences and certifications",
        "certifications and licenses",
        "licensure",
        "credentials",
        "professional certifications",
        "certifications and training",
        "training and certifications",
        "certifications and training",
        "accreditations",
        "certifications and awards",
    ),
    "other": (
        "languages",
        "interests",
        "hobbies",
        "activities",
        "activities and honors",
        "honors",
        "honors and awards",
        "awards",
        "awards and recognition",
        "awards and recognitions",
        "recognition",
        "references",
        "volunteer",
        "volunteer experience",
        "volunteer work",
        "community involvement",
        "projects",
        "technical projects",
        "personal projects",
        "affiliations",
        "professional affiliations",
        "memberships",
        "professional memberships",
        "additional information",
        "additional skills and information",
        "personal information",
        "personal details",
        "publications",
        "presentations",
        "contact",
        "contact information",
        "links",
        "portfolio",
        "leadership and activities",
        "extracurricular activities",
        "interests and activities",
    ),
}
_HEADINGS: dict[str, str] = {
    heading: section
    for section, headings in _SECTION_HEADINGS.items()
    for heading in headings
}
_INLINE_HEADING_RE = re.compile(r"^([A-Za-z][A-Za-z &/]{1,38}?)\s*:\s*(\S.*)$")
_SPACED_LETTERS_RE = re.compile(r"^(?:\w ){2,}\w$")


def _heading_key(text: str) -> str:
    key = text.strip().rstrip(":").strip()
    if _SPACED_LETTERS_RE.match(key):
        key = key.replace(" ", "")
    key = key.lower().replace("&", " and ").replace("’", "'")
    return " ".join(key.split())


def _heading_section(text: str) -> str | None:
    """
    The section a heading line opens, or None when the line is not a heading.
    """
    if len(text) > 60 or text.endswith("."):
        return None
    key = _heading_key(text)
    if key in _HEADINGS:
        return _HEADINGS[key]
    parts = [
        part.strip() for part in re.split(r"\s*(?:/|\||,|;)\s*", key) if part.strip()
    ]
    if len(parts) > 1 and all(part in _HEADINGS for part in parts):
        return _HEADINGS[parts[0]]
    return None


def _assign_sections(lines: list[str]) -> tuple[list[str], list[bool]]:
    """
    The section of every line (lines before the first heading are "summary"), and
    which lines are headings themselves.
    """
    section = "summary"
    sections: list[str] = []
    headings: list[bool] = []
    for line in lines:
        found = _heading_section(line) if line else None
        is_heading = found is not None
        if found is None and line:
            inline = _INLINE_HEADING_RE.match(line)
            if inline and _heading_key(inline.group(1)) in _HEADINGS:
                found = _HEADINGS[_heading_key(inline.group(1))]
        if found is not None:
            section = found
        sections.append(section)
        headings.append(is_heading)
    return sections, headings


# --------------------------------------------------------------------------- dates

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_DATE = (
    rf"(?:\b{_MONTH}\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?,?\s*(?:{_YEAR}\b|['’]\d{{2}}\b)"
    rf"|\b(?:0?[1-9]|1[0-2])\s*[/.]\s*(?:(?:0?[1-9]|[12]\d|3[01])\s*/\s*)?{_YEAR}\b"
    rf"|\b(?:0?[1-9]|1[0-2])-{_YEAR}\b"
    rf"|\b{_YEAR}\b)"
)
_PRESENT = (
    r"(?:present\w?|current(?:ly)?|now|today|to\s+date|till\s+date|date|ongoing|"
    r"still\s+employed|the\s+present)\b"
)
_SEPARATOR = r"\s*(?:-+|–|—|‒|―|~|→|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b)\s*"
_RANGE_RE = re.compile(
    rf"\(?(?P<start>{_DATE})\)?{_SEPARATOR}\(?(?P<end>{_DATE}|{_PRESENT})\)?",
    re.IGNORECASE,
)
_SINCE_RE = re.compile(rf"\b(?:since|from)\s+(?P<start>{_DATE})(?!{_SEPARATOR})", re.I)
_DATE_RE = re.compile(_DATE, re.IGNORECASE)
_LONE_DATE_END_RE = re.compile(
    rf"(?<![\s,|(-])[\s,|(-]+\(?(?P<start>\b{_MONTH}\.?\s*,?\s*{_YEAR}|\b(?:0?[1-9]|1[0-2])/{_YEAR})\)?$",
    re.IGNORECASE,
)
_DATE_ONLY_RE = re.compile(rf"^\(?{_DATE}\)?$", re.IGNORECASE)
_END_ONLY_RE = re.compile(rf"^\(?(?:{_DATE}|{_PRESENT})\)?\.?$", re.IGNORECASE)
_SEPARATOR_ONLY_RE = re.compile(rf"^{_SEPARATOR}$", re.IGNORECASE)
_SEPARATOR_START_RE = re.compile(rf"^{_SEPARATOR}\S", re.IGNORECASE)
_MONTH_YEAR_RE = re.compile(
    rf"({_MONTH})\.?(?:\s+\d{{1,2}}\w*)?,?\s*({_YEAR}|['’]\d{{2}})", re.I
)
_NUMERIC_RE = re.compile(rf"(\d{{1,2}})\s*[/.-]\s*(?:\d{{1,2}}\s*/\s*)?({_YEAR})")


def _parse_date(text: str) -> tuple[int, int | None] | None:
    """
    (year, month) of a date; month None when only the year is given.
    """
    match = _MONTH_YEAR_RE.search(text)
    if match:
        year_text = match.group(2).lstrip("'’")
        year = int(year_text)
        if len(year_text) == 2:
            year += 2000 if year < 50 else 1900
        return year, _MONTHS[match.group(1).lower()[:3]]
    match = _NUMERIC_RE.search(text)
    if match:
        return int(match.group(2)), int(match.group(1))
    match = re.search(_YEAR, text)
    if match:
        return int(match.group(0)), None
    return None


def _month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def _month_text(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


@dataclass(frozen=True)
class _Span:
    """
    A parsed date range: first and last month (inclusive), last None for "present".
    """

    start: int
    end: int | None


def _span(start_text: str, end_text: str | None, today: int) -> _Span | None:
    start = _parse_date(start_text)
    if start is None:
        return None
    start_index = _month_index(start[0], start[1] or 1)
    end_index: int | None = None
    if end_text is not None and not re.match(_PRESENT, end_text.strip("() "), re.I):
        end = _parse_date(end_text)
        if end is None:
            return None
        end_index = _month_index(end[0], end[1] or 1)
        if end_index < start_index or end_index - start_index > 50 * 12:
            return None
        if end_index >= today:
            end_index = None
    if start_index > today:
        return None
    return _Span(start_index, end_index)


# --------------------------------------------------------------------------- titles

# Words that make a short line a job title. The contact-center ones follow O*NET's
# alternate titles (43-4051, 41-9041, 43-1011; O*NET 29.2, US DOL, CC BY 4.0).
_TITLE_NOUN_RE = re.compile(
    r"\b(?:representative|rep|agent|advocate|specialist|associate|advisor|adviser|csr|"
    r"consultant|coordinator|assistant|analyst|officer|administrator|admin|manager|mgr|"
    r"supervisor|lead|leader|director|president|vp|svp|evp|avp|chief|head|executive|"
    r"engineer|developer|technician|clerk|cashier|teller|receptionist|secretary|owner|"
    r"founder|partner|intern|trainee|trainer|instructor|teacher|tutor|coach|recruiter|"
    r"generalist|processor|underwriter|adjuster|accountant|auditor|buyer|planner|"
    r"scheduler|dispatcher|operator|telemarketer|collector|liaison|inspector|nurse|aide|"
    r"stylist|server|bartender|cook|chef|driver|realtor|pastor|editor|writer|designer|"
    r"architect|scientist|professional|member|worker|attendant|bookkeeper|paralegal|"
    r"keyholder|stocker|crew|volunteer|salesperson|principal|controller|examiner|"
    r"investigator|counselor|counsellor|therapist|technologist|programmer|steward|host|"
    r"hostess|concierge|merchandiser|apprentice|fellow|contractor|translator|"
    r"interpreter|guard|ambassador|expert|strategist|facilitator|captain|commander|"
    r"sergeant|soldier|mentor|superintendent|foreman|clinician|pharmacist|physician|"
    r"therapist|caregiver|caretaker|nanny|provider|handler|loader|picker|packer|"
    r"greeter|bagger|installer|mechanic|electrician|carpenter|welder|custodian|janitor|"
    r"housekeeper|dishwasher|barista|waiter|waitress|busser|courier|messenger|clerical)"
    r"\b",
    re.IGNORECASE,
)
_CC_TITLE_RE = re.compile(
    r"\b(?:call|contact|customer|client|member|patient|guest|consumer|service|support|"
    r"care|help|interaction|engagement)\s*-?\s*(?:cent(?:er|re)|service[s]?|care|support|"
    r"experience|relations|success|advocate|access|contact|desk)\b|"
    r"\b(?:help\s*desk|service\s*desk|telemarket\w*|tele-?sales|inbound|outbound|csr|bpo|"
    r"reservations?|dispatch\w*|collections?|collector|escalations?|retention|"
    r"phone\s+(?:rep\w*|support|agent)|telephone\s+(?:rep\w*|sales|service|support)|"
    r"technical\s+support|tech\s+support|call\s+agent|benefits?\s+advocate|"
    r"customer\s+advocate|member\s+advocate|claims?\s+(?:rep\w*|associate|specialist)|"
    r"billing\s+(?:rep\w*|specialist)|account\s+(?:rep\w*|specialist)|"
    r"service\s+(?:rep\w*|agent|advisor|adviser|specialist|associate|coordinator|advocate)|"
    r"support\s+(?:rep\w*|specialist|agent|associate|advocate|coordinator|analyst)|"
    r"customer\s+(?:rep\w*|agent|associate|specialist|consultant))\b",
    re.IGNORECASE,
)
_VERB_START_RE = re.compile(
    r"^(?:achieved|answered|answer|assisted|assists|assist|communicated|communicate|"
    r"coached|conducted|created|delivered|developed|directed|ensured|ensure|ensuring|"
    r"handled|handle|handling|helped|implemented|improved|increased|maintained|"
    r"maintain|maintaining|managed|manage|managing|monitored|monitoring|oversaw|"
    r"oversee|performed|perform|processed|provided|provide|provides|providing|reduced|"
    r"resolved|resolve|resolving|responsible|served|serve|serving|supervised|"
    r"supervise|trained|worked|working|responded|respond|utilized|utilize|prepared|"
    r"organized|participated|promoted|received|recognized|collaborated|established|"
    r"built|launched|partnered|negotiated|verified|verify|reviewed|review|took|take|"
    r"greeted|greet|scheduled|schedule|entered|enter|keep|kept|confer|refer|completed|"
    r"complete|educate|drive|drove|led|analyzed|analysed|analyze|identified|identify|"
    r"accurately|successfully|consistently|also|and|as|at|by|for|in|including|of|on|"
    r"to|with|the|a|an|i|my|our|while|using|via|over|under|from|this|that|was|were|"
    r"is|are|have|has|had|will|can)\b",
    re.IGNORECASE,
)
_PAST_TENSE_RE = re.compile(r"^[A-Z][a-z]+ed\b")
_TITLE_ADJECTIVE_RE = re.compile(
    r"^(?:licensed|certified|registered|chartered|qualified|accredited|skilled|advanced|"
    r"experienced|seasoned|dedicated|bilingual|retired|acting|appointed|assigned|"
    r"contracted|shared|managed|integrated|automated|blended|dedicated|united)\b",
    re.IGNORECASE,
)
_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|"
    "NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|"
    "AB|BC|MB|NB|NL|NS|ON|PE|QC|SK|State"
)
_LOCATION_RE = re.compile(
    r"\bCity\s*,\s*State\b(?:\s*,\s*(?:United States|USA|US)\b)?|\bState\s*,\s*USA\b|"
    r"\(\s*(?:remote|hybrid|on-?site)\s*\)|\bremote\b",
    re.IGNORECASE,
)
_TRAILING_PLACE_RE = re.compile(
    rf",\s*(?:[A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+){{0,2}}\s*,\s*)?(?:{_STATES})\b\.?"
    r"(?:\s+\d{5})?(?:\s*,\s*(?:USA|US|United States|Canada))?$"
)
_PLACE_ONLY_RE = re.compile(
    rf"^(?:[A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+){{0,3}}\s*,\s*(?:{_STATES})\b\.?"
    r"(?:\s+\d{5})?|Greater\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s+Area|remote|hybrid)$",
    re.IGNORECASE,
)
_COMPANY_PLACEHOLDER_RE = re.compile(r"\bCompany Name\b", re.IGNORECASE)
_SEGMENT_SPLIT_RE = re.compile(
    # why the look-behind: a match starts only where a run of spaces starts, so a long
    # run is scanned once instead of once per space
    r"(?<!\s)\s*(?:\||｜|•|·|\s[-–—]+\s|\s[-–—]+$|^[-–—]+\s|\s@\s|\sat\s)\s*"
)

# Ladder rungs, most senior first. An "assistant"/"associate"/"deputy" in front of a
# rung drops it one step ("Assistant Manager" -> supervisor).
_VP_RE = re.compile(
    r"\b(?:vice[\s-]+president|s?e?vp|chief|c[eo]o|cxo|cco|president)\b", re.IGNORECASE
)
_OFFICER_SUFFIX_RE = re.compile(
    r",\s*(?:a|s|e)?vp\s*$|,\s*(?:assistant\s+)?vice\s+president\s*$", re.I
)
_DIRECTOR_RE = re.compile(r"\bdirector\b", re.IGNORECASE)
_SENIOR_MANAGER_RE = re.compile(
    r"\b(?:(?:senior|sr\.?)\s+(?:\w+\s+){0,2}?manager|head\s+of|general\s+manager|"
    r"regional\s+manager|area\s+manager|associate\s+director|assistant\s+director|"
    r"deputy\s+director|avp|assistant\s+vice[\s-]+president)\b",
    re.IGNORECASE,
)
_MANAGER_RE = re.compile(r"\b(?:manager|mgr)\b", re.IGNORECASE)
_ASSISTANT_MANAGER_RE = re.compile(
    r"\b(?:assistant|asst\.?|associate|deputy|shift|floor)\s+(?:\w+\s+)?manager\b", re.I
)
_SUPERVISOR_RE = re.compile(r"\bsupervis(?:or|ing)\b", re.IGNORECASE)
_ASSISTANT_SUPERVISOR_RE = re.compile(
    r"\b(?:assistant|asst\.?|associate|deputy)\s+supervisor\b", re.IGNORECASE
)
_LEAD_RE = re.compile(
    r"\b(?:team\s+lead(?:er)?|lead(?:er)?|team\s+captain|crew\s+chief)\b(?!\s+generation)",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def title_seniority(title: str) -> Seniority:
    """
    The contact-center ladder rung a job title names, ignoring whether the job is in the field.

    "Team Lead" -> lead, "Call Center Supervisor" -> supervisor, "Operations Manager" ->
    manager, "Sr. Manager" / "Head of CX" -> senior_manager, "Director" -> director,
    "Vice President" / "VP" / "Chief ..." -> vp; anything else (representative, agent,
    advocate, specialist, ...) -> agent. A bank officer suffix ("Lending Manager, VP")
    does not make a manager a vice president.

    Args:
        title: A job title as written on the resume.

    Returns:
        The rung, never ``Seniority.OUTSIDE`` (relevance is judged elsewhere).
    """
    text = title
    officer = _OFFICER_SUFFIX_RE.search(text)
    if officer and re.search(
        r"\b(?:manager|director|supervisor|officer|lead)\b",
        text[: officer.start()],
        re.I,
    ):
        text = text[: officer.start()]
    if _VP_RE.search(text) and not re.search(r"\bassistant\s+vice\b", text, re.I):
        return Seniority.VP
    if _SENIOR_MANAGER_RE.search(text):
        return Seniority.SENIOR_MANAGER
    if _DIRECTOR_RE.search(text):
        return Seniority.DIRECTOR
    if _MANAGER_RE.search(text):
        if _ASSISTANT_MANAGER_RE.search(text) and not _MANAGER_RE.search(
            _ASSISTANT_MANAGER_RE.sub("", text)
        ):
            return Seniority.SUPERVISOR
        return Seniority.MANAGER
    if _SUPERVISOR_RE.search(text):
        if _ASSISTANT_SUPERVISOR_RE.search(text) and not _SUPERVISOR_RE.search(
            _ASSISTANT_SUPERVISOR_RE.sub("", text)
        ):
            return Seniority.LEAD
        return Seniority.SUPERVISOR
    if _LEAD_RE.search(text):
        return Seniority.LEAD
    return Seniority.AGENT


def _title_score(text: str) -> int:
    """
    How much a piece of text looks like a job title (>= 4 is accepted).
    """
    words = text.split()
    if not words or len(words) > 12 or _heading_section(text):
        return -99
    score = 0
    if _TITLE_NOUN_RE.search(text):
        score += 3
    if _CC_TITLE_RE.search(text):
        score += 2
    if len(words) <= 8:
        score += 1
    alpha = [word for word in words if word[:1].isalpha()]
    if alpha and sum(word[0].isupper() for word in alpha) >= 0.6 * len(alpha):
        score += 1
    if text.endswith(".") and not re.search(
        r"\b(?:Sr|Jr|Inc|Co|Ltd|Corp|Mgr|Asst)\.$", text
    ):
        score -= 3
    if text[0].islower():
        score -= 3
    if _VERB_START_RE.match(text) or (
        # "Coordinated communication between ..." is a sentence; "Shared Services
        # Supervisor" is a title
        len(words) > 5
        and _PAST_TENSE_RE.match(text)
        and not _TITLE_ADJECTIVE_RE.match(text)
    ):
        score -= 3
    if "@" in text or re.search(r"\d{3}\W+\d{3}\W+\d{4}", text):
        score -= 5
    return score


_TITLE_THRESHOLD = 4


def _clean_segment(text: str) -> str:
    text = text.strip(" ,;:|-–—[]")
    while text.startswith("(") and (text.endswith(")") or ")" not in text):
        text = text[1:-1] if text.endswith(")") else text[1:]
        text = text.strip(" ,;:|-–—[]")
    if text.endswith(")") and "(" not in text:
        text = text[:-1].strip(" ,;:|-–—[]")
    return text


def _split_header(text: str) -> tuple[str | None, str | None]:
    """
    A header line's text, without its dates, -> (title, employer).
    """
    employer: str | None = None
    if _COMPANY_PLACEHOLDER_RE.search(text):
        employer = "Company Name"
        text = _COMPANY_PLACEHOLDER_RE.sub(" | ", text)
    text = _LOCATION_RE.sub(" | ", text)
    segments = [_clean_segment(part) for part in _SEGMENT_SPLIT_RE.split(text)]
    segments = [part for part in segments if part and not _is_place(part)]
    titled = [_title_score(part) >= _TITLE_THRESHOLD for part in segments]
    if True not in titled:
        if employer is None and segments:
            employer = _strip_place(segments[0]) or None
        return None, employer
    first = titled.index(True)
    # neighbouring title-like parts belong together ("Senior Agent - Assistant Supervisor")
    last = first
    while (
        last + 1 < len(segments)
        and titled[last + 1]
        and _TITLE_NOUN_RE.search(segments[last + 1])
    ):
        last += 1
    title = _strip_place(" - ".join(segments[first : last + 1]))
    if employer is None:
        others = segments[last + 1 :] + segments[:first]
        employer = next(
            (_strip_place(part) for part in others if _strip_place(part)), None
        )
    return title or None, employer


def _strip_place(text: str) -> str:
    return _clean_segment(_TRAILING_PLACE_RE.sub("", text))


def _is_place(text: str) -> bool:
    return bool(_PLACE_ONLY_RE.match(_clean_segment(text)))


# --------------------------------------------------------------------------- relevance

_CC_STRONG_RE = re.compile(
    r"\b(?:call|contact)[\s-]*cent(?:er|re)s?\b|\bhelp\s*desk\b|\bservice\s*desk\b|\bbpo\b|"
    # "inbound" in a warehouse is freight, not calls
    r"\b(?:inbound|outbound)\b(?![\s-]+(?:freight|receiv\w*|recieving|shipments?|"
    r"logistics|trucks?|loads?|deliver\w*|receipts?|pallets?|docks?|materials?|goods|"
    r"inventory|orders?|supply|cargo|containers?|trailers?|flights?))|"
    r"\bcalls?\s+(?:volume|per\s+(?:day|hour|shift))\b|"
    r"\bhigh[\s-]+(?:call\s+)?volume\s+(?:of\s+)?calls?\b|\bhigh\s+call\s+volume\b|"
    r"\b(?:aht|ivr|acd|fcr|asa)\b|\baverage\s+(?:call\s+)?handl\w*\s+time\b|"
    r"\bfirst[\s-]+call\s+resolution\b|\bservice\s+levels?\b|\btelemarket\w*|"
    r"\bagent\s+(?:performance|productivity|adherence|schedul\w+|coaching|kpis?)\b|"
    r"\b\d+\s+(?:calls|agents|csrs)\b|\bcalls?\s+a\s+day\b|\bphone\s+queue\b|"
    r"\b(?:answer|handl|field|took|take|receiv)\w*\s+(?:\w+\s+){0,3}(?:calls|phone\s+calls)\b",
    re.IGNORECASE,
)
# Weaker signs: serving customers or agents (the named group), or tools and KPIs.
_CC_MEDIUM_RE = re.compile(
    r"(?P<serving>\bcustomer\s+(?:service|care|support|experience|satisfaction|inquiries|"
    r"calls)\b|\bmember\s+services?\b|\bclient\s+(?:services?|support|care)\b|"
    r"\btelephone\b|\bphones?\b|\bcalls\b|\bqueue\b|\bchat\b|\bagents?\b|"
    r"\bcall[\s-]?backs?\b)|"
    r"\bcsat\b|\bnps\b|\bescalat\w+|\bticket\w*|\bcrm\b|\bsalesforce\b|\bzendesk\b|"
    r"\bavaya\b|\bgenesys\b|\bfive9\b|\bdispatch\w*|\bseats\b",
    re.IGNORECASE,
)
# Service given in person (a store, a restaurant, a hotel's front desk) or freight moved
# (a warehouse, a trucking dispatch desk): not the field.
_RETAIL_RE = re.compile(
    r"\b(?:store|merchandis\w+|cashier\w*|cash\s+registers?|registers?|front[\s-]+end|"
    r"shopping|sales\s+floor|stock\w*|shel(?:f|ves)|retail|inventory|walmart|"
    r"restaurant|kitchen|menu|diners?|dining|front\s+desk|check-?ins?|check-?outs?|"
    r"housekeeping|lobby|guest\s*rooms?|walk-?ins?|bartend\w*|hotel|motel|resort|inn|"
    r"suites|hospitality|"
    r"freight|truck\w*|loads|warehouse|forklift|docks?|shipments?|trailers?|fleet)\b",
    re.IGNORECASE,
)
_PHONE_RE = re.compile(
    r"\b(?:call|contact)[\s-]*cent(?:er|re)s?\b|\b(?:tele)?phones?\b|\bcalls\b|\binbound\b|"
    r"\boutbound\b|\bhelp\s*desk\b|\bchats?\b|\bqueues?\b",
    re.IGNORECASE,
)
_CC_EXPLICIT_TITLE_RE = re.compile(
    r"\b(?:call|contact)[\s-]*cent(?:er|re)|help\s*desk|service\s*desk|bpo|telemarket|"
    r"tele-?sales|inbound|outbound|phone|csr\b",
    re.IGNORECASE,
)


def _relevance(title: str, body: list[str], *, employer: str = "") -> bool | None:
    """
    Is this contact-center / customer-service work? None when the text says nothing.

    The title decides when it names the field ("Call Center Supervisor"); a generic
    service title ("Customer Service Manager") counts unless the job's lines describe
    service in person or freight (a store's sales floor, a restaurant, a hotel's front
    desk, a warehouse) and never a phone or a contact center; other titles count when
    the job's lines do: two strong signs, or one strong or two weaker ones (one of them
    about serving customers, not just a tool like Salesforce) in a job that is not work
    in person.
    """
    text = " ".join(body)
    strong = len(_CC_STRONG_RE.findall(text))
    signs = list(_CC_MEDIUM_RE.finditer(text))
    medium = {sign.group(0).lower() for sign in signs}
    serving = any(sign.group("serving") for sign in signs)
    retail = len(_RETAIL_RE.findall(f"{text} {title} {employer}"))
    if _CC_EXPLICIT_TITLE_RE.search(title):
        return True
    in_person = retail >= 2 and not _PHONE_RE.search(text)
    if _CC_TITLE_RE.search(title):
        return not in_person
    if strong >= 2 or ((strong or (len(medium) >= 2 and serving)) and not in_person):
        return True
    if retail >= 2:
        return False
    return None


# --------------------------------------------------------------------------- jobs


@dataclass
class _Entry:
    """
    One non-empty line of the work-history scope.
    """

    index: int
    number: int
    text: str
    block: int
    anchor: bool = False
    used: bool = False
    merged: bool = False
    date_text: str | None = None


@dataclass
class _FoundJob:
    title: str
    employer: str | None
    span: _Span
    line: int
    header: set[int] = field(default_factory=set)


def _scope_entries(
    lines: list[str], sections: list[str], headings: list[bool]
) -> list[_Entry]:
    wanted = {"experience"} if "experience" in sections else {"summary", "other"}
    entries: list[_Entry] = []
    block = 0
    previous_in = False
    for index, line in enumerate(lines):
        inside = sections[index] in wanted and not headings[index]
        if headings[index]:
            previous_in = False
            continue
        if not line:
            continue
        if inside:
            if not previous_in:
                block += 1
            entries.append(
                _Entry(index=index, number=index + 1, text=line, block=block)
            )
        previous_in = inside
    return entries


def _merge_split_ranges(entries: list[_Entry]) -> None:
    """
    "October 2009" / "to" / "March 2015" on three lines reads as one range on the first.
    """
    for position in range(len(entries) - 2):
        first, middle, last = entries[position : position + 3]
        if (
            first.block == middle.block == last.block
            and _DATE_ONLY_RE.match(first.text)
            and _SEPARATOR_ONLY_RE.match(middle.text)
            and _END_ONLY_RE.match(last.text)
        ):
            first.date_text = f"{first.text} - {last.text}"
            middle.used = last.used = middle.merged = last.merged = True
    for position in range(len(entries) - 1):
        first, last = entries[position : position + 2]
        if (
            first.date_text is None
            and not first.used
            and first.block == last.block
            and _DATE_ONLY_RE.match(first.text)
            and (
                re.match(rf"^{_SEPARATOR}(?:{_DATE}|{_PRESENT})\)?$", last.text, re.I)
                or re.match(rf"^\(?{_PRESENT}\)?$", last.text, re.I)
            )
        ):
            joiner = " " if _SEPARATOR_START_RE.match(last.text) else " - "
            first.date_text = f"{first.text}{joiner}{last.text}"
            last.used = last.merged = True


_MAX_HEADER_WORDS = 14
_MAX_HEADER_CHARS = 400


@dataclass(frozen=True)
class _Anchor:
    """
    A date range (or start date) found on a work-history line, with the text around it.
    """

    position: int
    span: _Span
    rest: str
    multi: bool


def _anchors(entries: list[_Entry], today: int) -> list[_Anchor]:
    """
    Every dated job header candidate: ranges, "Since 2019", and "Title ... Mar 2016".
    """
    found: list[_Anchor] = []
    for position, entry in enumerate(entries):
        if entry.used:
            continue
        # a job header is short: look at the start of very long lines only
        text = (entry.date_text or entry.text)[:_MAX_HEADER_CHARS]
        ranges = list(_RANGE_RE.finditer(text))
        if ranges:
            multi = len(ranges) > 1
            previous_end = 0
            for match in ranges:
                if multi:
                    rest = text[previous_end : match.start()]
                else:
                    rest = text[: match.start()] + " | " + text[match.end() :]
                previous_end = match.end()
                if len(rest.split()) > _MAX_HEADER_WORDS:
                    # a long line: only a short title before the dates makes it a header
                    rest = _strip_heading_prefix(text[: match.start()])
                    if len(rest.split()) > 8 or _split_header(rest)[0] is None:
                        continue
                entry.anchor = True
                span = _span(match.group("start"), match.group("end"), today)
                if span is not None:
                    found.append(_Anchor(position, span, rest, multi))
            continue
        since = _SINCE_RE.search(text)
        if since:
            rest = text[: since.start()] + " | " + text[since.end() :]
            span = _span(since.group("start"), None, today)
            if span is not None and len(rest.split()) <= _MAX_HEADER_WORDS:
                entry.anchor = True
                found.append(_Anchor(position, span, rest, False))
            continue
        tail = text[-40:]
        lone = _LONE_DATE_END_RE.search(tail)
        if lone and len(_DATE_RE.findall(text)) == 1:
            rest = text[: len(text) - len(tail) + lone.start()]
            title, _ = _split_header(rest)
            span = _span(lone.group("start"), None, today)
            if title is not None and span is not None:
                # a start date alone after a title: the job is still going on
                entry.anchor = True
                found.append(_Anchor(position, span, rest, False))
    return found


def _strip_heading_prefix(text: str) -> str:
    """
    Drop a section heading run into the start of a line ("Work Experience Agent, ...").
    """
    words = text.split()
    for size in (3, 2, 1):
        if len(words) > size and _heading_key(" ".join(words[:size])) in _HEADINGS:
            return " ".join(words[size:])
    return text


def _find_jobs(entries: list[_Entry], today: int) -> list[_FoundJob]:
    """
    Dated jobs of the work history, each with its title and (where present) employer.
    """
    _merge_split_ranges(entries)
    jobs: list[_FoundJob] = []
    for anchor in _anchors(entries, today):
        entry = entries[anchor.position]
        title, employer = _split_header(anchor.rest)
        header = {entry.index}
        line = entry.number
        found: int | None = None
        if title is None and not anchor.multi:
            date_only = not _clean_segment(anchor.rest.replace("|", ""))
            found = _neighbour_title(entries, anchor.position, date_only=date_only)
            if found is not None:
                neighbour = entries[found]
                neighbour.used = True
                title, other_employer = _split_header(neighbour.text)
                employer = employer or other_employer
                header.add(neighbour.index)
                line = neighbour.number
        if title is None:
            continue
        if employer is None:
            first = (
                found
                if found is not None and found < anchor.position
                else anchor.position
            )
            employer = _employer_above(entries, first)
        jobs.append(_FoundJob(title, employer, anchor.span, line, header))
    return jobs


def _usable(entries: list[_Entry], position: int, block: int) -> bool:
    if not 0 <= position < len(entries):
        return False
    entry = entries[position]
    return entry.block == block and not entry.anchor and not entry.used


def _neighbour_title(
    entries: list[_Entry], position: int, *, date_only: bool
) -> int | None:
    """
    The position of the line next to a date line that holds the job title, if any.
    """
    block = entries[position].block
    candidates: list[int] = []
    before = position - 1
    while before >= 0 and entries[before].merged:
        before -= 1
    while _usable(entries, before, block) and _is_place(entries[before].text):
        before -= 1
    after = position + 1
    while after < len(entries) and entries[after].merged:
        after += 1
    ordered = [after, before] if date_only else [before, after]
    for candidate in ordered:
        if _usable(entries, candidate, block):
            candidates.append(candidate)
    best: tuple[int, int] | None = None
    for rank, candidate in enumerate(candidates):
        title, _ = _split_header(entries[candidate].text)
        if title is None:
            continue
        score = _title_score(title) * 10 - rank
        if best is None or score > best[0]:
            best = (score, candidate)
    return None if best is None else best[1]


def _employer_above(entries: list[_Entry], position: int) -> str | None:
    """
    An employer line just above a job's header ("Acme Insurance - Omaha, NE").
    """
    above = position - 1
    if not _usable(entries, above, entries[position].block):
        return None
    text = entries[above].text
    words = text.split()
    # a bullet of the previous job can look like a name: only trust a line that names a
    # place ("Acme Health - Omaha, NE") or starts a block (after a heading or blank line)
    starts_block = above == 0 or (
        entries[above - 1].block != entries[above].block
        or entries[above].index - entries[above - 1].index > 1
    )
    has_place = _strip_place(text) != _clean_segment(text) or _LOCATION_RE.search(text)
    if (
        not (starts_block or has_place)
        or len(words) > 8
        or text.endswith(".")
        or _TITLE_NOUN_RE.search(text)
        or _VERB_START_RE.match(text)
        or _DATE_RE.search(text)
        or not all(word[:1].isupper() or not word[:1].isalpha() for word in words)
    ):
        return None
    employer = _strip_place(_SEGMENT_SPLIT_RE.split(text)[0])
    return employer or None


def _job_bodies(jobs: list[_FoundJob], entries: list[_Entry]) -> list[list[str]]:
    """
    The lines of each job: from its header to the next job's header.
    """
    starts = sorted({min(job.header) for job in jobs})
    indexes = [entry.index for entry in entries]
    bodies: list[list[str]] = []
    for job in jobs:
        following = bisect.bisect_right(starts, max(job.header))
        stop = starts[following] if following < len(starts) else None
        low = bisect.bisect_left(indexes, min(job.header))
        high = len(indexes) if stop is None else bisect.bisect_left(indexes, stop)
        bodies.append([entry.text for entry in entries[low:high]])
    return bodies


def _union_months(spans: list[_Span], today: int) -> int:
    intervals = sorted(
        (span.start, today if span.end is None else span.end) for span in spans
    )
    total = 0
    current: tuple[int, int] | None = None
    for start, end in intervals:
        if current is None or start > current[1] + 1:
            if current is not None:
                total += current[1] - current[0] + 1
            current = (start, end)
        else:
            current = (current[0], max(current[1], end))
    if current is not None:
        total += current[1] - current[0] + 1
    return total


# --------------------------------------------------------------------------- scope

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "dozen": 12,
}  # fmt: skip
_WORDS = "|".join(_NUMBER_WORDS)
_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{_WORDS}))\b"
_QUALIFIER = (
    r"(?:(?:up\s+to|over|more\s+than|nearly|almost|about|approximately|around)\s+)?"
)
_RANGE_NUM = rf"\b{_QUALIFIER}({_NUM})(?:\s*(?:-|–|to|up\s+to)\s*({_NUM}))?\+?"
# up to two describing words between a number and its noun ("180 inbound agents"), but
# not the words of a different phrase ("11 years in contact centers")
_FILLER = (
    r"(?:(?!(?:years?|months?|weeks?|days?|in|of|at|with|for|to|from|and|the|a)\b)"
    r"[a-z-]+\s+){0,2}"
)
_HAS_NUMBER_RE = re.compile(rf"\d|\b(?:{_WORDS})\b", re.IGNORECASE)
_STAFF = (
    r"(?:agents|representatives|reps|employees|staff|associates|people|team\s+members|"
    r"csrs|specialists|supervisors|managers|analysts|collectors|advisors|advocates|"
    r"members|direct\s+reports|ftes?|leads|coordinators|trainers|individuals|"
    r"personnel|workers|consultants|engineers)\b"
)
_TEAM_RES = [
    re.compile(rf"\bteams?\s+of\s+{_RANGE_NUM}", re.IGNORECASE),
    re.compile(rf"{_RANGE_NUM}\s+direct\s+reports\b", re.IGNORECASE),
    re.compile(
        r"\b(?:supervis\w*|manag\w*|lead\w*|led|direct\w*|overs(?:aw|ee)\w*|coach\w*|"
        r"mentor\w*|responsible\s+for|hired\s+and\s+trained|built)\s+"
        rf"(?:a\s+|an\s+|my\s+)?(?:team\s+of\s+)?{_RANGE_NUM}\s+"
        rf"{_FILLER}{_STAFF}",
        re.IGNORECASE,
    ),
]
_AGENT_RES = [
    re.compile(
        rf"{_RANGE_NUM}[\s-]+{_FILLER}"
        r"(?:agents|reps|representatives|csrs|advisors|seats)\b",
        re.IGNORECASE,
    ),
    re.compile(rf"{_RANGE_NUM}\s*-\s*(?:seat|agent|rep|person)\b", re.IGNORECASE),
]
_SITE_RES = [
    re.compile(
        rf"{_RANGE_NUM}(?:-sites?\b|[\s-]+{_FILLER}(?:sites|(?:call|contact|service|"
        r"customer\s+care|operations)[\s-]+cent(?:er|re)s|cent(?:er|re)s|facilities)\b)",
        re.IGNORECASE,
    ),
]
_MULTI_SITE_RE = re.compile(
    r"\bmulti[\s-]?(?:site|center|centre|location)s?\b|"
    r"\b(?:multiple|both)\s+(?:sites|call\s+centers|contact\s+centers|centers|centres)\b",
    re.IGNORECASE,
)
_MONEY_RE = re.compile(
    r"\$\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    r"(k|mm|m|bn|b|thousand|million|billion)?\b",
    re.IGNORECASE,
)
_BUDGET_RE = re.compile(r"\bbudget\w*|\bp\s*&\s*l\b|\bprofit\s+and\s+loss\b", re.I)
_MULTIPLIERS = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "million": 1e6,
    "b": 1e9, "bn": 1e9, "billion": 1e9,
}  # fmt: skip


def _number(text: str | None) -> int | None:
    if not text:
        return None
    lowered = text.lower()
    if lowered in _NUMBER_WORDS:
        return _NUMBER_WORDS[lowered]
    digits = lowered.replace(",", "")
    return int(digits) if digits.isdigit() else None


def _largest(
    patterns: list[re.Pattern[str]], lines: list[str], *, limit: int
) -> int | None:
    best: int | None = None
    for line in lines:
        for pattern in patterns:
            for match in pattern.finditer(line):
                values = [_number(group) for group in match.groups()[:2]]
                value = max((v for v in values if v is not None), default=None)
                if (
                    value is not None
                    and 0 < value <= limit
                    and not (1950 <= value <= 2049 and "," not in match.group(0))
                ):
                    best = value if best is None else max(best, value)
    return best


def _find_scope(lines: list[str]) -> Scope:
    # real sentences are short; bounding the line keeps a pathological file fast
    counted = [line[:2000] for line in lines if _HAS_NUMBER_RE.search(line[:2000])]
    team = _largest(_TEAM_RES, counted, limit=100_000)
    agents = _largest(_AGENT_RES, counted, limit=1_000_000)
    sites = _largest(_SITE_RES, counted, limit=1_000)
    if any(_MULTI_SITE_RE.search(line) for line in lines):
        sites = max(sites or 0, 2)
    budget: int | None = None
    for line in counted:
        if not _BUDGET_RE.search(line):
            continue
        for match in _MONEY_RE.finditer(line):
            value = float(match.group(1).replace(",", ""))
            unit = (match.group(2) or "").lower()
            amount = round(value * _MULTIPLIERS.get(unit, 1))
            if amount >= 1_000:
                budget = amount if budget is None else max(budget, amount)
    return Scope(team_size=team, agents=agents, sites=sites, budget_usd=budget)


# --------------------------------------------------------------------------- structure


def _headline(
    lines: list[str], sections: list[str], headings: list[bool]
) -> str | None:
    seen = 0
    for index, line in enumerate(lines):
        if not line or headings[index]:
            continue
        if sections[index] != "summary" or seen >= 6:
            break
        seen += 1
        if _SPACED_LETTERS_RE.match(line.replace("  ", " ")):
            continue
        for part in _SEGMENT_SPLIT_RE.split(line):
            part = _clean_segment(part)
            if _TITLE_NOUN_RE.search(part) and _title_score(part) >= _TITLE_THRESHOLD:
                return part
    return None


@dataclass(frozen=True)
class _Structure:
    sections: list[str]
    section_names: list[str]
    jobs: list[Job]
    years: float | None
    relevant_years: float | None
    current_title: str | None
    current_level: Seniority
    scope: Scope


def _structure(lines: list[str], today: int) -> _Structure:
    sections, headings = _assign_sections(lines)
    entries = _scope_entries(lines, sections, headings)
    found = _find_jobs(entries, today)
    bodies = _job_bodies(found, entries)
    jobs: list[Job] = []
    verdicts: list[bool | None] = []
    seen: set[tuple[str, int, int | None]] = set()
    for job, body in zip(found, bodies, strict=True):
        key = (job.title.lower(), job.span.start, job.span.end)
        if key in seen:  # some resumes list the same history twice
            continue
        seen.add(key)
        verdict = _relevance(job.title, body, employer=job.employer or "")
        end = today if job.span.end is None else job.span.end
        jobs.append(
            Job(
                title=job.title,
                employer=job.employer,
                start=_month_text(job.span.start),
                end=None if job.span.end is None else _month_text(job.span.end),
                months=end - job.span.start + 1,
                line=job.line,
                level=title_seniority(job.title) if verdict else Seniority.OUTSIDE,
                relevant=bool(verdict),
            )
        )
        verdicts.append(verdict)
    # most recent first: latest end ("present" = today), then the order on the page
    order = sorted(
        range(len(jobs)), key=lambda i: (-_end_index(jobs[i], today), jobs[i].line)
    )
    jobs = [jobs[i] for i in order]
    verdicts = [verdicts[i] for i in order]
    spans = [
        _Span(_index_of(job.start), None if job.end is None else _index_of(job.end))
        for job in jobs
    ]
    years = round(_union_months(spans, today) / 12, 1) if jobs else None
    relevant_spans = [
        span for span, job in zip(spans, jobs, strict=True) if job.relevant
    ]
    relevant_years = (
        round(_union_months(relevant_spans, today) / 12, 1) if jobs else None
    )
    profile = [
        line
        for line, section in zip(lines, sections, strict=True)
        if line and section in ("summary", "skills")
    ]
    in_field = any(job.relevant for job in jobs[1:]) or bool(_relevance("", profile))
    if jobs:
        current_title: str | None = jobs[0].title
        current_level = jobs[0].level
        rung = title_seniority(jobs[0].title)
        if verdicts[0] is None and in_field and rung.rank >= Seniority.SUPERVISOR.rank:
            # the current job's lines say nothing either way, but the person's history
            # or profile is contact-center work: place the title on the ladder
            current_level = rung
    else:
        current_title = _headline(lines, sections, headings)
        current_level = Seniority.OUTSIDE
        if current_title and (_relevance(current_title, []) or in_field):
            current_level = title_seniority(current_title)
    names: list[str] = []
    for index, line in enumerate(lines):
        if line and sections[index] not in names:
            names.append(sections[index])
    return _Structure(
        sections=sections,
        section_names=names,
        jobs=jobs,
        years=years,
        relevant_years=relevant_years,
        current_title=current_title,
        current_level=current_level,
        scope=_find_scope([line for line in lines if line]),
    )


def _end_index(job: Job, today: int) -> int:
    return today if job.end is None else _index_of(job.end)


def _index_of(month_text: str) -> int:
    year, month = month_text.split("-")
    return _month_index(int(year), int(month))


# --------------------------------------------------------------------------- public


def read_resume(
    source: Path | str | bytes,
    *,
    format: ResumeFormat | None = None,
    name: str | None = None,
    today: tuple[int, int] | None = None,
) -> Document:
    """
    Read a resume and return its normalised, structured text.

    Args:
        source: A ``Path`` to a file; the string ``"-"`` to read bytes from standard
            input; any other string is the resume text itself; ``bytes`` are a file's
            content, whose format is sniffed.
        format: Force a format instead of sniffing the content (``%PDF-`` magic, a zip
            with ``word/document.xml``, else text; the file extension is only a hint).
        name: The document name (and the name used in error messages); defaults to the
            file name, ``<stdin>``, ``<bytes>`` or ``<text>``.
        today: The (year, month) that "Present" means; defaults to ``TODAY``.

    Returns:
        The Document: normalised text, numbered lines with their sections, dated jobs,
        years of (relevant) experience, current title and ladder level, and scope.

    Raises:
        InputError: The resume is missing, unreadable, empty, binary, too large,
            encrypted, scanned (no text) or corrupt. The message starts with its name.
        TypeError: ``source`` is not a Path, str or bytes.
    """
    year, month = today or TODAY
    today_index = _month_index(year, month)
    item = _load(source, name=name)
    chosen = _choose_format(item, format)
    if not item.data.strip():
        raise InputError(
            f"{item.label} is empty; pass a resume that has some text in it."
        )
    hidden = 0
    if chosen is ResumeFormat.PDF:
        raw, hidden = _extract_pdf(item.data, item.label)
    elif chosen is ResumeFormat.DOCX:
        raw, hidden = _extract_docx(item.data, item.label)
    elif item.text is not None:
        raw = item.text
    else:
        raw = _decode(item.data, item.label)
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if len(raw) > MAX_TEXT_CHARS:
        raise InputError(
            f"{item.label} has {len(raw):,} characters of text; the limit is "
            f"{MAX_TEXT_CHARS:,}. Pass the resume alone, not a whole document."
        )
    if not raw.strip():
        raise InputError(
            f"{item.label} is empty; pass a resume that has some text in it."
        )
    bad = len(_BAD_CHARS_RE.findall(raw))
    if "\x00" in raw or bad > max(8, len(raw) * 0.02):
        raise InputError(_binary_message(item.label))
    lines, bulleted = _normalise(raw, markdown=chosen is ResumeFormat.MD)
    if not any(lines):  # only bullets, rules or invisible characters
        raise InputError(
            f"{item.label} is empty; pass a resume that has some text in it."
        )
    if not any(_WORD_RE.search(line) for line in lines):
        raise InputError(
            f"{item.label} has no readable words (wrong encoding, or not a resume); "
            "save it as UTF-8 text, .pdf or .docx and try again."
        )
    structure = _structure(lines, today_index)
    return Document(
        name=item.name,
        sha256=sha256_bytes(item.data),
        format=chosen.value,
        text="\n".join(lines),
        lines=_logical_lines(lines, structure.sections, bulleted),
        sections=structure.section_names,
        jobs=structure.jobs,
        years_experience=structure.years,
        relevant_years=structure.relevant_years,
        current_title=structure.current_title,
        current_level=structure.current_level,
        scope=structure.scope,
        hidden_text_chars=hidden,
    )
