"""
Job titles on the ladder (vocab.titles) and the current level of a resume.
"""

import pytest
from fixtures_ingest import (
    FIXTURES,
)
from helpers import cases

from gapcoach.ingest import (
    read_resume,
    title_seniority,
)
from gapcoach.models import Seniority
from gapcoach.vocab.titles import rung_from_lines


class TestSeniority:
    @pytest.mark.parametrize(
        ("title", "level"),
        cases("titles", "title", "level"),
    )
    def test_title_lexicon(self, title: str, level: str) -> None:
        """Title words place a job on the contact-center ladder."""
        assert title_seniority(title) is Seniority(level)

    def test_retail_customer_service_manager_is_outside(self) -> None:
        """A store's "Customer Service Manager" is outside the contact-center field."""
        document = read_resume(FIXTURES / "retail_csm.txt")
        assert document.current_title == "Customer Service Manager"
        assert document.current_level is Seniority.OUTSIDE
        assert document.relevant_years == 0.0

    def test_business_development_headline_is_really_an_agent(self) -> None:
        """A "Business Development Manager" headline over a call-center rep job is an agent."""
        document = read_resume(FIXTURES / "bd_headline.txt")
        assert document.current_title == "Call Center Representative"
        assert document.current_level is Seniority.AGENT
        assert [job.relevant for job in document.jobs] == [True, False]

    def test_out_of_field(self) -> None:
        """A software engineer is outside the field."""
        document = read_resume(
            "Experience\nSenior Backend Engineer  2019 - Present\n- Built Python services.\n"
        )
        assert document.current_level is Seniority.OUTSIDE

    @pytest.mark.parametrize(
        ("bullet", "relevant"),
        cases("field", "bullet", "relevant"),
    )
    def test_inbound_freight_is_not_calls(self, bullet: str, relevant: bool) -> None:
        """'inbound' in a warehouse is freight; on a phone line it is the field."""
        document = read_resume(
            f"Experience\nOperations Coordinator  2019 - Present\n{bullet}\n"
        )
        assert document.jobs[0].relevant is relevant

    @pytest.mark.parametrize(
        ("job", "relevant"),
        [
            (
                "Guest Service Agent, Harbor Inn & Suites  2014 - 2016\n"
                "- Checked guests in at the front desk.",
                False,
            ),
            (
                "Assistant General Manager  2015 - 2018\n"
                "- Ran the floor of a 160 seats dining room and the kitchen line.",
                False,
            ),
            (
                "Account Executive  2019 - Present\n"
                "- Logged every deal in Salesforce; escalate pricing exceptions.",
                False,
            ),
            (
                "Team Lead, Roadside Operations  2024 - Present\n"
                "- Trained agents on troubleshooting in a dispatch environment.",
                True,
            ),
            (  # a shop's phone is answered at its counter
                "Customer Service Associate - QuickStop Tires & Lube  2018 - 2021\n"
                "- Greeted customers and wrote up work orders at the front counter.\n"
                "- Answered the shop phone and ran the register.",
                False,
            ),
            (  # the title names work in person, whatever the lines
                "Retail Sales Associate | Bright Mobile  2019 - 2021\n"
                "- Set up new phones and moved customer data.",
                False,
            ),
            (  # a retailer's name does not put its contact center in a store
                "Customer Service Manager | Quill & Co Retail  2014 - 2020\n"
                "- Ran the Columbus center (120 agents); brought AHT from 8:10 to 6:45.",
                True,
            ),
            (  # answering clients' calls is a paralegal's duty, not the job
                "Senior Paralegal | Lindqvist LLP  2018 - Present\n"
                "- Manage document production for litigation.\n"
                "- Keep the precedent bank and the procedures manual.\n"
                "- Docket every court deadline.\n"
                "- Answer calls and emails from clients about case status.",
                False,
            ),
            (
                "Operations Manager | Twin Rivers Furniture  2010 - 2014\n"
                "- Managed a 70-agent sales and service center.",
                True,
            ),
            (
                "Care Representative, Business Accounts  2016 - 2020\n"
                "- Moves, adds and changes for multi-line business accounts.",
                True,
            ),
            (  # a year is not a head count: "10/2023" then "Answered agent questions"
                "Team Coordinator  10/2021 - 10/2023\n"
                "- Answered agent questions about the schedule.",
                False,
            ),
        ],
    )
    def test_work_elsewhere_is_not_the_field(self, job: str, relevant: bool) -> None:
        """A hotel desk, a dining room or a sales desk is not contact-center work."""
        document = read_resume(f"Experience\n{job}\n")
        assert document.jobs[0].relevant is relevant

    def test_relevance_from_lines(self) -> None:
        """A neutral title counts as contact-center work when its lines say so."""
        document = read_resume(
            "Experience\nOperations Manager  2019 - Present\n"
            "- Ran a 120-seat inbound call center.\n"
        )
        assert document.current_level is Seniority.MANAGER
        assert document.jobs[0].relevant

    def test_full_supervisor_resume(self) -> None:
        """The supervisor fixture: title, level, years and per-job levels."""
        document = read_resume(FIXTURES / "supervisor.txt")
        assert (document.current_level, document.years_experience) == (
            Seniority.SUPERVISOR,
            10.6,
        )
        assert [job.level for job in document.jobs] == [
            Seniority.SUPERVISOR,
            Seniority.LEAD,
            Seniority.AGENT,
        ]
        assert document.jobs[0].employer == "Brightwater Energy"


class TestRungByWhatThePersonDoes:
    """
    LABELLING.md: the rung "by what the person does (team size, who reports to them),
    not only by the title".
    """

    @pytest.mark.parametrize(
        ("line", "level"),
        [
            ("Oversee a team of 11 phone agents handling claims", "supervisor"),
            ("Lead a team of 9 agents on the billing queue", "lead"),
            ("Runs 3 team leads and 37 agents", "manager"),
            (
                "• Dirijo la plataforma de Valencia: 4 coordinadores y 95 agentes",
                "manager",
            ),
            ("Manage 4 operations managers and 21 supervisors", "senior_manager"),
            ("Answered 70 calls a day", "agent"),
            ("Managed 60 calls a day", "agent"),
            ("Trained 30 new agents", "agent"),
        ],
    )
    def test_who_reports(self, line: str, level: str) -> None:
        assert rung_from_lines([line]) is Seniority(level)

    def test_title_below_supervisor_lifted_by_its_lines(self) -> None:
        """A "Coordinator" who oversees 11 agents stands on the supervisor rung."""
        document = read_resume(
            "Experience\nCustomer Care Coordinator  2021 - Present\n"
            "- Oversee a team of 11 phone agents; do their 1:1s\n"
            "Customer Care Representative  2019 - 2021\n- Answered 60 calls a day\n",
            today=(2026, 11),
        )
        assert [job.rung for job in document.jobs] == [
            Seniority.SUPERVISOR,
            Seniority.AGENT,
        ]
        assert document.current_level is Seniority.SUPERVISOR

    def test_a_rung_in_the_title_stands(self) -> None:
        """A supervisor who runs two team leads is still the supervisor the title says."""
        document = read_resume(
            "Experience\nCall Center Supervisor  2021 - Present\n"
            "- Supervise 2 team leads and 24 agents\n",
            today=(2026, 11),
        )
        assert document.jobs[0].rung is Seniority.SUPERVISOR

    def test_latest_in_field_job_gives_the_rung(self) -> None:
        """Now a recruiter, before that a call-center supervisor: the rung is supervisor."""
        document = read_resume(
            "Experience\nTalent Acquisition Partner, Wrenfield Health  2023 - Present\n"
            "- Hire nurses and clinic staff\n"
            "Call Center Supervisor, Bayline Insurance  2017 - 2021\n"
            "- Supervised 12 CSRs on the claims line\n",
            today=(2026, 11),
        )
        assert [job.relevant for job in document.jobs] == [False, True]
        assert document.current_level is Seniority.SUPERVISOR
