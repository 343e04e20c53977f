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

from pathlib import Path

from gapcoach._text import sha256_bytes
from gapcoach.errors import InputError
from gapcoach.ingest.contact import person_name
from gapcoach.ingest.dates import TODAY, month_index
from gapcoach.ingest.docx import MAX_DOCX_UNPACKED_BYTES, extract_docx
from gapcoach.ingest.files import (
    BAD_CHARS_RE,
    MAX_FILE_BYTES,
    MAX_LINES,
    MAX_TEXT_CHARS,
    RESUME,
    ResumeFormat,
    binary_message,
    choose_format,
    decode_text,
    read_source,
)
from gapcoach.ingest.history import find_structure
from gapcoach.ingest.normalise import WORD_RE, logical_lines, normalise_lines
from gapcoach.ingest.pdf import MAX_PDF_PAGES, extract_pdf
from gapcoach.models import Document
from gapcoach.vocab.titles import title_seniority

__all__ = [
    "MAX_DOCX_UNPACKED_BYTES",
    "MAX_FILE_BYTES",
    "MAX_LINES",
    "MAX_PDF_PAGES",
    "MAX_TEXT_CHARS",
    "TODAY",
    "ResumeFormat",
    "read_resume",
    "title_seniority",
]


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
    today_index = month_index(year, month)
    if isinstance(source, str) and _names_a_file(source):
        raise InputError(
            f"'{source}' is the name of a file, but a str is read as the resume's text; "
            f"pass Path('{source}') to read the file."
        )
    item = read_source(source, RESUME, name=name, caller="read_resume()")
    chosen = choose_format(item, format)
    if not item.data.strip():
        raise InputError(
            f"{item.label} is empty; pass a resume that has some text in it."
        )
    hidden = 0
    if chosen is ResumeFormat.PDF:
        raw, hidden = extract_pdf(item.data, item.label)
    elif chosen is ResumeFormat.DOCX:
        raw, hidden = extract_docx(item.data, item.label)
    elif item.text is not None:
        raw = item.text
    else:
        raw = decode_text(item.data, item.label, RESUME)
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if len(raw) > MAX_TEXT_CHARS:
        raise InputError(
            f"{item.label} has {len(raw):,} characters of text; the limit is "
            f"{MAX_TEXT_CHARS:,}. Pass the resume alone, not a whole document."
        )
    line_count = raw.count("\n") + 1
    if line_count > MAX_LINES:
        raise InputError(
            f"{item.label} has {line_count:,} lines; the limit is {MAX_LINES:,}. "
            "Pass the resume alone, not a whole document."
        )
    if not raw.strip():
        raise InputError(
            f"{item.label} is empty; pass a resume that has some text in it."
        )
    bad = len(BAD_CHARS_RE.findall(raw))
    if "\x00" in raw or bad > max(8, len(raw) * 0.02):
        raise InputError(binary_message(item.label))
    lines, bulleted = normalise_lines(raw, markdown=chosen is ResumeFormat.MD)
    if not any(lines):  # only bullets, rules or invisible characters
        raise InputError(
            f"{item.label} is empty; pass a resume that has some text in it."
        )
    if not any(WORD_RE.search(line) for line in lines):
        raise InputError(
            f"{item.label} has no readable words (wrong encoding, or not a resume); "
            "save it as UTF-8 text, .pdf or .docx and try again."
        )
    structure = find_structure(lines, today_index, bulleted)
    return Document(
        name=item.name,
        sha256=sha256_bytes(item.data),
        format=chosen.value,
        person=person_name(lines),
        text="\n".join(lines),
        lines=logical_lines(lines, structure.sections, bulleted),
        sections=structure.section_names,
        jobs=structure.jobs,
        years_experience=structure.years,
        relevant_years=structure.relevant_years,
        current_title=structure.current_title,
        current_level=structure.current_level,
        current_rung=structure.current_rung,
        scope=structure.scope,
        notices=structure.notices,
        hidden_text_chars=hidden,
    )


def _names_a_file(text: str) -> bool:
    """
    Is this one-line string the path of an existing file? (``assess("resume.txt")`` is a
    common slip: read as text it would be a blank person scored 0.)
    """
    if text == "-" or "\n" in text or len(text) > 1024:
        return False
    try:
        return Path(text).is_file()
    except (OSError, ValueError):  # a name the file system cannot hold
        return False
