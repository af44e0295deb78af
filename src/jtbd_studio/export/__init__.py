"""Exports: the study JSON exchange format, interview Markdown, CSV."""

from __future__ import annotations
