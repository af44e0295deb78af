"""jtbd_studio: a research studio for Jobs-To-Be-Done interviews (Russian and English)."""

from __future__ import annotations

__version__ = "0.1.0"
