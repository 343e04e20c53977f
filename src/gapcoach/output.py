"""
Writing outputs safely: checked before the work starts, written atomically.

A report, a batch file or a taxonomy is written to a temporary file in the output's own
folder, flushed to disk, then renamed over the output: an error, Ctrl-C or kill -9 halfway
leaves the previous file as it was, and two runs writing the same output leave one whole
file (the last to finish wins) instead of interleaved lines.
"""

import errno
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TextIO

from gapcoach.errors import OutputError

__all__ = ["atomic_output", "check_output", "silence_stdout", "stdout_failed"]


# errors of the output's disk, not of the work written to it
_WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS}


def _describe(error: OSError) -> str:
    return error.strerror or type(error).__name__


def check_output(path: Path, *, inputs: Iterable[Path] = ()) -> None:
    """
    Refuse an output that cannot be written, or that is one of the inputs.

    Args:
        path: The output file.
        inputs: Files the command reads; writing over one of them would destroy it.

    Raises:
        OutputError: The output is a folder, its folder is missing or not writable, or
            it is one of ``inputs``.
    """
    if path.is_dir():
        raise OutputError(f"Cannot write '{path}': it is a folder; give a file name.")
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(
            f"Cannot write '{path}': the folder '{folder}' does not exist; create it first."
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(
            f"Cannot write '{path}': the folder '{folder}' is not writable."
        )
    if path.exists() and not path.is_file():
        raise OutputError(f"Cannot write '{path}': it is not a regular file.")
    if path.is_file() and not os.access(path, os.W_OK):
        raise OutputError(
            f"Cannot write '{path}': the file is read-only; choose another output file."
        )
    target = path.resolve()
    for item in inputs:
        with suppress(OSError):
            if item.resolve() == target:
                raise OutputError(
                    f"Refusing to write '{path}': it is also an input, and writing would "
                    "destroy it. Choose another output file."
                )


@contextmanager
def atomic_output(path: Path, *, newline: str | None = None) -> Iterator[TextIO]:
    """
    A text handle whose content replaces ``path`` only when the block ends without error.

    Raises:
        OutputError: The file cannot be created or written (missing folder, no space,
            permissions).
    """
    try:
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".part", dir=path.parent
        )
    except OSError as error:
        raise OutputError(f"Cannot write '{path}': {_describe(error)}.") from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline=newline) as handle:
            try:
                yield handle
            except OSError as error:
                if error.errno not in _WRITE_ERRNOS:
                    raise  # not the output's fault: a reader's error keeps its own type
                raise OutputError(
                    f"Cannot write '{path}': {_describe(error)}."
                ) from None
            try:
                handle.flush()
                os.fsync(handle.fileno())
            except OSError as error:
                raise OutputError(
                    f"Cannot write '{path}': {_describe(error)}."
                ) from None
        mode = path.stat().st_mode & 0o777 if path.is_file() else _default_mode()
        try:
            os.chmod(temporary, mode)
            os.replace(temporary, path)
        except OSError as error:
            raise OutputError(f"Cannot write '{path}': {_describe(error)}.") from None
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def silence_stdout() -> None:
    """
    Point file descriptor 1 at the null device, so what is still buffered goes nowhere.
    """
    import os
    import sys

    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):  # no real file behind stdout
        pass


def stdout_failed(error: OSError) -> int:
    """
    Say once on standard error that standard output cannot be written; the exit code.

    A closed pipe (``| head``) says nothing: the reader went away on purpose.
    """
    import errno

    if error.errno == errno.EPIPE:  # the reader went away (| head): nothing to show
        silence_stdout()
        return 1
    reason = error.strerror or type(error).__name__
    from rich.console import Console
    from rich.text import Text

    with_stderr = Console(
        stderr=True, highlight=False, soft_wrap=True, markup=False, emoji=False
    )
    with suppress(OSError):
        with_stderr.print(
            Text.assemble(
                ("Error:", "bold red"),
                f" cannot write to standard output: {reason}. Use -o FILE instead.",
            )
        )
    return 1
