"""
Reading a resume: sources (path, text, bytes, stdin), formats, encodings, edge inputs,
and every input error's message.
"""

import io
import os
import sys
import time
import zipfile
from pathlib import Path

import pytest
from fixtures_ingest import (
    FIXTURES,
    RESUME_LINES,
    RESUME_TEXT,
    make_blank_pages_pdf,
    make_docx,
    make_encrypted_pdf,
    make_image_only_pdf,
    make_zip,
    make_zip_bomb,
    mini_taxonomy,
    pdf_bytes,
    write_bytes,
)
from helpers import OS_ERRORS, fail_os_open
from typer.testing import CliRunner

from gapcoach import (
    GapcoachError,
    GuideParseError,
    InputError,
    RatingsError,
    build_taxonomy,
)
from gapcoach.cli import app
from gapcoach.ingest import (
    MAX_FILE_BYTES,
    ResumeFormat,
    read_resume,
)
from gapcoach.models import Seniority
from gapcoach.ratings import load_ratings

# one input of each kind, read through the one reader
READERS = [("txt", RESUME_TEXT), ("yaml", "ratings: {}\n"), ("md", "# Guide\n")]
_READ = {
    "txt": read_resume,
    "yaml": lambda path: load_ratings(path, mini_taxonomy()),
    "md": lambda path: build_taxonomy(path, use_lexicon=False),
}
_ERROR = {"txt": InputError, "yaml": RatingsError, "md": GuideParseError}
_QUOTE = {"txt": "", "yaml": "", "md": "'"}  # guide messages quote the path


class TestSources:
    def test_path(self) -> None:
        """A Path is read as a file and named after it."""
        document = read_resume(FIXTURES / "supervisor.txt")
        assert document.name == "supervisor.txt"
        assert document.format == "txt"
        assert document.current_title == "Call Center Supervisor"

    def test_text(self) -> None:
        """Any string other than "-" is the resume text itself."""
        document = read_resume(RESUME_TEXT)
        assert document.name == "<text>"
        assert document.lines[0].text == "ALEX RIVERA"

    def test_bytes_are_sniffed(self) -> None:
        """Bytes are a file's content; a PDF is recognised by its magic, not a name."""
        document = read_resume(pdf_bytes(RESUME_LINES), name="upload")
        assert document.format == "pdf"
        assert document.name == "upload"
        assert document.current_level is Seniority.SUPERVISOR

    def test_stdin(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The string "-" reads bytes from standard input."""
        stream = io.TextIOWrapper(io.BytesIO(RESUME_TEXT.encode("utf-8")))
        monkeypatch.setattr(sys, "stdin", stream)
        document = read_resume("-")
        assert document.name == "<stdin>"
        assert document.current_title == "Call Center Supervisor"

    def test_name_override(self) -> None:
        """name= replaces the document name."""
        assert read_resume(FIXTURES / "supervisor.txt", name="me.txt").name == "me.txt"

    def test_sha256_of_input_bytes(self) -> None:
        """The hash is of the bytes read, so the same file always hashes the same."""
        import hashlib

        data = (FIXTURES / "supervisor.txt").read_bytes()
        assert read_resume(data).sha256 == hashlib.sha256(data).hexdigest()

    def test_wrong_type(self) -> None:
        """A source that is not a Path, str or bytes is a programming error."""
        with pytest.raises(TypeError, match="takes a Path, str or bytes, not int"):
            read_resume(42)  # type: ignore[arg-type]


class TestFormats:
    def test_markdown(self) -> None:
        """A .md file is read as Markdown: heading marks and emphasis go."""
        document = read_resume(FIXTURES / "director.md")
        assert document.format == "md"
        assert document.lines[0].text == "Priya Okonkwo-Hale"
        assert document.lines[1].text == "Director of Customer Care · Denver, CO"
        assert document.sections == ["summary", "experience", "skills"]

    def test_docx_bytes_are_sniffed(self, tmp_path: Path) -> None:
        """Zip bytes holding word/document.xml are read as a .docx."""
        path = make_docx(tmp_path, RESUME_LINES)
        assert read_resume(path.read_bytes()).format == "docx"

    def test_pdf_with_wrong_extension(self, tmp_path: Path) -> None:
        """Content wins over the extension: a PDF saved as .txt is still a PDF."""
        path = write_bytes(tmp_path, "resume.txt", pdf_bytes(RESUME_LINES))
        assert read_resume(path).format == "pdf"

    def test_text_named_pdf_is_refused(self, tmp_path: Path) -> None:
        """A file named .pdf that is not a PDF is a broken PDF, not silently text."""
        path = write_bytes(tmp_path, "resume.pdf", RESUME_TEXT.encode("utf-8"))
        with pytest.raises(InputError, match="is not a valid PDF"):
            read_resume(path)

    def test_text_without_a_promising_suffix_is_sniffed(self, tmp_path: Path) -> None:
        """A text file with an unknown suffix is read as text."""
        path = write_bytes(tmp_path, "resume.dat", RESUME_TEXT.encode("utf-8"))
        assert read_resume(path).format == "txt"

    def test_forced_format(self, tmp_path: Path) -> None:
        """format= forces a reader even when the content says otherwise."""
        path = write_bytes(tmp_path, "resume.txt", RESUME_TEXT.encode("utf-8"))
        with pytest.raises(InputError) as caught:
            read_resume(path, format=ResumeFormat.PDF)
        assert str(caught.value) == (
            f"{path} is not a valid PDF (corrupt or truncated); re-export it from the "
            "original program or save it as text."
        )

    def test_format_values(self) -> None:
        """ResumeFormat is a StrEnum of the four readable formats."""
        assert [member.value for member in ResumeFormat] == ["txt", "md", "pdf", "docx"]


class TestEncodings:
    TEXT = "RENÉE FAÇADE\nSummary\nAgent – “top” CSAT, café hours.\n"

    @pytest.mark.parametrize(
        ("encoding", "prefix"),
        [
            ("utf-8", b""),
            ("utf-8", b"\xef\xbb\xbf"),
            ("utf-16-le", b"\xff\xfe"),
            ("utf-16-be", b"\xfe\xff"),
            ("cp1252", b""),
        ],
        ids=["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "cp1252"],
    )
    def test_decoded(self, encoding: str, prefix: bytes) -> None:
        """UTF-8 with or without BOM, UTF-16 with a BOM and cp1252 all decode."""
        document = read_resume(prefix + self.TEXT.encode(encoding))
        assert document.text == self.TEXT.rstrip("\n") + "\n"

    def test_latin1(self) -> None:
        """Latin-1 bytes that are not UTF-8 decode through the charset guess."""
        text = (
            "José Muñoz\nCustomer Service Representative\nAtención al cliente, señal.\n"
        )
        assert read_resume(text.encode("latin-1")).lines[0].text == "José Muñoz"

    def test_nfc(self) -> None:
        """Decomposed accents are composed (NFC)."""
        assert read_resume("Rene\u0301e Smith\n").lines[0].text == "Ren\u00e9e Smith"


class TestInputEdges:
    def test_stdin_terminal(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Reading "-" from an interactive terminal fails at once instead of waiting."""

        class Terminal(io.StringIO):
            def isatty(self) -> bool:
                return True

        monkeypatch.setattr(sys, "stdin", Terminal())
        with pytest.raises(InputError) as caught:
            read_resume("-")
        assert str(caught.value) == (
            "<stdin> is a terminal, not a file; pipe a resume in "
            "(gapcoach read - < resume.txt) or pass its path."
        )

    def test_stdin_text_stream(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A text-only stdin (no .buffer) is read too."""
        monkeypatch.setattr(sys, "stdin", io.StringIO(RESUME_TEXT))
        assert read_resume("-").current_title == "Call Center Supervisor"

    def test_stdin_missing(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """No stdin at all (a GUI process) is reported, not crashed on."""
        monkeypatch.setattr(sys, "stdin", None)
        with pytest.raises(InputError, match=r"^<stdin> is not available; "):
            read_resume("-")

    def test_large_bytes_and_text(self) -> None:
        """Bytes and text over the size limit are refused like files."""
        with pytest.raises(
            InputError, match=r"^<bytes> is 10\.0 MB; the limit is 10 MB"
        ):
            read_resume(b"a" * (MAX_FILE_BYTES + 1))
        with pytest.raises(
            InputError, match=r"^<text> is 10\.0 MB; the limit is 10 MB"
        ):
            read_resume("a" * (MAX_FILE_BYTES + 1))

    @pytest.mark.parametrize(
        ("data", "kind", "fix"),
        [
            (
                b"{\\rtf1 Customer Service}",
                "an RTF document",
                "save it as .docx, .pdf or .txt",
            ),
            (
                b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64),
                "an old Word 97-2003 (.doc) or other Office file",
                "save the resume as .txt, .md, .pdf or .docx",
            ),
        ],
        ids=["rtf", "doc"],
    )
    def test_other_document_formats(self, data: bytes, kind: str, fix: str) -> None:
        """RTF and old .doc files are named, with the way to convert them."""
        with pytest.raises(InputError) as caught:
            read_resume(data, name="cv")
        assert (
            str(caught.value) == f"cv is {kind}, not a resume gapcoach can read; {fix}."
        )

    def test_utf16_without_bom(self) -> None:
        """BOM-less UTF-16 is recognised from its zero bytes."""
        assert (
            read_resume(RESUME_TEXT.encode("utf-16-le")).lines[0].text == "ALEX RIVERA"
        )
        assert (
            read_resume(RESUME_TEXT.encode("utf-16-be")).lines[0].text == "ALEX RIVERA"
        )

    def test_high_bytes_without_nul(self) -> None:
        """Bytes that decode as no text at all are binary, even without NUL bytes."""
        with pytest.raises(InputError, match=r"^<bytes> is a binary file, not text; "):
            read_resume(bytes(range(1, 9)) * 100 + b"abc")


def _missing(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "missing.txt"
    return path, f"{path} does not exist; check the file name and path."


def _folder(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "folder"
    path.mkdir()
    return path, f"{path} is a folder; pass a resume file (.txt, .md, .pdf or .docx)."


def _empty(tmp_path: Path) -> tuple[Path, str]:
    path = write_bytes(tmp_path, "empty.txt", b"")
    return path, f"{path} is empty; pass a resume that has some text in it."


def _blank(tmp_path: Path) -> tuple[Path, str]:
    path = write_bytes(tmp_path, "blank.txt", b"  \n\t \r\n")
    return path, f"{path} is empty; pass a resume that has some text in it."


def _binary(tmp_path: Path) -> tuple[Path, str]:
    path = write_bytes(tmp_path, "binary.txt", b"\x00\x01\x02\xff" * 64)
    return path, (
        f"{path} is a binary file, not text; pass the resume as .txt, .md, .pdf or .docx."
    )


def _image(tmp_path: Path) -> tuple[Path, str]:
    path = write_bytes(tmp_path, "photo.png", b"\x89PNG\r\n\x1a\n" + bytes(64))
    return path, (
        f"{path} is a PNG image, not a resume gapcoach can read; save the resume as "
        ".txt, .md, .pdf or .docx."
    )


def _big(tmp_path: Path) -> tuple[Path, str]:
    path = write_bytes(tmp_path, "big.txt", b"a" * (MAX_FILE_BYTES + 1))
    return path, (
        f"{path} is 10.0 MB; the limit is 10 MB. Pass the resume alone, or save it as text."
    )


def _long_text(tmp_path: Path) -> tuple[Path, str]:
    path = write_bytes(tmp_path, "long.txt", b"word " * 44_000)
    return path, (
        f"{path} has 220,000 characters of text; the limit is 200,000. Pass the "
        "resume alone, not a whole document."
    )


def _many_lines(tmp_path: Path) -> tuple[Path, str]:
    path = write_bytes(tmp_path, "lines.txt", b"a\n" * 6_000)
    return path, (
        f"{path} has 6,001 lines; the limit is 5,000. Pass the resume alone, not a "
        "whole document."
    )


def _pages(tmp_path: Path) -> tuple[Path, str]:
    path = make_blank_pages_pdf(tmp_path, 101)
    return path, (
        f"{path} has 101 pages; the limit is 100. Pass the resume alone, not a whole "
        "document."
    )


def _encrypted(tmp_path: Path) -> tuple[Path, str]:
    path = make_encrypted_pdf(tmp_path)
    return path, (
        f"{path} is encrypted; remove the password (e.g. print to PDF) and try again."
    )


def _scanned(tmp_path: Path) -> tuple[Path, str]:
    path = make_image_only_pdf(tmp_path)
    return path, (
        f"{path} has no extractable text: is it a scanned image? Save it as text or run "
        "OCR first."
    )


def _corrupt_pdf(tmp_path: Path) -> tuple[Path, str]:
    path = write_bytes(tmp_path, "broken.pdf", pdf_bytes(RESUME_LINES)[:400])
    return path, (
        f"{path} is not a valid PDF (corrupt or truncated); re-export it from the "
        "original program or save it as text."
    )


def _not_zip(tmp_path: Path) -> tuple[Path, str]:
    path = write_bytes(tmp_path, "fake.docx", b"\x01\x02 this is not a zip \x00\x03")
    return path, (
        f"{path} is not a valid .docx file (not a zip archive); re-save it from Word "
        "or save it as text."
    )


def _corrupt_docx(tmp_path: Path) -> tuple[Path, str]:
    members = {"word/document.xml": "<w:document", "[Content_Types].xml": "<"}
    path = make_zip(tmp_path, members, name="corrupt.docx")
    return path, (
        f"{path} is a corrupt .docx file (its document.xml cannot be read); re-save "
        "it from Word or save it as text."
    )


def _other_zip(tmp_path: Path) -> tuple[Path, str]:
    path = make_zip(tmp_path, {"notes.txt": "hello"}, name="notes.docx")
    return path, (
        f"{path} is a zip archive but not a Word document (no word/document.xml); "
        "save the resume as .docx, .pdf or .txt."
    )


def _bomb(tmp_path: Path) -> tuple[Path, str]:
    path = make_zip_bomb(tmp_path)
    return path, (
        f"{path} unpacks to 60 MB; the limit is 50 MB. Re-save it without embedded "
        "media, or save it as text."
    )


# every input error, as a builder of (real file, exact message)
ERROR_CASES = {
    "missing": _missing,
    "folder": _folder,
    "empty": _empty,
    "whitespace-only": _blank,
    "binary": _binary,
    "image": _image,
    "file-too-big": _big,
    "text-too-long": _long_text,
    "too-many-lines": _many_lines,
    "too-many-pages": _pages,
    "encrypted-pdf": _encrypted,
    "scanned-pdf": _scanned,
    "corrupt-pdf": _corrupt_pdf,
    "docx-not-zip": _not_zip,
    "corrupt-docx": _corrupt_docx,
    "zip-not-docx": _other_zip,
    "zip-bomb": _bomb,
}


class TestLimits:
    @pytest.mark.parametrize("case", list(ERROR_CASES))
    def test_error_message(self, tmp_path: Path, case: str) -> None:
        """Each unreadable input raises one InputError whose message starts with the file."""
        path, message = ERROR_CASES[case](tmp_path)
        with pytest.raises(InputError) as caught:
            read_resume(path)
        assert str(caught.value) == message
        assert str(caught.value).startswith(str(path))
        assert "\n" not in str(caught.value)

    @pytest.mark.parametrize("case", list(ERROR_CASES))
    def test_cli_exit_code(self, tmp_path: Path, case: str) -> None:
        """`gapcoach read` prints "Error: <message>" on stderr and exits 1, no traceback."""
        path, message = ERROR_CASES[case](tmp_path)
        result = CliRunner().invoke(app, ["read", str(path)])
        assert result.exit_code == 1
        assert result.stderr == f"Error: {message}\n"
        assert result.stdout == ""

    @pytest.mark.skipif(
        sys.platform == "win32" or os.geteuid() == 0, reason="root reads any file"
    )
    def test_unreadable_file(self, tmp_path: Path) -> None:
        """A file without read permission is reported as such."""
        path = write_bytes(tmp_path, "private.txt", RESUME_TEXT.encode())
        path.chmod(0)
        with pytest.raises(InputError) as caught:
            read_resume(path)
        assert str(caught.value) == (
            f"{path} cannot be read: permission denied; check the file's permissions."
        )

    @pytest.mark.parametrize(("kind", "content"), READERS, ids=list(dict(READERS)))
    @pytest.mark.parametrize(
        ("error", "reason"), OS_ERRORS, ids=["permission", "other"]
    )
    def test_os_errors_are_reported(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        kind: str,
        content: str,
        error: OSError,
        reason: str,
    ) -> None:
        """Every kind of input goes through the one reader: an OS error while opening
        names the file and the reason, in that input's error class (permission: also as
        root, where chmod cannot make a file unreadable)."""
        path = write_bytes(tmp_path, f"input.{kind}", content.encode())
        fail_os_open(monkeypatch, path, error)
        with pytest.raises(GapcoachError) as caught:
            _READ[kind](path)
        quote = _QUOTE[kind]
        assert str(caught.value) == f"{quote}{path}{quote} cannot be read: {reason}"
        assert type(caught.value) is _ERROR[kind]

    def test_empty_text_and_bytes(self) -> None:
        """Empty text and empty bytes are named after their source."""
        with pytest.raises(InputError, match=r"^<text> is empty; "):
            read_resume("   \n ")
        with pytest.raises(InputError, match=r"^<bytes> is empty; "):
            read_resume(b"")

    def test_stdin_via_cli(self) -> None:
        """`gapcoach read -` reads the piped resume."""
        result = CliRunner().invoke(
            app, ["read", "-", "--json"], input=RESUME_TEXT, catch_exceptions=False
        )
        assert result.exit_code == 0
        assert '"current_title": "Call Center Supervisor"' in result.stdout

    def test_zip_bomb_checked_before_unpacking(self, tmp_path: Path) -> None:
        """The bomb is refused from the zip directory: nothing is decompressed."""
        path = make_zip_bomb(tmp_path, megabytes=60)
        with zipfile.ZipFile(path) as archive:
            declared = sum(info.file_size for info in archive.infolist())
        assert declared > 50 * 1024 * 1024
        started = time.perf_counter()
        with pytest.raises(InputError):
            read_resume(path)
        assert time.perf_counter() - started < 0.5
