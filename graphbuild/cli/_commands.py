"""Import every command module so that each registers itself on ``app``."""

import importlib
import logging

# Each module registers its command on ``graphbuild.cli._util.app`` when imported.
COMMAND_MODULES = ("build", "extract", "query", "stats", "view", "validate", "export", "push")

for _name in COMMAND_MODULES:
    try:
        importlib.import_module(f"graphbuild.cli.{_name}")
    except ModuleNotFoundError as err:  # a command whose module is not written yet
        if err.name != f"graphbuild.cli.{_name}":
            raise
        logging.getLogger(__name__).debug("command module %s not present", _name)
