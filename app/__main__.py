"""``python -m app`` — the same as the ``mlp-workbench`` command."""
import sys

from app.cli import main

sys.exit(main())
