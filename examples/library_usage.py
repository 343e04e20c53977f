"""
Using gapcoach as a library: assess one resume, then many with one fitted Assessor.

Run:  python examples/library_usage.py
"""

from pathlib import Path

import gapcoach

HERE = Path(__file__).resolve().parent


def main() -> None:
    report = gapcoach.assess(
        HERE / "resumes" / "supervisor.txt", role="call-center-operations-manager"
    )
    role = report.assessments[0]
    print(f"{role.role_title}: {role.readiness:.0f}/100 ({role.band})")
    print(f"First step: {role.plan.steps[0].action}")

    assessor = gapcoach.Assessor(role="call-center-director")  # fit once, assess many
    for resume in sorted((HERE / "resumes").glob("*.txt")):
        director = assessor.assess(resume).assessments[0]
        print(f"{resume.stem:18} {director.readiness:5.1f}  {director.band}")


if __name__ == "__main__":
    main()
