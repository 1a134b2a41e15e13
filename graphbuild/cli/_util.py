"""The typer application and the one place where errors become exit codes.

Command modules register on :data:`app` with ``@app.command(...)``; each is a
few lines around one library call. Library code raises :class:`GraphbuildError`
and never prints or exits; :func:`main` turns it into one line on stderr.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import typer

from ..errors import GraphbuildError

__all__ = ["app", "main", "fail", "echo_err", "example_input", "setup_logging", "parse_params", "PathArg"]

app = typer.Typer(
    name="graphbuild",
    help="Build typed, sourced, queryable knowledge graphs of geopolitical events from news text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

#: Type alias for path arguments: plain ``Path``; existence is checked by the library so
#: that "-" (stdin) and helpful messages work the same everywhere.
PathArg = Path


def echo_err(message: str) -> None:
    typer.echo(message, err=True)


def fail(message: str, code: int = 1) -> None:
    """End the command with one line on stderr and a non-zero exit code."""
    echo_err(f"graphbuild: error: {message}")
    raise typer.Exit(code)


class _OneLineFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"graphbuild: {record.levelname.lower()}: {record.getMessage()}"


def setup_logging(verbose: bool = False, quiet: bool = False) -> None:
    """Warnings (and info with ``--verbose``) from the library, one line each on stderr."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLineFormatter())
    root = logging.getLogger("graphbuild")
    root.handlers[:] = [handler]
    root.setLevel(logging.ERROR if quiet else logging.INFO if verbose else logging.WARNING)
    root.propagate = False


def example_input() -> Path:
    """The bundled example article as a path (it ships inside the package)."""
    from ..resources import example_path

    return Path(str(example_path()))


def parse_params(params: list[str] | None) -> dict[str, str]:
    """``["actor=Russia", "since=2025-01-01"]`` → a dict; malformed items are user errors."""
    out: dict[str, str] = {}
    for item in params or ():
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise GraphbuildError(f"parameter {item!r} is not NAME=VALUE")
        out[name.strip()] = value
    return out


def main(argv: list[str] | None = None) -> int:
    """Console entry point: run the app, map errors to one line and an exit code."""
    from . import _commands  # noqa: F401  (registers every command on ``app``)

    try:
        # Outside standalone mode click returns (not raises) the code of ``typer.Exit``.
        code = app(args=argv, standalone_mode=False)
    except GraphbuildError as err:
        echo_err(f"graphbuild: error: {err}")
        return err.exit_code
    except typer.Exit as exit_:
        return exit_.exit_code
    except typer.Abort:
        echo_err("graphbuild: aborted")
        return 130
    except KeyboardInterrupt:
        echo_err("graphbuild: interrupted; outputs already written are intact")
        return 130
    except BrokenPipeError:
        # `graphbuild extract ... | head`: the reader left; not an error.
        sys.stderr.close()
        return 0
    except OSError as err:
        name = f"{err.filename}: " if getattr(err, "filename", None) else ""
        echo_err(f"graphbuild: error: {name}{err.strerror or err}")
        return 1
    except Exception as err:  # click usage errors arrive here in non-standalone mode
        import click

        if isinstance(err, click.exceptions.ClickException):
            err.show()
            return err.exit_code
        raise
    return 0
