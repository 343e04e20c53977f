"""
The data of a batch: one ``BatchResult`` per input, and the ``Cohort`` counters and the
small per-person summaries the team view is drawn from (a few hundred bytes a person and
role: 10,000 people fit in a few megabytes). Both ``batch`` (which runs the work) and
``render`` (which draws the team view) import it; it imports neither.
"""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from gapcoach.models import Assessment

__all__ = ["BatchResult", "Cohort", "PersonSummary"]


@dataclass(frozen=True)
class BatchResult:
    """
    The outcome for one input: its assessment, or the error that stopped it.
    """

    path: str
    assessment: Assessment | None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class PersonSummary:
    """
    What the team view keeps of one person for one role: small, so a roster of thousands
    fits in memory.
    """

    file: str
    person: str | None
    role_id: str
    readiness: float
    band: str
    top_gaps: tuple[str, ...]
    levels: bytes  # one level per skill, in the order of Cohort.skills[role_id]
    report: str | None = None  # the person's own report, relative to the team page

    @property
    def top_gap(self) -> str | None:
        """
        The gap that would raise readiness most, or None.
        """
        return self.top_gaps[0] if self.top_gaps else None

    @property
    def label(self) -> str:
        """
        The name the team view shows: the person's name, else the file's.
        """
        return self.person or self.file


@dataclass
class Cohort:
    """
    Counters and per-person summaries for the team picture, updated one result at a time.

    ``reports`` maps an input path to the link of that person's own report (``batch
    --report-dir``).
    """

    n_files: int = 0
    n_failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    bands: Counter[tuple[str, str]] = field(default_factory=Counter)
    readiness_sum: Counter[str] = field(default_factory=Counter)
    readiness_n: Counter[str] = field(default_factory=Counter)
    gaps: Counter[tuple[str, str]] = field(default_factory=Counter)
    gap_names: dict[str, str] = field(default_factory=dict)
    role_titles: dict[str, str] = field(default_factory=dict)
    skills: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    people: list[PersonSummary] = field(default_factory=list)
    histogram: Counter[tuple[str, int]] = field(default_factory=Counter)
    reports: dict[str, str] = field(default_factory=dict)

    def add(self, result: BatchResult) -> None:
        """
        Count one result.
        """
        self.n_files += 1
        if result.assessment is None:
            self.n_failed += 1
            self.failures.append((result.path, result.error or "unknown error"))
            return
        person = result.assessment.input.person
        for item in result.assessment.assessments:
            self.role_titles[item.role_id] = item.role_title
            self.bands[(item.role_id, item.band)] += 1
            self.readiness_sum[item.role_id] += round(item.readiness * 100)
            self.readiness_n[item.role_id] += 1
            self.histogram[(item.role_id, min(int(item.readiness // 10), 9))] += 1
            for gap in item.gaps[:3]:
                self.gaps[(item.role_id, gap.skill_id)] += 1
                self.gap_names[gap.skill_id] = gap.name
            columns = self.skills.setdefault(
                item.role_id, [(s.name, s.target_level) for s in item.skills]
            )
            by_name = {s.name: s.level for s in item.skills}
            self.people.append(
                PersonSummary(
                    file=Path(result.path).name,
                    person=person,
                    role_id=item.role_id,
                    readiness=item.readiness,
                    band=item.band,
                    top_gaps=tuple(gap.name for gap in item.gaps[:3]),
                    levels=bytes(by_name.get(name, 0) for name, _ in columns),
                    report=self.reports.get(result.path),
                )
            )

    def mean(self, role_id: str) -> float:
        """
        Mean readiness of the people assessed for a role.
        """
        n = self.readiness_n[role_id]
        return self.readiness_sum[role_id] / 100 / n if n else 0.0

    def common_gaps(self, role_id: str, n: int = 5) -> list[tuple[str, int]]:
        """
        The gaps most often among a person's top three, by skill name and count.
        """
        counts = [
            (skill, c) for (role, skill), c in self.gaps.items() if role == role_id
        ]
        counts.sort(key=lambda item: (-item[1], item[0]))
        return [(self.gap_names[skill], count) for skill, count in counts[:n]]

    def roster(self, role_id: str) -> list[PersonSummary]:
        """
        Everyone assessed for a role, readiest first (ties by name).
        """
        people = [p for p in self.people if p.role_id == role_id]
        people.sort(key=lambda p: (-p.readiness, p.label.casefold(), p.file))
        return people
