"""Suite-wide settings: an offscreen Qt, and the shared data folder instead of any download."""
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
if _SHARED_DATA.is_dir():
    os.environ.setdefault("MLP_WORKBENCH_DATA", str(_SHARED_DATA))

# Nothing a test saves (runs, personal digits, settings) may land in the user's real folders; the
# scratch folder goes when the suite ends. Only this process removes it: the window's training
# processes are forks of it, and a fork that ran exit handlers would pull it from under the suite.
import atexit  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402

_USER_DIR = tempfile.mkdtemp(prefix="mlp-workbench-tests-")
os.environ["MLP_WORKBENCH_USER_DIR"] = _USER_DIR
_SUITE_PROCESS = os.getpid()


@atexit.register
def _remove_user_dir() -> None:
    if os.getpid() == _SUITE_PROCESS:
        shutil.rmtree(_USER_DIR, ignore_errors=True)
