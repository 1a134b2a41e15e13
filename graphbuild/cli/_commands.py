"""Import every command module so that each registers itself on ``app``."""

from . import build, export, extract, push, query, stats, validate, view  # noqa: F401
