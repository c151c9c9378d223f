import gzip
import struct

import numpy as np
import pytest

from core.datasets.idx import parse_idx, read_idx, write_idx


def idx_bytes(type_code: int, shape, payload: bytes) -> bytes:
    """An IDX file written by hand, independently of write_idx."""
    return bytes([0, 0, type_code, len(shape)]) + struct.pack(f">{len(shape)}I", *shape) + payload


@pytest.mark.parametrize("dtype", ["uint8", "int8", "int16", "int32", "float32", "float64"])
@pytest.mark.parametrize("suffix", ["", ".gz"])
def test_round_trip_keeps_values_shape_and_dtype(tmp_path, dtype, suffix):
    rng = np.random.default_rng(1)
    array = (rng.normal(size=(3, 5, 4)) * 100).astype(dtype)
    path = write_idx(tmp_path / f"a-idx{suffix}", array)
    back = read_idx(path)
    assert back.dtype == np.dtype(dtype) and back.dtype.isnative
    np.testing.assert_array_equal(back, array)
    assert path.read_bytes()[:2] == (b"\x1f\x8b" if suffix else b"\0\0")


def test_written_header_is_the_mnist_layout(tmp_path):
    images = np.arange(2 * 28 * 28, dtype=np.uint8).reshape(2, 28, 28)
    data = write_idx(tmp_path / "images", images).read_bytes()
    assert data[:16] == bytes.fromhex("00000803" "00000002" "0000001c" "0000001c")
    assert data[16:] == images.tobytes()
    assert write_idx(tmp_path / "labels", np.array([7, 2, 1], np.uint8)).read_bytes() == \
        bytes.fromhex("00000801" "00000003" "070201")


def test_big_endian_values_are_decoded():
    data = idx_bytes(0x0B, (2,), b"\x01\x02\xff\xfe")
    np.testing.assert_array_equal(parse_idx(data), [258, -2])
    np.testing.assert_array_equal(parse_idx(idx_bytes(0x0D, (1,), struct.pack(">f", 1.5))), [1.5])


def test_truncated_data_is_refused(tmp_path):
    path = tmp_path / "short"
    path.write_bytes(idx_bytes(0x08, (10, 28, 28), bytes(10 * 784 - 5)))
    with pytest.raises(ValueError, match=r"short: truncated: the header announces 10 × 28 × 28 uint8 values "
                                         r"\(7,840 bytes\) but only 7,835 bytes follow"):
        read_idx(path)


def test_truncated_header_is_refused():
    with pytest.raises(ValueError, match="truncated in the header: 3 dimensions need 16 bytes"):
        parse_idx(bytes([0, 0, 8, 3, 0, 0, 0, 1]))
    with pytest.raises(ValueError, match="too short"):
        parse_idx(b"\0\0")


@pytest.mark.parametrize("magic", ["01000803", "00000703", "00000800", "00001003"])
def test_wrong_magic_is_refused(magic):
    data = bytes.fromhex(magic) + bytes(64)
    with pytest.raises(ValueError, match=f"not an IDX file: magic number 0x{magic.upper()}"):
        parse_idx(data)


def test_trailing_bytes_are_refused():
    with pytest.raises(ValueError, match="3 unexpected bytes after the 2 uint8 values"):
        parse_idx(idx_bytes(0x08, (2,), b"\x01\x02abc"))


def test_a_png_is_not_an_idx_file(tmp_path):
    path = tmp_path / "train-images-idx3-ubyte"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    with pytest.raises(ValueError, match="not an IDX file"):
        read_idx(path)


def test_corrupt_and_truncated_gzip_are_refused(tmp_path):
    good = gzip.compress(idx_bytes(0x08, (1000,), bytes(range(256)) * 3 + bytes(232)))
    corrupt = tmp_path / "corrupt.gz"
    corrupt.write_bytes(good[:-8] + bytes(8))  # wrong CRC and length
    with pytest.raises(ValueError, match="corrupt.gz: corrupt gzip data"):
        read_idx(corrupt)
    cut = tmp_path / "cut.gz"
    cut.write_bytes(good[:len(good) // 2])
    with pytest.raises(ValueError, match="cut.gz: corrupt gzip data"):
        read_idx(cut)


def test_gzip_of_a_truncated_idx_file_is_refused(tmp_path):
    path = tmp_path / "labels.gz"
    path.write_bytes(gzip.compress(idx_bytes(0x08, (60000,), bytes(59999))))
    with pytest.raises(ValueError, match="truncated"):
        read_idx(path)


def test_writer_refuses_what_idx_cannot_hold(tmp_path):
    with pytest.raises(ValueError, match="cannot store dtype int64"):
        write_idx(tmp_path / "x", np.zeros(3, np.int64))
    with pytest.raises(ValueError, match="1 to 255 dimensions"):
        write_idx(tmp_path / "x", np.uint8(3))
    assert list(tmp_path.iterdir()) == []
