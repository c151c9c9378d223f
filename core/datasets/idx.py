"""Reading and writing IDX files, the format of MNIST and Fashion-MNIST.

An IDX file (all integers big-endian) is::

    magic:  0x00 0x00 TT DD     TT = type of the values, DD = number of dimensions
    sizes:  DD unsigned 32-bit integers
    data:   size₁ × size₂ × … values of type TT, row-major

with TT = 0x08 unsigned byte, 0x09 signed byte, 0x0B int16, 0x0C int32, 0x0D float32,
0x0E float64. MNIST images are ``0x00000803`` (N × 28 × 28 bytes), labels ``0x00000801``.

The reader checks all of it — magic number, header length and that the data is exactly as
long as the header says — so a truncated, corrupt or wrong file is refused with a ValueError
naming the file, never half-loaded. Files may be gzip-compressed (recognised by content).
"""
from __future__ import annotations

import gzip
import math
import struct
import zlib
from pathlib import Path

import numpy as np

from core.datasets.locations import atomic_file

TYPE_CODES = {0x08: np.dtype("u1"), 0x09: np.dtype("i1"), 0x0B: np.dtype(">i2"),
              0x0C: np.dtype(">i4"), 0x0D: np.dtype(">f4"), 0x0E: np.dtype(">f8")}
GZIP_MAGIC = b"\x1f\x8b"


def read_idx(path) -> np.ndarray:
    """The array stored in the IDX file ``path`` (raw or gzip-compressed); ValueError if it is not valid."""
    path = Path(path)
    data = path.read_bytes()
    if data[:2] == GZIP_MAGIC:
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as error:
            raise ValueError(f"{path}: corrupt gzip data ({error})") from None
    return parse_idx(data, source=str(path))


def parse_idx(data: bytes, source: str = "IDX data") -> np.ndarray:
    """Decode the bytes of an (uncompressed) IDX file; ``source`` names it in error messages."""
    if len(data) < 4:
        raise ValueError(f"{source}: {len(data)} bytes is too short for an IDX file (the magic number alone is 4)")
    magic = int.from_bytes(data[:4], "big")
    type_code, ndim = data[2], data[3]
    if data[:2] != b"\0\0" or type_code not in TYPE_CODES or ndim == 0:
        codes = ", ".join(f"{code:02X}" for code in TYPE_CODES)
        raise ValueError(f"{source}: not an IDX file: magic number 0x{magic:08X}; expected 0x0000TTDD with "
                         f"type TT one of {codes} and DD ≥ 1 dimensions "
                         f"(MNIST images are 0x00000803, labels 0x00000801)")
    header_bytes = 4 + 4 * ndim
    if len(data) < header_bytes:
        raise ValueError(f"{source}: truncated in the header: {ndim} dimensions need {header_bytes} bytes, "
                         f"the file has {len(data)}")
    shape = struct.unpack(f">{ndim}I", data[4:header_bytes])
    dtype = TYPE_CODES[type_code]
    count = math.prod(shape)
    expected, actual = count * dtype.itemsize, len(data) - header_bytes
    described = f"{' × '.join(map(str, shape))} {dtype.name} values ({expected:,} bytes)"
    if actual < expected:
        raise ValueError(f"{source}: truncated: the header announces {described} but only {actual:,} bytes follow")
    if actual > expected:
        raise ValueError(f"{source}: {actual - expected:,} unexpected bytes after the {described} "
                         f"the header announces (a corrupt or wrong file)")
    values = np.frombuffer(data, dtype=dtype, count=count, offset=header_bytes).reshape(shape)
    return values if dtype.itemsize == 1 else values.astype(dtype.newbyteorder("="))


def write_idx(path, array) -> Path:
    """Write ``array`` as an IDX file (gzip-compressed when ``path`` ends in .gz), atomically.

    The file appears complete or not at all: it is written to a temporary file in the same
    folder and renamed over ``path``.
    """
    path = Path(path)
    array = np.asarray(array)
    big_endian = {dtype.newbyteorder("="): (code, dtype) for code, dtype in TYPE_CODES.items()}
    if array.dtype not in big_endian:
        allowed = ", ".join(dtype.name for dtype in big_endian)
        raise ValueError(f"write_idx: cannot store dtype {array.dtype} in IDX; allowed: {allowed}")
    if not 1 <= array.ndim <= 255:
        raise ValueError(f"write_idx: an IDX array has 1 to 255 dimensions, got {array.ndim}")
    code, file_dtype = big_endian[array.dtype]
    header = bytes([0, 0, code, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    data = header + np.ascontiguousarray(array, dtype=file_dtype).tobytes()
    if path.name.endswith(".gz"):
        data = gzip.compress(data, mtime=0)
    with atomic_file(path) as file:
        file.write(data)
    return path
