"""Small MNIST-like IDX files and a local HTTP mirror, for tests that need files or downloads."""
from __future__ import annotations

import gzip
import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np

from core.datasets.idx import write_idx
from core.datasets.mnist import FILE_NAMES, PARTS, IdxSource


def fake_arrays(n_train: int = 100, n_test: int = 40, seed: int = 0) -> dict[str, np.ndarray]:
    """Images whose pixel (0, 0) is 20 × their label, so a test can check images still match labels."""
    rng = np.random.default_rng(seed)
    arrays = {}
    for split, n in (("train", n_train), ("test", n_test)):
        labels = rng.permutation(np.arange(n) % 10).astype(np.uint8)
        images = rng.integers(0, 256, (n, 28, 28), dtype=np.uint8)
        images[:, 0, 0] = labels * 20
        arrays[split + "_images"], arrays[split + "_labels"] = images, labels
    return arrays


def write_fake_set(folder, n_train: int = 100, n_test: int = 40, seed: int = 0, gz: bool = True):
    """Write the four IDX files into ``folder``; returns the arrays written."""
    arrays = fake_arrays(n_train, n_test, seed)
    for part, array in arrays.items():
        write_idx(Path(folder) / (FILE_NAMES[part] + (".gz" if gz else "")), array)
    return arrays


def gz_files(arrays) -> dict[str, bytes]:
    """The ``.gz`` file contents of each part, as a mirror serves them."""
    return {FILE_NAMES[part] + ".gz": gzip.compress(_idx_bytes(array), mtime=0) for part, array in arrays.items()}


def _idx_bytes(array: np.ndarray) -> bytes:
    header = bytes([0, 0, 8, array.ndim]) + b"".join(int(d).to_bytes(4, "big") for d in array.shape)
    return header + array.tobytes()


def source_for(files: dict[str, bytes], mirrors, name: str = "mnist") -> IdxSource:
    """An IdxSource whose checksums are those of ``files`` (the real ones would not match test data)."""
    checksums = {part: (hashlib.md5(files[FILE_NAMES[part] + ".gz"]).hexdigest(), len(files[FILE_NAMES[part] + ".gz"]))
                 for part in PARTS}
    return IdxSource(name=name, title="test digits", class_names=tuple("0123456789"), mirrors=tuple(mirrors),
                     checksums=checksums)


class Mirror:
    """Serves ``files[name]`` at ``/<prefix>/<name>``.

    ``failures[(prefix, name)]`` makes a request fail: "corrupt" (one byte changed),
    "interrupt" (the connection closes halfway through) or "missing" (404).
    ``requests`` lists the paths asked for.
    """

    def __init__(self):
        self.files: dict[str, bytes] = {}
        self.failures: dict[tuple[str, str], str] = {}
        self.requests: list[str] = []
        mirror = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                mirror.requests.append(self.path)
                prefix, _, name = self.path.strip("/").partition("/")
                failure = mirror.failures.get((prefix, name))
                body = mirror.files.get(name)
                if body is None or failure == "missing":
                    self.send_error(404)
                    return
                if failure == "corrupt":
                    body = body[:len(body) // 2] + bytes([body[len(body) // 2] ^ 0xFF]) + body[len(body) // 2 + 1:]
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[:len(body) // 2] if failure == "interrupt" else body)
                self.wfile.flush()
                self.close_connection = True

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs=dict(poll_interval=0.02),
                                       daemon=True)
        self.thread.start()

    def url(self, prefix: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/{prefix}/"

    def close(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()
