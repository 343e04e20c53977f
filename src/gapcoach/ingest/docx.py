"""
Text of a ``.docx``: one line per paragraph, table row and text-box paragraph, in reading
order, with Word's hidden text (``w:vanish``, directly or through a style) left out and
counted. The archive's unpacked size is capped before python-docx opens it.
"""

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from gapcoach.errors import InputError

MAX_DOCX_UNPACKED_BYTES = 50 * 1024 * 1024

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def extract_docx(data: bytes, label: str) -> tuple[str, int]:
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
