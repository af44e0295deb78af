"""Widgets, grouped by the screen area they live in."""

from __future__ import annotations
