"""
Paths shared by the tests (imported as a plain module: tests/ is on sys.path).
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GUIDES = ROOT.parent / "shared" / "guides"
