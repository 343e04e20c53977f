"""
The base of every gapcoach model.
"""

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    """
    Base of every gapcoach model: immutable and strict about unknown keys.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
