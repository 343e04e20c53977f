"""
Every regex that sees user text is linear in practice: doubling an adversarial input at
most ~2.5x its time (tests/growth.py says how that is measured without flaking), and the
inputs that once hung or took minutes now finish in seconds.
"""

import ast
import contextlib
import importlib
import json
import pkgutil
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from growth import ADVERSARIAL, measure
from helpers import run_gapcoach

import gapcoach
import gapcoach.ratings.parse
import gapcoach.taxonomy.guide
from gapcoach import Assessor, GapcoachError
from gapcoach.ingest import MAX_TEXT_CHARS
from gapcoach.match import SkillMatcher, mention_status
from gapcoach.taxonomy import load_taxonomies

# every module of the package: a pattern added anywhere is timed without editing this list
MODULES = [
    importlib.import_module(info.name)
    for info in pkgutil.walk_packages(gapcoach.__path__, "gapcoach.")
    if info.name != "gapcoach.__main__"
]
PATTERNS = {
    f"{module.__name__}.{name}": value
    for module in MODULES
    for name, value in vars(module).items()
    if isinstance(value, re.Pattern)
}
LIMIT = 1 << 14  # characters; a logical resume line is far shorter


SRC = Path(gapcoach.__file__).parent
RE_CALLS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall",
            "finditer"}  # fmt: skip
# Functions that build patterns from data, each timed by its own test below: the alias
# and certification patterns a matcher fits (escaped taxonomy terms), a guide's escaped
# phrases, and the glob a user types on their own command line.
BUILT_FROM_DATA = {
    "SkillMatcher._index",
    "_certification_pattern",
    "find_mentions",
    "_glob",
}


def _pattern_calls_in_functions() -> list[str]:
    """Every ``re.<call>`` inside a function: a pattern the module scan cannot see."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        owners: dict[ast.AST, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    owners[item] = f"{node.name}."
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            name = owners.get(function, "") + function.name
            for node in ast.walk(function):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "re"
                    and node.func.attr in RE_CALLS
                    and name not in BUILT_FROM_DATA
                ):
                    found.append(f"{path.relative_to(SRC)}:{node.lineno} {name}")
    return found


def test_no_pattern_hides_in_a_function() -> None:
    """Every fixed pattern is a module-level constant, so the scan below times it."""
    assert _pattern_calls_in_functions() == []


def test_the_scan_finds_the_patterns() -> None:
    """The module scan sees the patterns it must (a scan that finds none proves nothing)."""
    assert len(PATTERNS) > 60
    for name in (
        "gapcoach.vocab.claims._RESULT_RE",
        "gapcoach.ingest.header.SEGMENT_SPLIT_RE",
    ):
        assert name in PATTERNS


def test_the_measure_catches_a_quadratic_pattern() -> None:
    """The measurement itself fails a known-quadratic pattern and passes a linear one."""
    quadratic = re.compile(r"\s*x$")
    linear = re.compile(r"(?<!\s)\s*x$")
    assert not measure(quadratic.search, ADVERSARIAL["spaces"], limit=LIMIT).linear
    assert measure(linear.search, ADVERSARIAL["spaces"], limit=LIMIT).linear


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_module_pattern_is_linear(name: str) -> None:
    """findall over each adversarial input grows linearly with the input."""
    pattern = PATTERNS[name]
    slow = {
        kind: measure(pattern.findall, make, limit=LIMIT)
        for kind, make in ADVERSARIAL.items()
    }
    assert {kind: g.ratio for kind, g in slow.items() if not g.linear} == {}


@pytest.fixture(scope="module")
def matcher() -> SkillMatcher:
    """The matcher fitted on the shipped roles (its alias patterns are built in fit)."""
    return SkillMatcher().fit(list(load_taxonomies().values()))


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(ADVERSARIAL))
def test_alias_patterns_are_linear(matcher: SkillMatcher, kind: str) -> None:
    """The fitted alias patterns, tried at every word start, grow linearly."""
    patterns = [*matcher.index_ci_.values(), *matcher.index_cs_.values()]

    def run(text: str) -> None:
        for start in range(0, len(text), 8):
            for pattern in patterns:
                pattern.match(text, start)

    # from 16 characters: an exponential pattern fails within a few doublings
    growth = measure(run, ADVERSARIAL[kind], start=16, limit=1 << 14)
    assert growth.linear, growth


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(ADVERSARIAL))
def test_certification_and_guide_patterns_are_linear(kind: str) -> None:
    """The certification pattern built from the shipped taxonomies (searched in every
    resume line) and a guide's escaped phrases (searched in every guide line) grow
    linearly too."""
    from gapcoach.match.credentials import _certification_pattern
    from gapcoach.taxonomy.guide import GuideLines, find_mentions

    certifications = [c for t in load_taxonomies().values() for c in t.certifications]
    assert certifications
    pattern = _certification_pattern(
        tuple((tuple(c.aliases), tuple(c.acronyms)) for c in certifications)
    )
    phrases = [alias for c in certifications for alias in c.aliases]
    acronyms = [acronym for c in certifications for acronym in c.acronyms]

    def run(text: str) -> None:
        pattern.findall(text)
        find_mentions(GuideLines([text]), phrases, acronyms)

    growth = measure(run, ADVERSARIAL[kind], start=256, limit=1 << 14)
    assert growth.linear, growth


def test_mention_status_is_linear() -> None:
    """Many mentions on one long line: each looks back a bounded window only."""

    def run(text: str) -> None:
        for start in range(0, len(text), 10):
            mention_status(text, start)

    growth = measure(run, lambda n: "Avaya, " * (n // 7), start=1024, limit=1 << 14)
    assert growth.linear, growth


def test_guide_examples_are_linear() -> None:
    """'like like like ...' in a guide is read in linear time."""
    growth = measure(
        gapcoach.taxonomy.guide._examples,
        ADVERSARIAL["words"],
        start=512,
        limit=1 << 13,
    )
    assert growth.linear, growth


def _assert_linear_up_to(
    largest: int, run: Callable[[str], object], make: Callable[[int], str]
) -> None:
    """A whole stage, timed once per size from an eighth of a size limit up to it (the
    series must reach the limit), grows at most ~2.5x per doubling."""
    growth = measure(run, make, start=largest // 8, limit=largest, repeats=1, stop=60)
    assert growth.sizes[-1] * 2 > largest, growth  # the series reached the limit
    assert growth.linear, growth


@pytest.fixture(scope="module")
def assessor() -> Assessor:
    return Assessor()


HEADER = "Call center agent  2019 - Present\n"


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["one-line", "short-lines"])
@pytest.mark.parametrize("kind", sorted(ADVERSARIAL))
def test_the_pipeline_is_linear_up_to_the_text_limit(
    assessor: Assessor, kind: str, layout: str
) -> None:
    """Reading and matching a resume (every pattern that sees its text, in the order the
    pipeline applies them) grow linearly from an eighth of the text limit up to it."""

    def make(n: int) -> str:
        body = ADVERSARIAL[kind](n - len(HEADER))
        if layout == "short-lines":
            body = "\n".join(body[i : i + 80] for i in range(0, len(body), 80))
        return HEADER + body

    def run(text: str) -> None:
        # refused (too many lines) is an answer too, and it must be cheap
        with contextlib.suppress(GapcoachError):
            assessor.assess(text)

    _assert_linear_up_to(MAX_TEXT_CHARS - 200, run, make)


RATINGS_LAYOUTS = {
    "yaml-key": lambda text: f"ratings:\n  {text}: 3\n",
    "yaml-value": lambda text: f"ratings:\n  coaching: {text}\n",
    "json-key": lambda text: json.dumps({"ratings": {text: 3}}),
    "csv-row": lambda text: f"skill,rating\n{text},3\n",
}


@pytest.mark.slow
@pytest.mark.parametrize("layout", sorted(RATINGS_LAYOUTS))
@pytest.mark.parametrize("kind", sorted(ADVERSARIAL))
def test_ratings_are_linear_up_to_the_size_limit(kind: str, layout: str) -> None:
    """A ratings file with adversarial text as a key or a value, from an eighth of the
    size limit up to it, is read (or refused) in linear time."""
    from gapcoach.ratings import MAX_RATINGS_BYTES, load_ratings

    taxonomy = next(iter(load_taxonomies().values()))
    wrap = RATINGS_LAYOUTS[layout]

    def make(n: int) -> str:
        return wrap(ADVERSARIAL[kind](n - len(wrap(""))))

    def run(text: str) -> None:
        with contextlib.suppress(GapcoachError):
            load_ratings(text, taxonomy, name=f"r.{layout.split('-')[0]}")

    _assert_linear_up_to(MAX_RATINGS_BYTES - 4096, run, make)


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(ADVERSARIAL))
def test_guides_are_linear_up_to_the_size_limit(tmp_path: Path, kind: str) -> None:
    """A guide with a technical-skill bullet of adversarial text, from an eighth of the guide size
    limit up to it, is built (or refused) in linear time."""
    from helpers import FIXTURES

    from gapcoach.taxonomy import build_taxonomy
    from gapcoach.taxonomy.guide import MAX_GUIDE_BYTES

    guide = (FIXTURES / "guides" / "workforce-planning-manager.txt").read_text()
    lines = guide.splitlines()
    skills = lines.index("Technical Skills")
    bullet = next(i for i in range(skills, len(lines)) if lines[i].startswith("- "))
    path = tmp_path / "guide.txt"

    def make(n: int) -> str:
        extra = ADVERSARIAL[kind](max(0, n - len(guide)))
        return "\n".join(
            [*lines[: bullet + 1], f"- Tools like {extra}", *lines[bullet + 1 :]]
        )

    def run(text: str) -> None:
        path.write_text(text, encoding="utf-8")
        with contextlib.suppress(GapcoachError):
            build_taxonomy(path, use_lexicon=False)

    _assert_linear_up_to(MAX_GUIDE_BYTES - 4096, run, make)


def _ratings_text(n: int) -> str:
    keys = max(1, n // 40)
    return "ratings:\n" + "".join(f"  skill number {i:06d}: 3\n" for i in range(keys))


def test_ratings_key_lines_are_linear() -> None:
    """Finding the line of each rated key reads the file once, not once per key."""

    def run(text: str) -> None:
        lines = text.splitlines()
        keys = [f"skill number {i:06d}" for i in range(len(lines) - 1)]
        gapcoach.ratings.parse._key_lines(lines, keys, start=0, quoted=False)

    growth = measure(run, _ratings_text, start=4096, limit=1 << 18)
    assert growth.linear, growth


def _gapcoach(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return run_gapcoach(*args, stdin=stdin, timeout=30)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Led " + "-" * 36 + " x\n",  # the 42-byte input that never finished
        "Call center agent\nImproved AHT by " + "1" * 32_000 + "%\n",
        "Call center agent\n" + "Avaya, Genesys, Five9, " * 3_300 + "\n",
        "Call center agent\n" + "Coached " + " - " * 5_000 + "agents\n",
    ],
    ids=["dashes", "digits", "comma-line", "spaced-dashes"],
)
def test_once_slow_resumes_finish(text: str) -> None:
    """Inputs that hung or took a minute are assessed (or refused) within the timeout."""
    result = _gapcoach("assess", "-", "--format", "json", stdin=text)
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_once_slow_guide_builds_quickly(tmp_path: Path) -> None:
    """A guide line of 'like ' x 10,000 no longer takes minutes to build."""
    from helpers import FIXTURES

    guide = (FIXTURES / "guides" / "workforce-planning-manager.txt").read_text()
    lines = guide.splitlines()
    skills = lines.index("Technical Skills")  # a skill bullet: its examples are read
    bullet = next(i for i in range(skills, len(lines)) if lines[i].startswith("- "))
    lines.insert(bullet + 1, "- Forecasting tools like " + "like " * 10_000)
    path = tmp_path / "guide.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "gapcoach",
            "taxonomy",
            "build",
            str(path),
            "--no-lexicon",
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
