"""Use cases shared by the CLI and the TUI: one code path per feature, no UI imports."""

from __future__ import annotations
