"""
Entry point for ``python -m gapcoach``.
"""

from gapcoach.cli import main

main()
