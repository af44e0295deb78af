"""The user's saved preferences: `settings.toml` in the config folder (flat `key = "value"`).

Only what a person chooses in the interface and expects to find again next time (the interface
language). A missing or unreadable file means "nothing saved": the app starts with its defaults
and says nothing is wrong, because nothing the user typed can be lost here.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from jtbd_studio.errors import JtbdError
from jtbd_studio.paths import config_dir

SETTINGS_FILE = "settings.toml"


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


def load_settings() -> dict[str, str]:
    """The saved string settings; {} when the file is missing or not valid TOML."""
    try:
        data = tomllib.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}
    return {key: value for key, value in data.items() if isinstance(value, str)}


def saved(key: str) -> str | None:
    """One saved setting, or None."""
    return load_settings().get(key)


def save_setting(key: str, value: str) -> bool:
    """Remember `key = value` (written atomically); False when the folder cannot be written."""
    from jtbd_studio.services.exchange import write_text_atomic

    values = load_settings()
    values[key] = value
    # JSON string escapes are valid TOML basic strings
    text = "".join(f"{name} = {json.dumps(values[name], ensure_ascii=False)}\n" for name in sorted(values))
    path = settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(path, "# jtbd_studio settings, written by the app\n" + text)
    except (OSError, JtbdError):  # a read-only home must not stop an interview
        return False
    return True
