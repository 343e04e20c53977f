"""
Help screens in words: every command's help names a value by what it is (FILE, ROLE, N,
PATH), never by its Python type ("<str>", "<bool>", "<list[str]>"), and flags show none.
"""

from typing import Any

from typer.core import TyperCommand, TyperGroup

# Help shows what a value is (FILE, ROLE, N), never a Python type ("<path>", "<bool>")
_METAVARS = {"int": "N", "float": "NUMBER"}
_NAMED_METAVARS = {
    "output": "FILE",
    "ratings": "FILE",
    "lexicon": "FILE",
    "output_format": "FORMAT",
}


def _plain_metavar(param: Any) -> None:
    """Name the value of a parameter in words; flags and arguments show no type."""
    if getattr(param, "param_type_name", "") == "argument":
        # the argument's name is its metavar already: no "<str>" beside it
        param.display_type_rich = lambda ctx: None
        if param.metavar is None:
            param.metavar = str(param.name).upper()
    elif getattr(param, "is_flag", False) or param.bare_type() == "bool":
        param.metavar = ""
    elif param.metavar is None:
        name = str(param.name or "value")
        if name in _NAMED_METAVARS:
            param.metavar = _NAMED_METAVARS[name]
        elif param.type_descriptor.is_path:
            param.metavar = "PATH"
        else:
            param.metavar = _METAVARS.get(
                param.bare_type(), name.upper().replace("_", "-")
            )


class _PlainParams:
    """Names every parameter's value in words when help asks for the parameters."""

    def get_params(self, ctx: Any) -> Any:
        params = super().get_params(ctx)  # type: ignore[misc]
        for param in params:
            _plain_metavar(param)
        return params


class PlainCommand(_PlainParams, TyperCommand):
    """A command whose help names values in words."""


class PlainGroup(_PlainParams, TyperGroup):
    """A command group whose help names values in words."""
