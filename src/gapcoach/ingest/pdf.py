"""
Text of a PDF with its cost bounded: real pages counted (not the header's ``/Count``),
shared content streams extracted once, a per-page and total time budget, and extraction
stopped as soon as a limit is hit. Invisible text (render modes 3 and 7) is left out and
counted.
"""

import io
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gapcoach.errors import InputError

if TYPE_CHECKING:
    from pypdf import PageObject, PdfReader
from gapcoach.ingest.files import MAX_TEXT_CHARS

MAX_PDF_PAGES = 100


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


def extract_pdf(data: bytes, label: str) -> tuple[str, int]:
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
