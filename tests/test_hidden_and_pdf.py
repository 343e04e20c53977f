"""
Hostile PDFs and hidden text (issue 17, points 6 and 13).

Point 6: a PDF's cost is bounded. Its real pages are counted (a lying /Count does not
help), pages sharing one content stream are extracted once, extraction stops at the
character limit, and a page or a file that would take too long is refused.

Point 13: invisible content does not count. Word runs marked hidden (w:vanish, directly
or through a style) and PDF text drawn invisibly (render mode 3 or 7) are left out of the
text and counted, and every report says so in one line.

Every file is made by the real libraries (fpdf2, pypdf, python-docx) under tmp_path.
"""

import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from docx import Document as new_docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from fpdf import FPDF
from fpdf.enums import TextMode
from helpers import EXAMPLES
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
)
from typer.testing import CliRunner

from gapcoach import Assessor, InputError
from gapcoach.cli import app
from gapcoach.ingest import MAX_PDF_PAGES, MAX_TEXT_CHARS, read_resume
from gapcoach.models import Assessment
from gapcoach.render import render_html, render_markdown

ROLE = "call-center-operations-manager"
# the agent persona, with "-" for "–" (fpdf2's core fonts are Latin-1)
AGENT_LINES = [
    line.replace("\u2013", "-")
    for line in (EXAMPLES / "resumes" / "agent.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip()
]
# Shown, these two lines lift the agent from 17.5 to 72.1 (Nearly ready) for the
# operations manager role and make "Director of Contact Center Operations" the current
# title; hidden, they must change nothing.
STUFFING = [
    "Director of Contact Center Operations    Jan 2012 - Present",
    "- Led workforce management with Genesys and NICE IEX for 400 agents across 3 "
    "sites and a $12M budget.",
]
STUFFED_CHARS = sum(len(line) for line in STUFFING)
HIDDEN_WORDS = ["workforce management", "Genesys", "NICE IEX", "Director of Contact"]
AFTER = "EXPERIENCE"
TOO_SLOW = "takes too long to read"


@pytest.fixture(scope="module")
def assessor() -> Assessor:
    """One Assessor over every shipped role."""
    return Assessor()


def _readiness(assessor: Assessor, path: Path) -> dict[str, float]:
    report = assessor.assess(path)
    return {item.role_id: item.readiness for item in report.assessments}


def _gapcoach(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gapcoach", *args],
        capture_output=True,
        text=True,
        timeout=20,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200"},
    )


def _one_error(result: subprocess.CompletedProcess[str], *words: str) -> str:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    for word in words:
        assert word in lines[0]
    return lines[0]


# --------------------------------------------------------------------------- PDF builders


def _fpdf_bytes(lines: list[str], *, hidden: list[str] | None = None) -> bytes:
    """
    A one-page fpdf2 PDF of ``lines``, plus the ``hidden`` lines drawn invisibly after
    the AFTER line (TextMode.INVISIBLE inside a local context, i.e. between q and Q).
    """
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    pdf.add_page()
    for line in lines:
        pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
        if line == AFTER and hidden is not None:
            with pdf.local_context(text_mode=TextMode.INVISIBLE):
                for secret in hidden:
                    pdf.cell(0, 5, secret, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _pdf_with_streams(bodies: list[bytes], *, share: bool = False) -> bytes:
    """
    A PDF written by pypdf: one page per body, each drawing its own content stream with
    fpdf2's Helvetica as /F1; with ``share``, every page draws the first body's stream.
    """
    template = PdfReader(io.BytesIO(_fpdf_bytes(["template"])))
    writer = PdfWriter()
    first = writer.add_page(template.pages[0])
    shared = None
    for index, body in enumerate(bodies):
        page = first if index == 0 else writer.add_blank_page(595, 842)
        page[NameObject("/Resources")] = first.raw_get("/Resources")
        if shared is None or not share:
            stream = DecodedStreamObject()
            stream.set_data(body)
            shared = writer._add_object(stream.flate_encode(level=9))
        page[NameObject("/Contents")] = shared
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------------- point 6


class TestPageCount:
    def test_lying_count_refused_fast(self, tmp_path: Path) -> None:
        """25,000 real pages declared as /Count 1 are refused from the walked tree."""
        template = PdfReader(io.BytesIO(_fpdf_bytes(["Call center supervisor"])))
        writer = PdfWriter()
        page = writer.add_page(template.pages[0])
        for _ in range(24_999):
            writer.add_page(page)
        pages = writer.root_object["/Pages"].get_object()
        pages[NameObject("/Count")] = NumberObject(1)
        path = tmp_path / "lying.pdf"
        with path.open("wb") as handle:
            writer.write(handle)
        started = time.perf_counter()
        with pytest.raises(InputError) as caught:
            read_resume(path)
        assert time.perf_counter() - started < 5.0
        assert str(caught.value) == (
            f"{path} has more than {MAX_PDF_PAGES} pages; the limit is {MAX_PDF_PAGES}. "
            "Pass the resume alone, not a whole document."
        )
        _one_error(
            _gapcoach("assess", str(path), "--role", ROLE), "more than 100 pages"
        )

    def test_count_overstated_but_few_pages_read(self, tmp_path: Path) -> None:
        """A /Count of 5,000 over 2 real pages is read: the real pages count."""
        template = PdfReader(io.BytesIO(_fpdf_bytes(["Call Center Supervisor"])))
        writer = PdfWriter()
        writer.add_page(template.pages[0])
        writer.add_page(template.pages[0])
        writer.root_object["/Pages"].get_object()[NameObject("/Count")] = NumberObject(
            5000
        )
        buffer = io.BytesIO()
        writer.write(buffer)
        document = read_resume(buffer.getvalue(), name="two.pdf")
        assert document.text.count("Call Center Supervisor") == 2

    def test_cyclic_page_tree_is_corrupt(self, tmp_path: Path) -> None:
        """A page tree whose /Kids lead back to its root is corrupt, not a hang."""
        template = PdfReader(io.BytesIO(_fpdf_bytes(["Call center supervisor"])))
        writer = PdfWriter()
        writer.add_page(template.pages[0])
        root = writer.root_object.raw_get("/Pages")
        kids = writer.root_object["/Pages"]["/Kids"]
        assert isinstance(kids, ArrayObject)
        kids.append(root)
        path = tmp_path / "cycle.pdf"
        with path.open("wb") as handle:
            writer.write(handle)
        with pytest.raises(InputError) as caught:
            read_resume(path)
        assert str(caught.value) == (
            f"{path} is not a valid PDF (corrupt or truncated); re-export it from the "
            "original program or save it as text."
        )


class TestCost:
    def test_shared_stream_extracted_once(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """100 pages drawing one content stream: one extraction, 100 copies of its text."""
        import gapcoach.ingest.pdf as ingest

        calls: list[int] = []
        page_text = ingest._page_text

        def counted(*args: Any) -> tuple[str, int]:
            calls.append(1)
            return page_text(*args)

        monkeypatch.setattr(ingest, "_page_text", counted)
        body = b"BT /F1 11 Tf 50 800 Td (Call Center Supervisor) Tj ET\n"
        data = _pdf_with_streams([body] * 100, share=True)
        document = read_resume(data, name="shared.pdf")
        assert document.text.count("Call Center Supervisor") == 100
        assert len(calls) == 1

    def test_shared_heavy_stream_stops_at_text_limit(self, tmp_path: Path) -> None:
        """100 pages sharing a 40,000-string stream stop at the character limit, fast
        (before: every page extracted, about two minutes)."""
        body = b"BT /F1 1 Tf 10 10 Td " + b"(A) Tj " * 40_000 + b"ET\n"
        path = _write(
            tmp_path, "shared.pdf", _pdf_with_streams([body] * 100, share=True)
        )
        assert path.stat().st_size < 20_000
        started = time.perf_counter()
        with pytest.raises(InputError) as caught:
            read_resume(path)
        assert time.perf_counter() - started < 8.0
        message = str(caught.value)
        assert message.startswith(f"{path} has at least ")
        assert message.endswith(
            f" characters of text; the limit is {MAX_TEXT_CHARS:,}. Pass the resume "
            "alone, not a whole document."
        )

    def test_time_budget_between_pages(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Distinct heavy pages without text stop at the time budget (here 0.3 s)."""
        import gapcoach.ingest.pdf as ingest

        monkeypatch.setattr(ingest, "_PDF_SECONDS", 0.3)
        bodies = [
            f"BT /F1 1 Tf {page} 10 Td ".encode() + b"() Tj " * 5_000 + b"ET\n"
            for page in range(40)
        ]
        path = _write(tmp_path, "slow.pdf", _pdf_with_streams(bodies))
        started = time.perf_counter()
        with pytest.raises(InputError) as caught:
            read_resume(path)
        assert time.perf_counter() - started < 5.0
        assert str(caught.value) == (
            f"{path} takes too long to read (more text or drawing than a resume has); "
            "save it as text, or re-export it as a simpler PDF, and try again."
        )

    @pytest.mark.slow
    def test_time_budget_in_the_cli(self, tmp_path: Path) -> None:
        """100 distinct heavy pages (about a minute of extraction) end within 20 s."""
        bodies = [
            f"BT /F1 1 Tf {page} 10 Td ".encode() + b"() Tj " * 20_000 + b"ET\n"
            for page in range(100)
        ]
        path = _write(tmp_path, "slow.pdf", _pdf_with_streams(bodies))
        _one_error(_gapcoach("assess", str(path), "--role", ROLE), TOO_SLOW)

    def test_adjusted_tj_arrays_refused_fast(self, tmp_path: Path) -> None:
        """2,000 kerned TJ arrays on one line (a 1 KB file; before: 7 to 20 s of layout
        work, growing with the square of their number) are refused before extraction."""
        body = b"BT /F1 1 Tf 10 10 Td " + b"[(A)1(B)]TJ " * 2_000 + b"ET\n"
        path = _write(tmp_path, "kerned.pdf", _pdf_with_streams([body]))
        started = time.perf_counter()
        with pytest.raises(InputError) as caught:
            read_resume(path)
        assert time.perf_counter() - started < 3.0
        assert TOO_SLOW in str(caught.value)

    def test_huge_content_stream_refused_fast(self, tmp_path: Path) -> None:
        """A page of 3 MB of drawing commands is refused before it is parsed."""
        body = (
            b"BT /F1 11 Tf 50 800 Td (Supervisor) Tj ET\n"
            + b"0 0 m 1 1 l S\n" * 220_000
        )
        path = _write(tmp_path, "drawing.pdf", _pdf_with_streams([body]))
        started = time.perf_counter()
        with pytest.raises(InputError) as caught:
            read_resume(path)
        assert time.perf_counter() - started < 3.0
        assert TOO_SLOW in str(caught.value)


# --------------------------------------------------------------------------- point 13


def _docx(
    tmp_path: Path, name: str, *, hidden: list[str] | None = None, how: str = "run"
) -> Path:
    """
    The agent resume as a .docx made by python-docx; the ``hidden`` lines are added as
    paragraphs after the AFTER line, hidden directly (w:vanish on their run), by a
    character style, or by a paragraph style based on a hidden style.
    """
    document = new_docx()
    if how == "style":
        style = document.styles.add_style("Quiet", WD_STYLE_TYPE.CHARACTER)
        style.font.hidden = True
    elif how == "paragraph-style":
        base = document.styles.add_style("QuietBase", WD_STYLE_TYPE.PARAGRAPH)
        base.font.hidden = True
        child = document.styles.add_style("QuietChild", WD_STYLE_TYPE.PARAGRAPH)
        child.base_style = base
    for line in AGENT_LINES:
        document.add_paragraph(line)
        if line != AFTER or hidden is None:
            continue
        for secret in hidden:
            if how == "paragraph-style":
                document.add_paragraph(secret, style="QuietChild")
                continue
            run = document.add_paragraph().add_run(secret)
            if how == "style":
                run.style = "Quiet"
            else:
                run.font.hidden = True
    path = tmp_path / name
    document.save(str(path))
    return path


def test_stuffing_matters_when_shown(assessor: Assessor) -> None:
    """The stuffing is no straw man: shown, it lifts the readiness and the title."""
    index = AGENT_LINES.index(AFTER) + 1
    shown = AGENT_LINES[:index] + STUFFING + AGENT_LINES[index:]
    clean = assessor.assess("\n".join(AGENT_LINES), role=ROLE).assessments[0]
    stuffed = assessor.assess("\n".join(shown), role=ROLE).assessments[0]
    assert stuffed.readiness > clean.readiness + 40
    assert stuffed.experience.current_title == "Director of Contact Center Operations"


def _assert_stuffing_ignored(assessor: Assessor, clean: Path, stuffed: Path) -> None:
    """The hidden stuffing is not read, is counted, and changes neither title nor score."""
    document = read_resume(stuffed)
    for word in HIDDEN_WORDS:
        assert word not in document.text
    assert "Customer Service Agent" in document.text
    assert "Zendesk" in document.text
    assert document.hidden_text_chars == STUFFED_CHARS
    assert read_resume(clean).hidden_text_chars == 0
    assert document.current_title == "Customer Service Agent"
    assert _readiness(assessor, stuffed) == _readiness(assessor, clean)


class TestHiddenDocx:
    @pytest.mark.parametrize("how", ["run", "style", "paragraph-style"])
    def test_hidden_text_left_out(
        self, tmp_path: Path, assessor: Assessor, how: str
    ) -> None:
        """Hidden lines of stuffing are not read, are counted, and change nothing."""
        clean = _docx(tmp_path, "clean.docx")
        stuffed = _docx(tmp_path, "stuffed.docx", hidden=STUFFING, how=how)
        _assert_stuffing_ignored(assessor, clean, stuffed)

    def test_run_can_unhide_a_hidden_style(self, tmp_path: Path) -> None:
        """w:vanish w:val="0" on a run overrides its hidden character style."""
        document = new_docx()
        style = document.styles.add_style("Quiet", WD_STYLE_TYPE.CHARACTER)
        style.font.hidden = True
        paragraph = document.add_paragraph("Call Center Supervisor ")
        run = paragraph.add_run("Genesys")
        run.style = "Quiet"
        run._r.get_or_add_rPr().append(
            parse_xml(
                '<w:vanish xmlns:w="http://schemas.openxmlformats.org/'
                'wordprocessingml/2006/main" w:val="0"/>'
            )
        )
        hidden = paragraph.add_run(" NICE IEX")
        hidden.style = "Quiet"
        path = tmp_path / "unhidden.docx"
        document.save(str(path))
        read = read_resume(path)
        assert read.text == "Call Center Supervisor Genesys"
        assert read.hidden_text_chars == len(" NICE IEX")


class TestHiddenPdf:
    def test_invisible_text_left_out(self, tmp_path: Path, assessor: Assessor) -> None:
        """fpdf2 text in TextMode.INVISIBLE is not read, is counted, changes nothing."""
        clean = _write(tmp_path, "clean.pdf", _fpdf_bytes(AGENT_LINES))
        stuffed = _write(
            tmp_path, "stuffed.pdf", _fpdf_bytes(AGENT_LINES, hidden=STUFFING)
        )
        _assert_stuffing_ignored(assessor, clean, stuffed)

    def test_render_mode_is_graphics_state(self, tmp_path: Path) -> None:
        """The mode carries on across text objects, q/Q save and restore it, mode 7 is
        invisible too, and ' and " still move to the next line."""
        body = b"\n".join(
            [
                b"BT /F1 11 Tf 14 TL 50 800 Td (Visible one) Tj ET",
                b"3 Tr",
                b"BT /F1 11 Tf 50 780 Td (Genesys hidden) Tj ET",
                b"q 7 Tr BT /F1 11 Tf 50 760 Td [(NICE) -250 (IEX)] TJ ET Q",
                b"BT /F1 11 Tf 50 740 Td 0 Tr (Visible two) Tj 3 Tr (Workforce) Tj ET",
                b"q 0 Tr BT /F1 11 Tf 50 720 Td (Visible three) Tj ET Q",
                b"BT /F1 11 Tf 14 TL 50 700 Td (Director) ' 1 0 (Operations) \" ET",
                b"BT /F1 11 Tf 0 Tr 50 660 Td (Visible four) Tj ET",
            ]
        )
        document = read_resume(_pdf_with_streams([body]), name="modes.pdf")
        assert [line.text for line in document.lines] == [
            "Visible one",
            "Visible two",
            "Visible three",
            "Visible four",
        ]
        hidden = [
            "Genesys hidden",
            "NICE",
            "IEX",
            "Workforce",
            "Director",
            "Operations",
        ]
        assert document.hidden_text_chars == sum(len(text) for text in hidden)

    def test_plain_fallback(self) -> None:
        """When layout mode fails (here: no Tf), plain mode reads the page, still
        without the invisible text, and like layout mode without form XObjects."""
        template = PdfReader(io.BytesIO(_fpdf_bytes(["template"])))
        writer = PdfWriter()
        page = writer.add_page(template.pages[0])
        form = DecodedStreamObject()
        form.set_data(b"BT /F1 11 Tf 50 700 Td (NICE IEX) Tj ET")
        form.update(
            {
                NameObject("/Type"): NameObject("/XObject"),
                NameObject("/Subtype"): NameObject("/Form"),
                NameObject("/BBox"): ArrayObject(
                    NumberObject(side) for side in (0, 0, 600, 800)
                ),
                NameObject("/Resources"): page.raw_get("/Resources"),
            }
        )
        resources = page["/Resources"]
        resources[NameObject("/XObject")] = DictionaryObject(
            {NameObject("/Fm1"): writer._add_object(form)}
        )
        content = DecodedStreamObject()
        content.set_data(
            b"BT 50 800 Td 14 TL (Call Center Supervisor) Tj T* 3 Tr (Genesys) Tj ET\n"
            b"/Fm1 Do"
        )
        page[NameObject("/Contents")] = writer._add_object(content)
        buffer = io.BytesIO()
        writer.write(buffer)
        document = read_resume(buffer.getvalue(), name="fallback.pdf")
        assert [line.text for line in document.lines] == ["Call Center Supervisor"]
        assert document.hidden_text_chars == len("Genesys")

    def test_only_invisible_text(self, tmp_path: Path) -> None:
        """A page whose only text is invisible (like an OCR layer) says so."""
        body = b"BT /F1 11 Tf 3 Tr 50 800 Td (Call Center Supervisor) Tj ET"
        path = _write(tmp_path, "ocr.pdf", _pdf_with_streams([body]))
        with pytest.raises(InputError) as caught:
            read_resume(path)
        assert str(caught.value) == (
            f"{path} has no visible text, only 22 characters of invisible text (such as "
            "the OCR layer of a scanned page), which gapcoach does not read. Save the "
            "resume as text, or export it again from the program that made it."
        )


class TestReports:
    NOTE = "this document contains hidden text ({n} characters), which was ignored."

    def test_cli_terminal_note(self, tmp_path: Path) -> None:
        """The terminal report says, in one line, that hidden text was ignored."""
        path = _docx(tmp_path, "stuffed.docx", hidden=STUFFING)
        result = CliRunner().invoke(
            app, ["assess", str(path), "--role", ROLE], env={"COLUMNS": "200"}
        )
        assert result.exit_code == 0, result.output
        note = "Note: " + self.NOTE.format(n=STUFFED_CHARS)
        assert [line.strip() for line in result.output.splitlines()][1] == note
        clean = _docx(tmp_path, "clean.docx")
        result = CliRunner().invoke(
            app, ["assess", str(clean), "--role", ROLE], env={"COLUMNS": "200"}
        )
        assert "hidden text" not in result.output

    def test_json_markdown_html(self, tmp_path: Path, assessor: Assessor) -> None:
        """JSON carries the count; Markdown and HTML show the note; old JSON validates."""
        path = _write(
            tmp_path, "stuffed.pdf", _fpdf_bytes(AGENT_LINES, hidden=STUFFING)
        )
        report = assessor.assess(path, role=ROLE)
        assert report.input.hidden_text_chars == STUFFED_CHARS
        note = self.NOTE.format(n=STUFFED_CHARS)
        assert f"\n\n**Note:** {note}\n\n" in render_markdown(report)
        assert f"<strong>Note:</strong> {note}" in render_html(report)
        clean = assessor.assess(_write(tmp_path, "clean.pdf", _fpdf_bytes(AGENT_LINES)))
        assert "hidden text" not in render_markdown(clean)
        assert "hidden text" not in render_html(clean)
        old = json.loads(report.model_dump_json())
        del old["input"]["hidden_text_chars"]
        assert Assessment.model_validate(old).input.hidden_text_chars == 0
