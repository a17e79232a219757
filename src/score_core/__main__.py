"""``python -m score_core``: the same as the ``score-core`` command."""

from score_core._cli import main


raise SystemExit(main())
