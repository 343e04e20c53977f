"""
Outputs are safe: checked before any work, written atomically, never over an input; one
bad person is one error row; worker processes die with their parent.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import EXAMPLES, run_gapcoach
from typer.testing import CliRunner

from gapcoach import OutputError
from gapcoach.cli import app
from gapcoach.output import atomic_output, check_output

AGENT = EXAMPLES / "resumes" / "agent.txt"
SUPERVISOR = EXAMPLES / "resumes" / "supervisor.txt"
ROLE = "call-center-operations-manager"


def _gapcoach(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return run_gapcoach(*args, cwd=cwd, timeout=120)


def _one_error(result, *words: str) -> None:
    assert result.returncode == 1, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    for word in words:
        assert word in lines[0]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two resumes and an existing output, in one folder."""
    shutil.copy(AGENT, tmp_path / "agent.txt")
    shutil.copy(SUPERVISOR, tmp_path / "supervisor.txt")
    (tmp_path / "team.jsonl").write_text("previous output\n")
    return tmp_path


class TestNothingIsLost:
    """A failing run leaves every existing file as it was."""

    def test_bad_role_keeps_the_previous_batch_output(self, folder: Path) -> None:
        """A typo in --role used to leave the output at 0 bytes."""
        result = _gapcoach(
            "batch", "agent.txt", "--role", "nope", "-o", "team.jsonl", cwd=folder
        )
        _one_error(result, "Unknown role 'nope'")
        assert (folder / "team.jsonl").read_text() == "previous output\n"

    def test_missing_taxonomy_keeps_the_previous_batch_output(
        self, folder: Path
    ) -> None:
        """A missing --taxonomy is refused before the output is touched."""
        result = _gapcoach(
            "batch",
            "agent.txt",
            "--taxonomy",
            "none.yaml",
            "-o",
            "team.jsonl",
            cwd=folder,
        )
        assert result.returncode == 1
        assert (folder / "team.jsonl").read_text() == "previous output\n"

    def test_batch_refuses_to_write_over_an_input(self, folder: Path) -> None:
        """`batch agent.txt supervisor.txt -o supervisor.txt` no longer destroys an input."""
        before = (folder / "supervisor.txt").read_bytes()
        result = _gapcoach(
            "batch",
            "agent.txt",
            "supervisor.txt",
            "-o",
            "supervisor.txt",
            "--format",
            "jsonl",
            cwd=folder,
        )
        _one_error(result, "also an input")
        assert (folder / "supervisor.txt").read_bytes() == before

    def test_assess_refuses_to_write_over_the_resume(self, folder: Path) -> None:
        """`assess R.txt -f md -o R.txt` keeps the resume."""
        before = (folder / "agent.txt").read_bytes()
        result = _gapcoach(
            "assess", "agent.txt", "-f", "md", "-o", "agent.txt", cwd=folder
        )
        _one_error(result, "also an input")
        assert (folder / "agent.txt").read_bytes() == before

    def test_assess_refuses_a_path_spelled_differently(self, folder: Path) -> None:
        """'./sub/../agent.txt' is the same file as 'agent.txt'."""
        (folder / "sub").mkdir()
        result = _gapcoach(
            "assess", "agent.txt", "-f", "json", "-o", "./sub/../agent.txt", cwd=folder
        )
        _one_error(result, "also an input")

    def test_taxonomy_build_refuses_to_write_over_the_guide(
        self, tmp_path: Path
    ) -> None:
        """The guide is an input of `taxonomy build`."""
        from helpers import FIXTURES

        guide = tmp_path / "guide.txt"
        shutil.copy(FIXTURES / "guides" / "workforce-planning-manager.txt", guide)
        before = guide.read_bytes()
        result = _gapcoach("taxonomy", "build", str(guide), "-o", str(guide))
        _one_error(result, "also an input")
        assert guide.read_bytes() == before

    def test_an_error_while_writing_keeps_the_old_file(self, tmp_path: Path) -> None:
        """An exception inside atomic_output leaves the previous content and no temp file."""
        target = tmp_path / "report.json"
        target.write_text("old")

        def write_half() -> None:
            with atomic_output(target) as handle:
                handle.write("half of the new")
                raise RuntimeError("stopped halfway")

        with pytest.raises(RuntimeError):
            write_half()
        assert target.read_text() == "old"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]

    def test_the_file_mode_is_kept(self, tmp_path: Path) -> None:
        """Replacing a file keeps its permissions; a new file gets the umask's."""
        target = tmp_path / "report.json"
        target.write_text("old")
        target.chmod(0o640)
        with atomic_output(target) as handle:
            handle.write("new")
        assert target.read_text() == "new"
        assert target.stat().st_mode & 0o777 == 0o640

    @pytest.mark.slow
    def test_kill_9_during_a_batch_keeps_the_previous_output(
        self, folder: Path
    ) -> None:
        """A batch killed halfway leaves the previous output whole, never a partial file."""
        inputs = folder / "many"
        inputs.mkdir()
        for index in range(300):
            shutil.copy(AGENT, inputs / f"agent-{index:03d}.txt")
        executable = shutil.which("gapcoach")
        command = [executable] if executable else [sys.executable, "-m", "gapcoach"]
        process = subprocess.Popen(
            [*command, "batch", "many", "-o", "team.jsonl"],
            cwd=folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        assert _wait_until_writing(folder, process), "the batch never started writing"
        time.sleep(0.5)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        assert (folder / "team.jsonl").read_text() == "previous output\n"


class TestConcurrentBatches:
    """Two batches on one output: the last to finish wins, whole."""

    @pytest.mark.slow
    def test_two_batches_leave_one_whole_file(self, folder: Path) -> None:
        """A long batch is writing when a short one starts on the same output: the result
        is one batch's complete output, every line of it parsing."""
        executable = shutil.which("gapcoach")
        command = [executable] if executable else [sys.executable, "-m", "gapcoach"]

        def start(name: str, copies: int) -> subprocess.Popen[bytes]:
            return subprocess.Popen(
                [*command, "batch", *[name] * copies, "-o", "team.jsonl"],
                cwd=folder,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )

        long = start("agent.txt", 60)
        _wait_until_writing(folder, long)
        short = start("supervisor.txt", 3)
        assert [long.wait(timeout=300), short.wait(timeout=300)] == [0, 0]
        lines = (folder / "team.jsonl").read_text().splitlines()
        files = [json.loads(line)["input"]["file"] for line in lines]
        assert files in (["agent.txt"] * 60, ["supervisor.txt"] * 3)


def _wait_until_writing(
    folder: Path, process: subprocess.Popen[bytes], seconds: float = 60
) -> bool:
    """
    Wait until a batch writing team.jsonl has begun: its temporary file exists or the
    output has changed (whatever way a version writes), or the process has ended.
    """
    output = folder / "team.jsonl"
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        if list(folder.glob(".team.jsonl.*")) or output.read_bytes() not in (
            b"previous output\n",
            b"",
        ):
            return True
        time.sleep(0.05)
    return False


class TestOutputErrors:
    """Every unwritable output is one Error line, checked before the work starts."""

    @pytest.mark.parametrize(
        ("output", "word"),
        [
            ("{tmp}", "is a folder"),
            ("{tmp}/missing/x.json", "does not exist"),
            ("/dev/full", "not a regular file"),
        ],
    )
    @pytest.mark.parametrize("command", ["assess", "batch", "build"])
    def test_unwritable_output(
        self, tmp_path: Path, command: str, output: str, word: str
    ) -> None:
        """A folder, a missing folder or a device as -o ends with one Error line."""
        from helpers import FIXTURES

        target = output.format(tmp_path=tmp_path, tmp=tmp_path)
        args = {
            "assess": ["assess", str(AGENT), "-f", "json", "-o", target],
            "batch": ["batch", str(AGENT), "--format", "jsonl", "-o", target],
            "build": [
                "taxonomy",
                "build",
                str(FIXTURES / "guides" / "workforce-planning-manager.txt"),
                "-o",
                target,
            ],
        }[command]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 1, result.output
        assert result.stderr.startswith("Error: ")
        assert word in result.stderr
        assert "Traceback" not in result.stderr

    def test_read_only_folder(self, tmp_path: Path) -> None:
        """A folder without write permission is named in the error (skipped as root)."""
        if os.geteuid() == 0:
            pytest.skip("root writes anywhere")
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o500)
        with pytest.raises(OutputError, match="not writable"):
            check_output(folder / "x.json")

    def test_read_only_file(self, tmp_path: Path) -> None:
        """A read-only output file is refused, not silently replaced (skipped as root)."""
        if os.geteuid() == 0:
            pytest.skip("root writes anywhere")
        target = tmp_path / "report.json"
        target.write_text("old")
        target.chmod(0o444)
        with pytest.raises(OutputError, match="read-only"):
            check_output(target)

    def test_full_disk_while_writing(self, tmp_path: Path) -> None:
        """ENOSPC inside the block becomes an OutputError and the old file stays."""
        import errno

        target = tmp_path / "report.json"
        target.write_text("old")
        with pytest.raises(OutputError, match="No space left"), atomic_output(target):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        assert target.read_text() == "old"


class TestOneBadPerson:
    """Any failure of one input is that input's error row; the batch goes on."""

    def test_deep_json_ratings_is_one_error_row(self, folder: Path) -> None:
        """A ratings file that blows the parser's recursion fails alone."""
        ratings = folder / "ratings"
        ratings.mkdir()
        (ratings / "agent.json").write_text("[" * 100_000 + "]" * 100_000)
        result = _gapcoach(
            "batch",
            "agent.txt",
            "supervisor.txt",
            "--ratings-dir",
            "ratings",
            "-o",
            "team.jsonl",
            cwd=folder,
        )
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        rows = [
            json.loads(line)
            for line in (folder / "team.jsonl").read_text().splitlines()
        ]
        assert len(rows) == 2
        assert "error" in rows[0]
        assert rows[1]["input"]["file"] == "supervisor.txt"


class TestOrphans:
    """Worker processes exit when the batch's own process is killed."""

    @staticmethod
    def _children(pid: int) -> set[int]:
        found: set[int] = set()
        for task in Path(f"/proc/{pid}/task").glob("*"):
            children = (task / "children").read_text().split()
            found.update(int(child) for child in children)
        return found

    @pytest.mark.slow
    @pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
    def test_workers_exit_after_kill_9(self, folder: Path) -> None:
        """After kill -9 of the parent, every --jobs worker is gone within seconds."""
        inputs = folder / "many"
        inputs.mkdir()
        for index in range(400):
            shutil.copy(AGENT, inputs / f"agent-{index:03d}.txt")
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gapcoach",
                "batch",
                "many",
                "-o",
                "t.jsonl",
                "-j",
                "2",
            ],
            cwd=folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        workers: set[int] = set()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(workers) < 2:
            workers = self._children(process.pid)
            time.sleep(0.1)
        assert len(workers) >= 2, "the pool never started"
        time.sleep(1.0)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        deadline = time.monotonic() + 15
        alive = set(workers)
        while alive and time.monotonic() < deadline:
            alive = {
                pid
                for pid in alive
                if Path(f"/proc/{pid}").exists() and not _zombie(pid)
            }
            time.sleep(0.2)
        assert alive == set()


def _zombie(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return True
    return "State:\tZ" in status


runner = CliRunner()


class TestOneScalePerView:
    """Issue 16 point 12: every report view speaks levels 0-4, never 1-5 stars."""

    RATINGS = EXAMPLES / "ratings" / "supervisor-ratings.yaml"  # a stars file

    @pytest.mark.parametrize("view", ["txt", "md", "html", "json"])
    def test_star_ratings_show_as_levels(self, view: str, tmp_path: Path) -> None:
        """A stars file's 4 shows as "self-rated 3 (owned with results)", never "4/5"."""
        out = tmp_path / f"report.{view}"
        result = runner.invoke(
            app,
            [
                "assess",
                str(EXAMPLES / "resumes" / "supervisor.txt"),
                "--ratings",
                str(self.RATINGS),
                "-o",
                str(out),
            ],
        )
        assert result.exit_code == 0, result.stderr
        text = out.read_text(encoding="utf-8")
        assert "/5 stars" not in text
        assert "/4" not in text
        if view == "json":
            report = json.loads(text)
            rated = [
                e["text"]
                for role in report["assessments"]
                for s in role["skills"]
                for e in s["evidence"]
                if e["method"] == "rating"
            ]
            assert "self-rated 3 (owned with results)" in rated
            assert all(t.startswith("self-rated ") for t in rated)
        else:
            flat = " ".join(text.split())
            assert "Levels 0-4: 0 none · 1 mentioned · 2 applied" in flat

    def test_skills_targets_are_levels_with_their_names(self) -> None:
        """`gapcoach skills` shows "3 (owned with results)" and the legend, not "3/4"."""
        result = runner.invoke(app, ["skills", "call-center-operations-manager"])
        assert result.exit_code == 0, result.stderr
        assert "3 (owned with results)" in result.stdout
        assert "/4" not in result.stdout
        assert "Levels 0-4:" in result.stdout

    def test_terminal_header_names_the_person(self) -> None:
        """The terminal report opens with the person's name from the resume."""
        result = runner.invoke(
            app, ["assess", str(EXAMPLES / "resumes" / "supervisor.txt")]
        )
        assert "Renata Vasquez-Holm · supervisor.txt" in result.stdout
