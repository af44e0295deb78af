"""Every path the application uses, in one place; overridable by environment variables.

Nothing here touches the disk at import time.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "jtbd-studio"
ENV_DB = "JTBD_STUDIO_DB"
ENV_DATA_DIR = "JTBD_STUDIO_DATA_DIR"
ENV_CONFIG_DIR = "JTBD_STUDIO_CONFIG_DIR"


def _dirs() -> PlatformDirs:
    return PlatformDirs(APP_NAME, appauthor=False)


def data_dir() -> Path:
    """Where the default database and backups live."""
    override = os.environ.get(ENV_DATA_DIR)
    return Path(override) if override else Path(_dirs().user_data_dir)


def config_dir() -> Path:
    """Where settings and user keymaps live."""
    override = os.environ.get(ENV_CONFIG_DIR)
    return Path(override) if override else Path(_dirs().user_config_dir)


def user_scripts_dir() -> Path:
    """Where users put their own interview scripts (`*.toml`)."""
    return config_dir() / "scripts"


def default_db_path() -> Path:
    return data_dir() / "jtbd_studio.sqlite3"


def corpora_dir() -> Path:
    """The data shipped inside the package: scripts, lexicons, taxonomy, the demo study."""
    return Path(str(resources.files("jtbd_studio") / "corpora"))
