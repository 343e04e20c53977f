"""
Builders of real resume and ratings files for the ingest and ratings tests.

Every file is made by the real library (python-docx, fpdf2, pypdf, zipfile) under a test's
tmp_path, so the readers are tested against what those libraries actually write.
"""

import io
import zipfile
from pathlib import Path

from docx import Document as new_docx
from docx.oxml import parse_xml
from fpdf import FPDF
from pypdf import PdfWriter

from gapcoach.ingest import read_resume
from gapcoach.models import (
    Document,
    ExperienceRequirement,
    GuideSource,
    KeyFacts,
    LadderLevel,
    Skill,
    SourceRef,
    Taxonomy,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"

RESUME_LINES = [
    "ALEX RIVERA",
    "Customer Service Representative",
    "EXPERIENCE",
    "Call Center Supervisor    Jan 2020 - Present",
    "- Coached a team of 12 agents on inbound billing calls.",
    "Customer Service Representative    03/2016 - 12/2019",
    "- Answered 80 inbound calls a day.",
    "SKILLS",
    "Avaya, Salesforce, Excel",
]


def write_bytes(folder: Path, name: str, data: bytes) -> Path:
    """
    Write ``data`` to ``folder/name`` and return the path.
    """
    path = folder / name
    path.write_bytes(data)
    return path


def pdf_bytes(lines: list[str], *, pages: int = 1) -> bytes:
    """
    A text PDF made by fpdf2: the lines on the first page, then blank-ish pages.
    """
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for page in range(pages):
        pdf.add_page()
        for line in lines if page == 0 else [f"Page {page + 1}"]:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def make_pdf(folder: Path, lines: list[str], *, name: str = "resume.pdf") -> Path:
    """
    Write a one-page text PDF of ``lines``.
    """
    return write_bytes(folder, name, pdf_bytes(lines))


def make_image_only_pdf(folder: Path, *, name: str = "scan.pdf") -> Path:
    """
    A PDF whose page holds only drawn shapes, like a scanned page: no text at all.
    """
    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(40, 40, 40)
    for row in range(20):
        pdf.rect(20, 20 + row * 10, 150, 4, style="F")
    return write_bytes(folder, name, bytes(pdf.output()))


def make_blank_pages_pdf(folder: Path, pages: int, *, name: str = "book.pdf") -> Path:
    """
    A PDF of ``pages`` blank pages, written by pypdf (fast even for thousands).
    """
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return write_bytes(folder, name, buffer.getvalue())


def make_encrypted_pdf(
    folder: Path, *, user_password: str = "secret", name: str = "locked.pdf"
) -> Path:
    """
    A text PDF encrypted by pypdf's PdfWriter.encrypt.
    """
    writer = PdfWriter(clone_from=io.BytesIO(pdf_bytes(RESUME_LINES)))
    writer.encrypt(user_password=user_password, owner_password="owner-secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return write_bytes(folder, name, buffer.getvalue())


_TEXT_BOX_RUN = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml">'
    '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>'
    "<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    "</wps:txbx></wps:wsp></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:shape><v:textbox>"
    "<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)


def make_docx(
    folder: Path,
    paragraphs: list[str],
    *,
    table: list[list[str]] | None = None,
    text_box: str | None = None,
    header: str | None = None,
    name: str = "resume.docx",
) -> Path:
    """
    A .docx made by python-docx: paragraphs, then an optional table, plus an optional
    text box (inserted as DrawingML with its VML fallback, as Word writes it) and header.
    """
    document = new_docx()
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    for text in paragraphs:
        document.add_paragraph(text)
    if text_box is not None:
        anchor = document.add_paragraph()
        anchor._p.append(parse_xml(_TEXT_BOX_RUN.format(text=text_box)))
    if table is not None:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, cells in zip(grid.rows, table, strict=True):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
    path = folder / name
    document.save(str(path))
    return path


def make_zip_bomb(
    folder: Path, *, name: str = "bomb.docx", megabytes: int = 60
) -> Path:
    """
    A zip named .docx whose members declare ``megabytes`` MB once unpacked (of zeros).
    """
    path = folder / name
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/padding.bin", bytes(megabytes * 1024 * 1024))
    return path


def make_zip(
    folder: Path, members: dict[str, str], *, name: str = "resume.docx"
) -> Path:
    """
    A zip archive with the given text members.
    """
    path = folder / name
    with zipfile.ZipFile(path, "w") as archive:
        for member, text in members.items():
            archive.writestr(member, text)
    return path


def _skill(skill_id: str, name: str, *, acronyms: list[str] | None = None) -> Skill:
    return Skill(
        id=skill_id,
        name=name,
        category="technical",
        description=f"{name} for a contact center.",
        acronyms=acronyms or [],
        sources=[SourceRef(section="Technical Skills", lines=[1])],
    )


def mini_taxonomy() -> Taxonomy:
    """
    A six-skill fictional role, enough to resolve rating names against.
    """
    return Taxonomy(
        role_id="mini-role",
        title="Mini Role",
        summary="A fictional role for tests.",
        source=GuideSource(file="mini.txt", sha256="0" * 64),
        key_facts=KeyFacts(),
        experience=ExperienceRequirement(level_name="Supervisor", years_min=3),
        ladder=[
            LadderLevel(
                name="Supervisor",
                years_min=3,
                years_text="3+ years",
                description="Runs a team.",
                focus_areas=[],
                sources=[SourceRef(section="Career Path", lines=[1])],
            )
        ],
        skills=[
            _skill(
                "workforce-management",
                "Workforce Management (WFM) Tools",
                acronyms=["WFM"],
            ),
            _skill("crm-systems", "CRM Systems", acronyms=["CRM"]),
            _skill("conflict-resolution", "Conflict Resolution"),
            _skill("coaching", "Coaching and Feedback"),
            _skill("customer-focus", "Customer Focus"),
            _skill("customer-experience", "Customer Experience Strategy"),
        ],
    )


RESUME_TEXT = "\n".join(RESUME_LINES) + "\n"


def job_table(document: Document) -> list[tuple[str, str, str | None, int]]:
    return [(job.title, job.start, job.end, job.months) for job in document.jobs]


def one_job(header: str) -> Document:
    return read_resume(f"PAT DOE\nEXPERIENCE\n{header}\n- Answered 80 calls a day.\n")
