"""
The reports a coach panel grades (bench/coach/README.md): one Markdown report per person
of the panel, with their resumes beside them.

Run:  python bench/coach_panel.py OUT
"""

import shutil
import sys
from pathlib import Path

from gapcoach import Assessor
from gapcoach.render import render_markdown

EVAL = Path(__file__).resolve().parent / "data" / "eval"
PANEL = [
    "hc01-agent-insurance",
    "hc02-agent-telecom",
    "hc05-lead-saas",
    "hc07-supervisor-banking",
    "hd09-supervisor-saas",
    "hc11-manager-healthcare",
    "hc13-senior-manager-wfm-insurance",
    "hd14-director-insurance",
    "hc18-outside-nurse",
    "hd19-outside-hotel",
    "hh22-wanjiru-kamau",
]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    out = Path(argv[0])
    (out / "reports").mkdir(parents=True, exist_ok=True)
    (out / "resumes").mkdir(parents=True, exist_ok=True)
    assessor = Assessor()
    for stem in PANEL:
        (resume,) = EVAL.glob(f"*/{stem}.txt")
        shutil.copy(resume, out / "resumes" / resume.name)
        report = render_markdown(assessor.assess(resume))
        (out / "reports" / f"{stem}.md").write_text(report, encoding="utf-8")
    shutil.copy(Path(__file__).parent / "coach" / "RUBRIC.md", out / "RUBRIC.md")
    print(f"{len(PANEL)} reports in {out}/reports")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
