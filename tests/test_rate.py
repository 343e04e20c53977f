"""
Tests of `gapcoach rate`: the interactive questionnaire, resuming, and no-terminal refusal.
"""

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import gapcoach.cli as cli
import gapcoach.cli.rate as cli_rate

runner = CliRunner()
ROLE = "call-center-operations-manager"


def test_refuses_without_a_terminal(tmp_path: Path) -> None:
    """Without a terminal the command exits 1 and says why."""
    result = runner.invoke(cli.app, ["rate", ROLE, "-o", str(tmp_path / "r.yaml")])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Error: gapcoach rate asks questions and needs an interactive terminal; run it in "
        "a terminal, or write a ratings file by hand (see README)."
    )


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend stdin and stdout are a terminal."""
    monkeypatch.setattr(cli_rate, "_interactive", lambda: True)


@pytest.mark.usefixtures("terminal")
class TestQuestionnaire:
    """Answers are saved, bad answers re-asked, unfinished files resumed."""

    def test_answers_are_saved_and_bad_ones_reasked(self, tmp_path: Path) -> None:
        """Three answers (one re-asked after 9) then Enter saves three ratings."""
        target = tmp_path / "r.yaml"
        result = runner.invoke(
            cli.app, ["rate", ROLE, "-o", str(target)], input="4\n3\n9\n2\n\n"
        )
        assert result.exit_code == 0, result.stderr
        assert "Please answer 1 to 5" in result.stdout
        assert "Saved 3 of 16 ratings" in result.stdout
        saved = yaml.safe_load(target.read_text())
        assert saved["scale"] == "stars"
        assert saved["ratings"] == {
            "workforce-management-wfm-software": 4,
            "customer-relationship-management-crm-systems": 3,
            "call-center-telephony-systems-acd-ivr": 2,
        }

    def test_resumes_an_unfinished_file(self, tmp_path: Path) -> None:
        """A second run asks only about skills not yet rated."""
        target = tmp_path / "r.yaml"
        runner.invoke(cli.app, ["rate", ROLE, "-o", str(target)], input="4\n\n")
        result = runner.invoke(
            cli.app, ["rate", ROLE, "-o", str(target)], input="5\n\n"
        )
        assert "1 already rated" in result.stdout
        saved = yaml.safe_load(target.read_text())["ratings"]
        assert saved == {
            "workforce-management-wfm-software": 4,
            "customer-relationship-management-crm-systems": 5,
        }

    def test_saved_file_feeds_assess(self, tmp_path: Path) -> None:
        """The questionnaire's file is accepted by `gapcoach assess --ratings`."""
        target = tmp_path / "r.yaml"
        runner.invoke(cli.app, ["rate", ROLE, "-o", str(target)], input="4\n4\n\n")
        result = runner.invoke(
            cli.app, ["assess", "--ratings", str(target), "--role", ROLE, "-f", "json"]
        )
        assert result.exit_code == 0, result.stderr


@pytest.mark.usefixtures("terminal")
class TestQuestionnaireSurface:
    """A counter, the role's target, skip and back, Ctrl-C keeps answers, a next step."""

    def test_counter_target_skip_back_and_next_step(self, tmp_path: Path) -> None:
        target = tmp_path / "r.yaml"
        result = runner.invoke(
            cli.app, ["rate", ROLE, "-o", str(target)], input="4\ns\nb\nb\n5\n\n"
        )
        assert result.exit_code == 0, result.stderr
        out = result.stdout
        assert "1/16 · Workforce Management (WFM) Software" in out
        assert "2/16 · " in out
        assert "This role asks for 4 stars (own it and can show results" in out
        # the questionnaire speaks stars only, and says once how reports show them
        assert "/4" not in out
        assert "Reports show these on the 0-4 level scale: N stars is level N-1." in (
            " ".join(out.split())
        )
        assert (
            f"Next: gapcoach assess YOUR-RESUME --ratings {target} --role {ROLE}"
            in (" ".join(out.split()))
        )
        saved = yaml.safe_load(target.read_text())["ratings"]
        # 4 for the first skill, skip the second, back twice to the first: now 5
        assert saved == {"workforce-management-wfm-software": 5}

    def test_ctrl_c_saves_what_was_answered(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from rich.prompt import Prompt

        replies = iter(["3", "2"])

        def answer(*args: object, **kwargs: object) -> str:
            try:
                return next(replies)
            except StopIteration:
                raise KeyboardInterrupt from None

        monkeypatch.setattr(Prompt, "ask", answer)
        target = tmp_path / "r.yaml"
        result = runner.invoke(cli.app, ["rate", ROLE, "-o", str(target)])
        assert result.exit_code == 130
        assert "Saved 2 of 16 ratings" in result.stdout
        assert yaml.safe_load(target.read_text())["ratings"] == {
            "workforce-management-wfm-software": 3,
            "customer-relationship-management-crm-systems": 2,
        }
