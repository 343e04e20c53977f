"""
Hostile input: every case ends fast with exit 1 and one `Error: ...` line, never a
traceback, a hang or a blown memory. The heavy cases run the installed entry point in a
subprocess with a time limit and an address-space limit.
"""

import copy
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from helpers import EXAMPLES, fail_os_open, run_gapcoach
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from gapcoach import Assessor, GapcoachError
from gapcoach.ingest import read_resume
from gapcoach.taxonomy import default_skills_dir

SUPERVISOR = EXAMPLES / "resumes" / "supervisor.txt"
ROLE = "call-center-operations-manager"
MEMORY_LIMIT = 1 << 30  # 1 GiB of address space for the child process


def _gapcoach(*args: str) -> subprocess.CompletedProcess[str]:
    return run_gapcoach(*args, timeout=10, memory_bytes=MEMORY_LIMIT)


def _assert_one_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0]


def _pdf(pages: int, text: str | None = "Call center supervisor") -> bytes:
    from fpdf import FPDF

    document = FPDF()
    document.set_font("Helvetica", size=11)
    for _ in range(pages):
        document.add_page()
        if text:
            document.cell(text=text)
    return bytes(document.output())


def _resume_case(tmp_path: Path, name: str) -> Path:
    """Build one hostile resume file by name."""
    path = tmp_path / "resume.txt"
    if name == "empty":
        path.write_bytes(b"")
    elif name == "whitespace":
        path.write_text(" \n\t\n   \n")
    elif name == "random-binary":
        path.write_bytes(bytes((i * 97 + 13) % 256 for i in range(4096)))
    elif name == "nul-bytes":
        path.write_bytes(b"Call center supervisor\x00\x00\x00 coached agents\n" * 20)
    elif name == "invalid-utf8":
        path.write_bytes(b"\xc3\x28\xa0\xa1\xe2\x28\xa1\x80\x81" * 2000)
    elif name == "50mb-text":
        with path.open("w") as handle:
            line = "Coached agents and handled escalations in a busy call center.\n"
            for _ in range(50_000_000 // len(line)):
                handle.write(line)
    elif name == "2000-page-pdf":
        path = tmp_path / "resume.pdf"
        from pypdf import PdfWriter

        writer = PdfWriter()
        for _ in range(2000):
            writer.add_blank_page(width=200, height=200)
        with path.open("wb") as handle:
            writer.write(handle)
    elif name == "encrypted-pdf":
        path = tmp_path / "resume.pdf"
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf(1))))
        writer.encrypt(user_password="secret", algorithm="RC4-128")
        with path.open("wb") as handle:
            writer.write(handle)
    elif name == "corrupt-pdf":
        path = tmp_path / "resume.pdf"
        path.write_bytes(b"%PDF-1.7\n" + b"\x8f garbage stream " * 200)
    elif name == "docx-not-zip":
        path = tmp_path / "resume.docx"
        path.write_text("this is not a zip archive at all")
    elif name == "docx-zip-bomb":
        path = tmp_path / "resume.docx"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            with archive.open("word/document.xml", "w", force_zip64=True) as member:
                chunk = b"\0" * (1 << 20)
                for _ in range(300):  # 300 MB of zeros inflate from ~300 KB
                    member.write(chunk)
    elif name == "folder":
        path = tmp_path / "a-folder"
        path.mkdir()
    elif name == "missing":
        path = tmp_path / "no-such-resume.pdf"
    return path


RESUME_CASES = {
    "empty": "empty",
    "whitespace": "empty",
    "random-binary": "binary",
    "nul-bytes": "binary",
    "invalid-utf8": "no readable words",
    "50mb-text": "the limit is 10 MB",
    "2000-page-pdf": "pages",
    "encrypted-pdf": "encrypted",
    "corrupt-pdf": "",
    "docx-not-zip": "",
    "docx-zip-bomb": "",
    "folder": "folder",
    "missing": "does not exist",
}


@pytest.mark.slow
@pytest.mark.parametrize(("case", "word"), RESUME_CASES.items(), ids=list(RESUME_CASES))
def test_hostile_resume(tmp_path: Path, case: str, word: str) -> None:
    """Each broken resume ends within 10 s, in bounded memory, with one Error line."""
    path = _resume_case(tmp_path, case)
    result = _gapcoach("assess", str(path), "--role", ROLE)
    _assert_one_error(result, *([word] if word else []))


def _ratings(tmp_path: Path, text: str, name: str = "ratings.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def _alias_bomb() -> str:
    """The 'billion laughs' in YAML: nine levels of nine aliases each (about 500 bytes),
    every anchor inside ``role:`` (top-level keys of their own would be refused as
    unknown before the bomb is reached)."""
    levels = ['&a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 9):
        levels.append(f"&a{level} [" + ",".join([f"*a{level - 1}"] * 9) + "]")
    return "role: [" + ", ".join(levels) + "]\nratings: {}\n"


RATINGS_CASES = {
    "python-object-tag": (
        "ratings:\n  workforce-management-wfm-software: !!python/object/apply:os.system "
        "['echo pwned']\n",
        "",
    ),
    "wrong-type": (
        "ratings:\n  workforce-management-wfm-software: excellent\n",
        "line 2",
    ),
    "out-of-range": (
        "scale: stars\nratings:\n  workforce-management-wfm-software: 9\n",
        "line 3",
    ),
    "ten-thousand-entries": (
        "ratings:\n" + "".join(f"  made-up-skill-{i}: 3\n" for i in range(10_000)),
        "more than 500 ratings",
    ),
    "not-a-mapping": ("- just\n- a\n- list\n", ""),
    "yaml-alias-bomb": (_alias_bomb(), "anchor or alias"),
    "yaml-deep-flow": (
        "ratings: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "nests deeper",
    ),
    "yaml-deep-block": (
        "ratings:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 1200)),
        "nest",
    ),
    "json-deep": ("[" * 100_000 + "]" * 100_000, "nests deeper"),
    "csv-huge-field": ("skill,rating\n" + "x" * 200_000 + ",3\n", "line 2"),
}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("case", "content"), RATINGS_CASES.items(), ids=list(RATINGS_CASES)
)
def test_hostile_ratings(tmp_path: Path, case: str, content: tuple[str, str]) -> None:
    """Each broken ratings file is refused with one Error line (safe loading only)."""
    text, word = content
    marker = tmp_path / "pwned"
    text = text.replace("echo pwned", f"touch {marker}")
    suffix = {"json-deep": ".json", "csv-huge-field": ".csv"}.get(case, ".yaml")
    result = _gapcoach(
        "assess",
        "--ratings",
        str(_ratings(tmp_path, text, f"ratings{suffix}")),
        "--role",
        ROLE,
    )
    _assert_one_error(result, *([word] if word else []))
    assert not marker.exists()


def _string_bomb(data: dict) -> None:
    """A long summary and no trends: the trends become 20,000 aliases of the summary."""
    data["summary"] = "x" * 50_000
    data["trends"] = []


def _taxonomy_bomb(tmp_path: Path) -> Path:
    """One string referenced by 20,000 aliases (a 1.2 MB file, gigabytes in memory)."""
    path = _taxonomy(tmp_path, _string_bomb)
    text = path.read_text().replace("summary: ", "summary: &s ", 1)
    assert "trends: []\n" in text
    text = text.replace("trends: []\n", "trends:\n" + "- *s\n" * 20_000, 1)
    path.write_text(text)
    return path


@pytest.mark.slow
@pytest.mark.parametrize("command", ["validate", "assess"])
def test_taxonomy_alias_bomb(tmp_path: Path, command: str) -> None:
    """A taxonomy with one string aliased 20,000 times is refused by validate and assess."""
    path = _taxonomy_bomb(tmp_path)
    assert path.read_text().count("*s") == 20_000
    args = (
        ["taxonomy", "validate", str(path)]
        if command == "validate"
        else ["assess", str(SUPERVISOR), "--taxonomy", str(path)]
    )
    _assert_one_error(_gapcoach(*args), "anchor or alias")


def _fifo(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    os.mkfifo(path)
    return path


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("kind", ["resume", "ratings", "guide", "taxonomy"])
def test_fifo_inputs_are_refused_not_waited_on(tmp_path: Path, kind: str) -> None:
    """A FIFO as resume, ratings, guide or taxonomy is one Error line, never a hang."""
    fifo = _fifo(
        tmp_path, {"ratings": "r.yaml", "taxonomy": "t.yaml"}.get(kind, "x.txt")
    )
    args = {
        "resume": ["assess", str(fifo)],
        "ratings": ["assess", "--ratings", str(fifo), "--role", ROLE],
        "guide": ["taxonomy", "build", str(fifo)],
        "taxonomy": ["taxonomy", "validate", str(fifo)],
    }[kind]
    result = _gapcoach(*args)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_in_a_batch_folder_is_one_error_row(tmp_path: Path) -> None:
    """A FIFO among the resumes of a folder fails alone; the batch finishes."""
    folder = tmp_path / "team"
    folder.mkdir()
    shutil.copy(SUPERVISOR, folder / "a.txt")
    _fifo(folder, "b.txt")
    result = _gapcoach("batch", str(folder), "-o", str(tmp_path / "t.jsonl"))
    assert result.returncode == 1
    rows = (tmp_path / "t.jsonl").read_text().splitlines()
    assert len(rows) == 2
    assert "not a regular file" in json.loads(rows[1])["error"]


@pytest.mark.slow
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_refused(device: str) -> None:
    """Unbounded devices as a guide or a resume are refused before any read."""
    if not Path(device).exists():
        pytest.skip(f"{device} is absent")
    for args in (["taxonomy", "build", device], ["assess", device]):
        _assert_one_error(_gapcoach(*args), "not a regular file")


def _taxonomy(tmp_path: Path, mutate) -> Path:
    data = yaml.safe_load((default_skills_dir() / f"{ROLE}.yaml").read_text())
    mutate(data)
    path = tmp_path / "taxonomy.yaml"
    path.write_text(yaml.safe_dump(data))
    return path


def _cycle(data: dict) -> None:
    first, second = data["skills"][0], data["skills"][1]
    first["prerequisites"] = [second["id"]]
    second["prerequisites"] = [first["id"]]


TAXONOMY_CASES = {
    "missing-field": (lambda d: d["skills"][0].pop("name"), "skills.0.name"),
    "duplicate-skill-id": (
        lambda d: d["skills"].append(copy.deepcopy(d["skills"][0])),
        "duplicate skill id",
    ),
    "prerequisite-cycle": (_cycle, "cycle"),
}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("case", "content"), TAXONOMY_CASES.items(), ids=list(TAXONOMY_CASES)
)
def test_hostile_taxonomy(tmp_path: Path, case: str, content: tuple) -> None:
    """Each broken taxonomy file is refused with one Error line naming the problem."""
    mutate, word = content
    result = _gapcoach(
        "assess", str(SUPERVISOR), "--taxonomy", str(_taxonomy(tmp_path, mutate))
    )
    _assert_one_error(result, word)


@pytest.fixture(scope="module")
def assessor() -> Assessor:
    """One fitted Assessor."""
    return Assessor()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=3000))
def test_arbitrary_text_raises_only_gapcoach_errors(
    assessor: Assessor, text: str
) -> None:
    """read_resume + assess on any text either works or raises GapcoachError."""
    assume(text != "-")  # "-" means "read stdin" by contract
    try:
        report = assessor.assess(read_resume(text))
    except GapcoachError:
        return
    for item in report.assessments:
        assert 0 <= item.readiness <= 100


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=4000))
def test_arbitrary_bytes_raise_only_gapcoach_errors(
    assessor: Assessor, data: bytes
) -> None:
    """Any bytes, sniffed as any format, either work or raise GapcoachError."""
    try:
        assessor.assess(read_resume(data))
    except GapcoachError:
        return


def test_no_network_is_used_during_an_assessment() -> None:
    """An assessment imports no network client and opens no connection or DNS lookup.

    socket and ssl themselves are imported by the standard library (email.utils,
    asyncio via pydantic); what matters is that nothing connects or resolves a name.
    """
    code = (
        "import json, socket, sys\n"
        "calls = []\n"
        "def refuse(*args, **kwargs):\n"
        "    calls.append(repr(args)[:80])\n"
        "    raise OSError('network disabled by the test')\n"
        "socket.socket.connect = refuse\n"
        "socket.socket.connect_ex = refuse\n"
        "socket.create_connection = refuse\n"
        "socket.getaddrinfo = refuse\n"
        "import pathlib, gapcoach\n"
        f"report = gapcoach.assess(pathlib.Path({str(SUPERVISOR)!r}))\n"
        "print(json.dumps({'calls': calls, 'modules': sorted(sys.modules),"
        " 'roles': len(report.assessments)}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    assert seen["roles"] == 2
    assert seen["calls"] == []
    clients = {
        "http.client",
        "urllib.request",
        "requests",
        "httpx",
        "urllib3",
        "aiohttp",
        "ftplib",
        "smtplib",
    }
    assert not set(seen["modules"]) & clients


def test_assessment_writes_nothing_but_the_chosen_output(tmp_path: Path) -> None:
    """A run with -o creates exactly that file in the working folder, nothing else."""
    out = tmp_path / "report.json"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "gapcoach",
            "assess",
            str(SUPERVISOR),
            "-f",
            "json",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_unreadable_resume(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file the user may not read: exit 1 and one Error line (root reads anything,
    so the permission error is raised where the file is opened)."""
    from typer.testing import CliRunner

    from gapcoach.cli import app

    path = tmp_path / "locked.txt"
    path.write_text("Call center supervisor")
    fail_os_open(monkeypatch, path, PermissionError(13, "Permission denied", str(path)))
    path.chmod(0)
    result = CliRunner().invoke(app, ["assess", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.strip() == (
        f"Error: {path} cannot be read: permission denied; check the file's permissions."
    )


@pytest.mark.slow
def test_glob_through_self_referencing_links_ends(tmp_path: Path) -> None:
    """`batch 'd/**/*.txt'` with two links back to parents lists each file once."""
    folder = tmp_path / "d"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SUPERVISOR, folder / "a.txt")
    shutil.copy(SUPERVISOR, folder / "sub" / "b.txt")
    (folder / "loop").symlink_to(".")
    (folder / "sub" / "up").symlink_to("..")
    result = _gapcoach(
        "batch",
        f"{folder}/**/*.txt",
        "--format",
        "jsonl",
        "-o",
        str(tmp_path / "t.jsonl"),
    )
    assert result.returncode == 0, result.stderr
    rows = [
        json.loads(line) for line in (tmp_path / "t.jsonl").read_text().splitlines()
    ]
    assert [row["input"]["file"] for row in rows] == ["a.txt", "b.txt"]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("d/*.txt", ["d/a.txt"]),
        ("d/**/*.txt", ["d/a.txt", "d/sub/b.txt", "d/sub/deeper/c.txt"]),
        ("d/s?b/*.txt", ["d/sub/b.txt"]),
        ("d/**/[bc].txt", ["d/sub/b.txt", "d/sub/deeper/c.txt"]),
        ("d/**/[!b].txt", ["d/a.txt", "d/sub/deeper/c.txt"]),
    ],
)
def test_glob_patterns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pattern: str, expected: list[str]
) -> None:
    """*, ?, [...] stay within one name; ** spans any folders, or none."""
    from gapcoach.batch import expand_inputs

    for name in ("d/a.txt", "d/sub/b.txt", "d/sub/deeper/c.txt", "d/sub/b.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    monkeypatch.chdir(tmp_path)
    assert [path.as_posix() for path in expand_inputs([pattern])] == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ["assess", str(SUPERVISOR), "-f", "json"],
        ["assess", str(SUPERVISOR), "-f", "md"],
        ["assess", str(SUPERVISOR), "-f", "html"],
        ["assess", str(SUPERVISOR)],
        ["roles", "--json"],
    ],
    ids=["json", "md", "html", "rich", "roles"],
)
def test_stdout_to_a_full_device(args: list[str]) -> None:
    """`> /dev/full` ends with one Error line and exit 1, not a traceback."""
    if not Path("/dev/full").exists():
        pytest.skip("/dev/full is absent")
    executable = shutil.which("gapcoach")
    command = [executable] if executable else [sys.executable, "-m", "gapcoach"]
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [*command, *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Error: cannot write to standard output: No space left on device. "
        "Use -o FILE instead."
    ]


def test_unreadable_batch_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder that cannot be listed is one Error line (simulated: root lists anything)."""
    from typer.testing import CliRunner

    from gapcoach.cli import app

    folder = tmp_path / "locked"
    folder.mkdir()
    original = Path.iterdir

    def refuse(self: Path):
        if self.name == "locked":
            raise PermissionError(13, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "iterdir", refuse)
    result = CliRunner().invoke(
        app, ["batch", str(folder), "-o", str(tmp_path / "t.csv")]
    )
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"Error: The folder '{folder}' cannot be read: Permission denied; "
        "check its permissions."
    )


def _chain(data: dict) -> None:
    """3,000 skills, each the prerequisite of the one before: a deep chain."""
    base = data["skills"][0]
    data["skills"] = []
    for index in range(3000):
        skill = copy.deepcopy(base)
        skill.update(
            id=f"s{index}",
            name=f"Skill number {index}",
            aliases=[f"skill number {index}"],
            acronyms=[],
            prerequisites=[f"s{index + 1}"] if index < 2999 else [],
        )
        data["skills"].append(skill)


def _first_skill(**changes: object):
    def mutate(data: dict) -> None:
        data["skills"][0].update(changes)

    return mutate


VALIDATION_CASES = {
    "prerequisite-chain": (_chain, "a chain of 3000 prerequisites"),
    "no-skills": (lambda d: d.update(skills=[]), "skills"),
    "infinite-weight": (_first_skill(weight=float("inf")), "weight"),
    "nan-weight": (_first_skill(weight=float("nan")), "weight"),
    "no-sources": (_first_skill(sources=[]), "sources"),
    "empty-id": (_first_skill(id=""), "id"),
    "no-source-lines": (
        _first_skill(sources=[{"section": "Technical Skills", "lines": []}]),
        "lines",
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("case", "content"), VALIDATION_CASES.items(), ids=list(VALIDATION_CASES)
)
@pytest.mark.parametrize("command", ["validate", "assess"])
def test_validation_refuses_what_assessment_cannot_use(
    tmp_path: Path, case: str, content: tuple, command: str
) -> None:
    """`taxonomy validate` and `assess` refuse the same broken taxonomy with one Error."""
    mutate, word = content
    path = _taxonomy(tmp_path, mutate)
    args = (
        ["taxonomy", "validate", str(path)]
        if command == "validate"
        else ["assess", str(SUPERVISOR), "--taxonomy", str(path), "-f", "json"]
    )
    _assert_one_error(_gapcoach(*args), word)


class TestBuilderWritesWhatItCanLoad:
    """The builder never writes a taxonomy that loading then refuses."""

    @staticmethod
    def _guide(tmp_path: Path, replace: dict[str, str]) -> Path:
        from helpers import FIXTURES

        text = (FIXTURES / "guides" / "workforce-planning-manager.txt").read_text()
        for old, new in replace.items():
            assert old in text, old
            text = text.replace(old, new, 1)
        path = tmp_path / "guide.txt"
        path.write_text(text, encoding="utf-8")
        return path

    @staticmethod
    def _bullets(path: Path) -> list[str]:
        """The guide's skill bullets (under "Technical Skills"), which become skills."""
        lines = path.read_text().splitlines()
        start = lines.index("Technical Skills")
        return [line for line in lines[start:] if line.startswith("- ")]

    def _build_and_load(self, tmp_path: Path, guide: Path):
        from gapcoach.taxonomy import build_taxonomy, dump_taxonomy, load_taxonomy

        built = build_taxonomy(guide, use_lexicon=False)
        out = tmp_path / "built.yaml"
        out.write_text(dump_taxonomy(built), encoding="utf-8")
        return built, load_taxonomy(out)

    def test_duplicate_skill_names(self, tmp_path: Path) -> None:
        """A guide naming one skill twice builds distinct ids that load."""
        probe = self._guide(tmp_path, {})
        first = self._bullets(probe)[0]
        reference, _ = self._build_and_load(tmp_path, probe)
        guide = self._guide(tmp_path, {first: first + "\n" + first})
        built, loaded = self._build_and_load(tmp_path, guide)
        ids = [skill.id for skill in loaded.skills]
        assert len(ids) == len(set(ids))
        assert len(built.skills) == len(loaded.skills) == len(reference.skills) + 1

    @pytest.mark.parametrize(
        "name", ["Управление персоналом", "人员管理", "إدارة الفريق"]
    )
    def test_non_latin_skill_names(self, tmp_path: Path, name: str) -> None:
        """A skill named without Latin letters gets a stable, non-empty id."""
        probe = self._guide(tmp_path, {})
        first = self._bullets(probe)[0]
        guide = self._guide(tmp_path, {first: f"- {name}: {name}"})
        built, loaded = self._build_and_load(tmp_path, guide)
        assert name in [skill.name for skill in loaded.skills]
        assert all(skill.id for skill in loaded.skills)
        again, _ = self._build_and_load(tmp_path, guide)
        assert [s.id for s in again.skills] == [s.id for s in built.skills]

    def test_line_separator_inside_a_bullet(self, tmp_path: Path) -> None:
        """U+2028 inside a bullet neither cuts the list nor shifts later line numbers."""
        plain = self._guide(tmp_path, {})
        first = self._bullets(plain)[0]
        reference, _ = self._build_and_load(tmp_path, plain)
        guide = self._guide(tmp_path, {first: first.replace(" ", " \u2028", 1)})
        built, _ = self._build_and_load(tmp_path, guide)
        assert len(built.skills) == len(reference.skills)
        assert [s.sources for s in built.skills] == [
            s.sources for s in reference.skills
        ]


class TestLibraryInputs:
    """The library takes what a user would pass it."""

    def test_taxonomy_as_a_string_path(self) -> None:
        """Assessor(taxonomy='path/to/role.yaml') works like a Path."""
        path = default_skills_dir() / f"{ROLE}.yaml"
        report = Assessor(taxonomy=str(path)).assess(SUPERVISOR)
        assert [a.role_id for a in report.assessments] == [ROLE]

    def test_taxonomy_of_a_wrong_type(self) -> None:
        """Anything else is a TypeError naming the type."""
        with pytest.raises(TypeError, match="not int"):
            Assessor(taxonomy=3)  # type: ignore[arg-type]

    def test_lone_surrogates_never_break_the_json(self, tmp_path: Path) -> None:
        """Text and a file name with lone surrogates still give a JSON report."""
        from gapcoach.render import render_json

        report = Assessor().assess(
            "Jane\nCall center agent \ud800\n- Handled calls \udcff\n"
        )
        assert json.loads(render_json(report))
        name = os.fsdecode(b"\xffjane.txt")
        path = tmp_path / name
        shutil.copy(SUPERVISOR, path)
        report = Assessor().assess(path)
        assert json.loads(render_json(report))["input"]["file"] == "\ufffdjane.txt"
