"""`python -m jtbd_studio` runs the same command as `jtbd-studio`."""

from __future__ import annotations

from jtbd_studio.cli import main

if __name__ == "__main__":
    main()
