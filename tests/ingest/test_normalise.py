"""
Normalisation: repairs, bullets, hyphenation, logical lines, never a line added or lost.
"""

import pytest
from fixtures_ingest import (
    FIXTURES,
)

from gapcoach.ingest import (
    read_resume,
)


class TestNormalisation:
    def test_mojibake_repaired(self) -> None:
        """ftfy repairs UTF-8 read as cp1252 ("EspaÃ±ol â€“" -> "Español –")."""
        document = read_resume(FIXTURES / "mojibake.txt")
        assert document.lines[2].text == (
            "Bilingual rep who helps customers in English and Español – six years on the "
            "phones."
        )
        assert document.lines[4].text == (
            "Customer Service Representative 01/2020 to Current Company Name - City , State"
        )

    def test_dehyphenation_keeps_first_line_number(self) -> None:
        """A word split across lines is joined onto the first line, which keeps its number."""
        document = read_resume("Summary\nManaged the work-\nforce plan for 3 sites.\n")
        assert document.text.splitlines() == [
            "Summary",
            "Managed the workforce",
            "plan for 3 sites.",
        ]
        assert [(line.number, line.text) for line in document.lines] == [
            (1, "Summary"),
            (2, "Managed the workforce plan for 3 sites."),
        ]

    def test_wrapped_sentence_is_one_logical_line(self) -> None:
        """A sentence wrapped mid-phrase is one line for matching, numbered by its start."""
        document = read_resume(
            "EXPERIENCE\n- Sat with families who were angry and\ntalked them down.\n"
            "- Coached agents\n- Ran the floor\nAcme Corp\n"
        )
        assert [(line.number, line.text) for line in document.lines] == [
            (1, "EXPERIENCE"),
            (2, "Sat with families who were angry and talked them down."),
            (4, "Coached agents"),
            (5, "Ran the floor"),
            (6, "Acme Corp"),
        ]

    def test_dehyphenation_keeps_compound_hyphen(self) -> None:
        """A hyphen after a compound prefix stays ("self-\\nmotivated")."""
        document = read_resume("Summary\nA self-\nmotivated agent\n")
        assert document.text.splitlines()[1] == "A self-motivated"

    def test_capitalised_next_line_is_not_joined(self) -> None:
        """A dash before a capitalised line is a separator, not a split word."""
        assert read_resume("Acme-\nBoston\n").lines[0].text == "Acme-"

    @pytest.mark.parametrize("bullet", ["•", "\uf0b7", "▪", "◦", "●", "-", "*"])
    def test_bullets_removed(self, bullet: str) -> None:
        """Bullet glyphs at the start of a line are removed."""
        document = read_resume(f"Summary\n{bullet} Coached new hires\n")
        assert document.lines[1].text == "Coached new hires"

    def test_whitespace_folded(self) -> None:
        """Runs of spaces and tabs fold into one space; blank lines are kept out of lines."""
        document = read_resume("Team   Lead\t\t2019 -  2021\n\n\n  Acme  \n")
        assert [(line.number, line.text) for line in document.lines] == [
            (1, "Team Lead 2019 - 2021"),
            (4, "Acme"),
        ]

    def test_line_numbers_index_the_text(self) -> None:
        """Every line's number points at where its text starts in Document.text."""
        document = read_resume(FIXTURES / "livecareer.txt")
        text_lines = document.text.split("\n")
        for line in document.lines:
            first = text_lines[line.number - 1]
            assert line.text.startswith(first)
            following = text_lines[line.number : line.number + line.text.count(" ") + 1]
            assert line.text == " ".join([first, *following])[: len(line.text)]

    def test_windows_line_endings(self) -> None:
        """CRLF and CR line ends count as one line break each."""
        document = read_resume("A\r\nB\rC\n")
        assert [(line.number, line.text) for line in document.lines] == [
            (1, "A"),
            (2, "B"),
            (3, "C"),
        ]
