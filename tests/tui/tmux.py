"""A real terminal for tests: the app runs in a tmux pane on a private tmux server."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import time
import uuid
from pathlib import Path

VENV_BIN = Path(__file__).resolve().parents[2] / ".venv" / "bin"
ENV_KEYS = ("JTBD_STUDIO_DATA_DIR", "JTBD_STUDIO_CONFIG_DIR", "JTBD_STUDIO_UI_LANG", "HOME", "PATH", "LANG")


def available() -> bool:
    return shutil.which("tmux") is not None and (VENV_BIN / "jtbd-studio").exists()


class Pane:
    """One tmux session running one command; keys in, screen text out."""

    def __init__(self, command: list[str], *, size: tuple[int, int] = (120, 35), env: dict[str, str] | None = None) -> None:
        self.socket = f"jtbd-test-{uuid.uuid4().hex[:8]}"
        values = {k: os.environ[k] for k in ENV_KEYS if k in os.environ}
        values.update(env or {})
        values.setdefault("LANG", "C.UTF-8")
        # COLUMNS/LINES from the test's own terminal would override the pane's size in Textual.
        line = "exec env -u COLUMNS -u LINES " + " ".join(f"{k}={shlex.quote(v)}" for k, v in values.items()) + " " + shlex.join(command)
        self.tmux("new-session", "-d", "-s", "app", "-x", str(size[0]), "-y", str(size[1]), line)
        self.tmux("resize-window", "-t", "app", "-x", str(size[0]), "-y", str(size[1]))

    def tmux(self, *args: str) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=20)
        return done.stdout

    def keys(self, *keys: str) -> None:
        """tmux key names: Enter, Escape, F9, M-q (Alt+q), PageDown …"""
        for key in keys:
            self.tmux("send-keys", "-t", "app", key)
            time.sleep(0.05)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "app", "-l", text)
        time.sleep(0.05)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "app")

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                time.sleep(0.3)  # the frame is drawn; let the focus settle before more keys
                return self.screen()
            time.sleep(0.1)
        raise AssertionError(f"{text!r} not on screen after {timeout}s:\n{self.screen()}")

    def pid(self) -> int:
        return int(self.tmux("display-message", "-p", "-t", "app", "#{pane_pid}").strip())

    def close(self) -> None:
        self.tmux("kill-server")
