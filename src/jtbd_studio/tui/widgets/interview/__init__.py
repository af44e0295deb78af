"""The pieces of the interview screen: stage strip, stage panel, clock, kind bar, note line, notes."""

from __future__ import annotations

from jtbd_studio.tui.widgets.interview.clock_bar import ClockBar
from jtbd_studio.tui.widgets.interview.kind_bar import KindBar
from jtbd_studio.tui.widgets.interview.note_line import NoteLine
from jtbd_studio.tui.widgets.interview.notes_table import NotesTable
from jtbd_studio.tui.widgets.interview.stage_panel import StagePanel
from jtbd_studio.tui.widgets.interview.stage_strip import StageStrip

__all__ = ["ClockBar", "KindBar", "NoteLine", "NotesTable", "StagePanel", "StageStrip"]
