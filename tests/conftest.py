"""Suite-wide settings: an offscreen Qt, and the shared data folder instead of any download."""
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
if _SHARED_DATA.is_dir():
    os.environ.setdefault("MLP_WORKBENCH_DATA", str(_SHARED_DATA))

# Nothing a test saves (runs, personal digits, settings) may land in the user's real folders.
import tempfile  # noqa: E402

os.environ["MLP_WORKBENCH_USER_DIR"] = tempfile.mkdtemp(prefix="mlp-workbench-tests-")
