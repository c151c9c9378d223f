import contextlib
import dataclasses
import errno
import io
import os
import time
from pathlib import Path

import numpy as np
import pytest

from core import datasets
from core.datasets import mnist
from core.datasets.idx import write_idx
from core.datasets.mnist import (FILE_NAMES, DatasetDamagedError, DatasetUnavailableError, DownloadError, download,
                                 locate)
from tests.core.datasets.fakes import fake_arrays, gz_files, source_for, write_fake_set

FASHION_MNIST = mnist.SOURCES["fashion_mnist"]  # as shipped, before a fixture hides system folders
README_TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
README_TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]


def n_train(data):
    return len(data.X_train) + len(data.X_val)


def test_loads_the_four_files_keeping_images_with_their_labels(tmp_path):
    arrays = write_fake_set(tmp_path / "given", n_train=100, n_test=40)
    data = datasets.load("mnist", folder=tmp_path / "given", validation_split=0.1)
    assert (len(data.X_train), len(data.X_val), len(data.X_test)) == (90, 10, 40)
    assert data.image_shape == (28, 28) and data.n_features == 784 and data.n_classes == 10
    for split in ("train", "val", "test"):
        X, y = getattr(data, "X_" + split), getattr(data, "y_" + split)
        np.testing.assert_allclose(X[:, 0] * 255, y * 20, atol=1e-3)  # pixel (0, 0) encodes the label
    np.testing.assert_array_equal(data.X_test * 255, arrays["test_images"].reshape(40, -1).astype(np.float32))
    assert data.X_train.max() <= 1.0


def test_raw_files_without_gz_are_read(tmp_path):
    write_fake_set(tmp_path / "raw", gz=False)
    assert len(datasets.load("mnist", folder=tmp_path / "raw").X_test) == 40


def test_lookup_order_given_folder_then_shared_data_then_cache_then_system(tmp_path, monkeypatch):
    given, shared, cache, system = (tmp_path / name for name in ("given", "shared", "cache", "system"))
    for folder, n in ((given, 20), (shared / "mnist", 30), (cache / "mnist", 40), (system, 50)):
        write_fake_set(folder, n_train=n, n_test=n)
    monkeypatch.setenv("MLP_WORKBENCH_DATA", str(shared))
    source = dataclasses.replace(mnist.SOURCES["mnist"], system_folders=(system,))
    monkeypatch.setitem(mnist.SOURCES, "mnist", source)
    load = lambda **options: len(datasets.load("mnist", validation_split=0, **options).X_test)  # noqa: E731
    assert load(folder=given) == 20
    assert load() == 30
    assert mnist.found_folder(source) == shared / "mnist" and mnist.found_folder(source, given) == given
    monkeypatch.delenv("MLP_WORKBENCH_DATA")
    assert load() == 40
    (cache / "mnist" / (FILE_NAMES["test_labels"] + ".gz")).unlink()  # an incomplete folder is skipped
    assert load() == 50
    assert load(folder=tmp_path / "empty") == 50  # a given folder without the files: the usual places
    assert mnist.found_folder(source) == system


def test_offline_error_lists_every_folder_and_how_to_provide_the_files(tmp_path, monkeypatch):
    monkeypatch.setenv("MLP_WORKBENCH_DATA", str(tmp_path / "lab"))
    write_fake_set(tmp_path / "lab" / "mnist")
    for part in ("train_images", "test_images"):
        (tmp_path / "lab" / "mnist" / (FILE_NAMES[part] + ".gz")).unlink()
    with pytest.raises(DatasetUnavailableError) as caught:
        datasets.load("mnist", folder=tmp_path / "mine")
    message = str(caught.value)
    assert mnist.found_folder(mnist.SOURCES["mnist"], tmp_path / "mine") is None
    assert f"{tmp_path / 'mine'} (the folder given): does not exist" in message
    assert f"{tmp_path / 'lab' / 'mnist'} ($MLP_WORKBENCH_DATA/mnist): has 2 of the 4 files" in message
    assert f"{tmp_path / 'cache' / 'mnist'} (the user's cache): does not exist" in message
    assert "train-images-idx3-ubyte[.gz]" in message and "download them into the cache folder" in message
    assert "`mlp-workbench lab pack FOLDER`" in message and "python -m" not in message, "the user's command"
    monkeypatch.delenv("MLP_WORKBENCH_DATA")
    with pytest.raises(FileNotFoundError, match=r"\$MLP_WORKBENCH_DATA is not set"):
        datasets.load("fashion_mnist", folder=tmp_path / "mine")


@pytest.mark.parametrize("damage, message", [
    (lambda a: a.update(train_labels=a["train_labels"][:-1]), "mismatched files: .*train-images-idx3-ubyte.gz has "
                                                              "100 images but .*train-labels-idx1-ubyte.gz has 99 labels"),
    (lambda a: a["test_labels"].__setitem__(0, 10), "label 10 is not a class of mnist"),
    (lambda a: a.update(test_images=a["test_images"][:, :20, :20]), "expected unsigned-byte images of 28 × 28"),
    (lambda a: a.update(train_labels=a["train_labels"].astype(np.int16)), "expected one unsigned-byte label"),
])
def test_files_that_do_not_fit_together_are_refused(tmp_path, damage, message):
    arrays = fake_arrays()
    damage(arrays)
    for part, array in arrays.items():
        write_idx(tmp_path / (FILE_NAMES[part] + ".gz"), array)
    with pytest.raises(DatasetDamagedError, match=message) as caught:
        datasets.load("mnist", folder=tmp_path)
    assert f"The MNIST handwritten digits files in {tmp_path} are damaged: replace them with good copies, or " \
           f"download the set again, which keeps a good copy" in str(caught.value)
    assert caught.value.damaged[0][0] == tmp_path


def test_a_damaged_copy_in_a_shared_folder_gives_way_to_a_good_one_or_to_a_download(tmp_path, mirror, monkeypatch):
    """A teacher's read-only share with a truncated file hid the good copy in the cache, and the
    message asked to delete files in a folder the student may not change."""
    files = gz_files(fake_arrays(n_train=60, n_test=20))
    mirror.files.update(files)
    source = source_for(files, [mirror.url("a")])
    monkeypatch.setitem(mnist.SOURCES, "mnist", source)
    monkeypatch.setenv("MLP_WORKBENCH_DATA", str(tmp_path / "share"))
    (tmp_path / "share" / "mnist").mkdir(parents=True)
    for name, data in files.items():
        (tmp_path / "share" / "mnist" / name).write_bytes(data[: len(data) // 2] if "t10k-images" in name else data)
    with pytest.raises(DatasetDamagedError) as caught:
        datasets.load("mnist")
    assert caught.value.damaged[0][0] == tmp_path / "share" / "mnist" and mirror.requests == []
    assert len(datasets.load("mnist", download=True, validation_split=0).X_test) == 20  # into the cache
    assert len(datasets.load("mnist", validation_split=0).X_test) == 20, "the good copy, found after the damaged one"
    (tmp_path / "cache" / "mnist" / "t10k-labels-idx1-ubyte.gz").write_bytes(b"\x1f\x8b cut short")
    requests = len(mirror.requests)
    assert len(datasets.load("mnist", download=True, validation_split=0).X_test) == 20
    assert mirror.requests[requests:] == ["/a/t10k-labels-idx1-ubyte.gz"], "the damaged file is fetched again"
    gz = tmp_path / "cache" / "mnist" / "train-labels-idx1-ubyte.gz"
    gz.rename(gz.with_suffix(""))  # a raw copy, which no checksum can vouch for
    requests = len(mirror.requests)
    download(mnist.SOURCES["mnist"])
    assert mirror.requests[requests:] == ["/a/train-labels-idx1-ubyte.gz"] and gz.is_file()


def test_a_changed_file_is_read_again(tmp_path):
    write_fake_set(tmp_path, n_test=40)
    assert len(datasets.load("mnist", folder=tmp_path).X_test) == 40
    write_fake_set(tmp_path, n_test=30, seed=1)
    assert len(datasets.load("mnist", folder=tmp_path).X_test) == 30


def test_download_fetches_verifies_and_reports_progress(tmp_path, mirror):
    files = gz_files(fake_arrays())
    mirror.files.update(files)
    source = source_for(files, [mirror.url("a")])
    progress = []
    folder = download(source, tmp_path / "dl", progress=lambda done, total: progress.append((done, total)))
    for name, content in files.items():
        assert (folder / name).read_bytes() == content
    total = sum(map(len, files.values()))
    assert progress[-1] == (total, total) and all(t == total for _, t in progress)
    assert [done for done, _ in progress] == sorted(done for done, _ in progress)
    assert sorted(p.name for p in folder.iterdir()) == sorted(files)


def test_download_skips_files_already_there(tmp_path, mirror):
    files = gz_files(fake_arrays())
    mirror.files.update(files)
    (tmp_path / "dl").mkdir()
    (tmp_path / "dl" / "t10k-labels-idx1-ubyte.gz").write_bytes(files["t10k-labels-idx1-ubyte.gz"])
    download(source_for(files, [mirror.url("a")]), tmp_path / "dl")
    assert len(mirror.requests) == 3 and not any("t10k-labels" in path for path in mirror.requests)


@pytest.mark.parametrize("failure, message", [("corrupt", "checksum mismatch: got MD5 [0-9a-f]{32}"),
                                              ("interrupt", "IncompleteRead|checksum mismatch"),
                                              ("missing", "HTTP Error 404")])
def test_a_failed_transfer_leaves_no_file_behind(tmp_path, mirror, failure, message):
    files = gz_files(fake_arrays())
    mirror.files.update(files)
    mirror.failures[("a", "t10k-images-idx3-ubyte.gz")] = failure
    with pytest.raises(DownloadError, match=f"could not download t10k-images-idx3-ubyte.gz for mnist:\n"
                                            f"  - {mirror.url('a')}t10k-images-idx3-ubyte.gz: ({message})"):
        download(source_for(files, [mirror.url("a")]), tmp_path / "dl")
    left = sorted(p.name for p in (tmp_path / "dl").iterdir())
    assert left == ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"]  # the complete ones only


def test_a_folder_that_cannot_hold_the_files_is_its_own_error_not_the_mirrors(tmp_path, mirror, monkeypatch):
    files = gz_files(fake_arrays())
    mirror.files.update(files)
    source = source_for(files, [mirror.url("first"), mirror.url("second")])
    (tmp_path / "a file").write_text("")
    with pytest.raises(OSError) as caught:
        download(source, tmp_path / "a file" / "mnist")
    assert caught.value.errno == errno.ENOTDIR and not isinstance(caught.value, DownloadError)

    class FullDisk(io.BytesIO):
        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(mnist, "atomic_file", lambda path: contextlib.nullcontext(FullDisk()))
    with pytest.raises(OSError, match="No space left on device"):
        download(source, tmp_path / "dl")
    assert len(mirror.requests) == 1, "the disk stays full whichever mirror sends the file"


def test_the_next_mirror_is_tried(tmp_path, mirror):
    files = gz_files(fake_arrays())
    mirror.files.update(files)
    for name in files:
        mirror.failures[("first", name)] = "interrupt"
    download(source_for(files, [mirror.url("first"), mirror.url("second")]), tmp_path / "dl")
    assert sorted(p.name for p in (tmp_path / "dl").iterdir()) == sorted(files)
    assert len(mirror.requests) == 8


def test_cancelling_from_the_progress_callback_stops_and_cleans_up(tmp_path, mirror):
    files = gz_files(fake_arrays())
    mirror.files.update(files)

    def cancel(done, total):
        if done:  # mid-transfer
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        download(source_for(files, [mirror.url("a")]), tmp_path / "dl", progress=cancel)
    assert list((tmp_path / "dl").iterdir()) == []


def test_a_cancel_given_while_a_mirror_failed_stops_before_the_next_mirror(tmp_path, mirror):
    files = gz_files(fake_arrays())
    mirror.files.update(files)
    for name in files:
        mirror.failures[("first", name)] = "missing"
    calls = []

    def cancelled_meanwhile(done, total):
        calls.append(done)
        if len(calls) > 1:  # Cancel pressed while the first mirror was being tried
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        download(source_for(files, [mirror.url("first"), mirror.url("second")]), tmp_path / "dl",
                 progress=cancelled_meanwhile)
    assert all(path.startswith("/first/") for path in mirror.requests), "the second mirror is not asked"


def test_partial_downloads_a_closed_window_left_behind_are_removed_by_the_next_download(tmp_path, mirror):
    files = gz_files(fake_arrays())
    mirror.files.update(files)
    folder = tmp_path / "dl"
    folder.mkdir()
    abandoned, recent = folder / ".train-images-idx3-ubyte.gz.k3j2.part", folder / ".t10k-labels-idx1-ubyte.gz.x9.part"
    for part in (abandoned, recent):
        part.write_bytes(b"half a file")
    os.utime(abandoned, (time.time() - 2 * mnist.ABANDONED_AFTER_S,) * 2)
    download(source_for(files, [mirror.url("a")]), folder)
    assert not abandoned.exists()
    assert recent.exists(), "maybe another download's, still under way"


def test_load_downloads_into_the_cache_only_when_allowed(tmp_path, mirror, monkeypatch):
    arrays = fake_arrays(n_train=60, n_test=20)
    files = gz_files(arrays)
    mirror.files.update(files)
    monkeypatch.setitem(mnist.SOURCES, "mnist", source_for(files, [mirror.url("a")]))
    with pytest.raises(DatasetUnavailableError):
        datasets.load("mnist")
    assert mirror.requests == []
    data = datasets.load("mnist", download=True, validation_split=0.2)
    assert n_train(data) == 60 and len(data.X_test) == 20
    assert sorted(locate(mnist.SOURCES["mnist"]).values())[0].parent == tmp_path / "cache" / "mnist"
    datasets.load("mnist", download=True, validation_split=0.2)  # found offline now: nothing more is fetched
    assert len(mirror.requests) == 4


def test_a_school_mirror_can_replace_the_public_ones(tmp_path, mirror, monkeypatch):
    arrays = fake_arrays(n_train=60, n_test=20)
    files = gz_files(arrays)
    mirror.files.update(files)
    # The official checksums still apply: here those of the test files.
    monkeypatch.setitem(mnist.SOURCES, "mnist", source_for(files, ["http://127.0.0.1:9/unused/"]))
    data = datasets.load("mnist", download=True, mirrors=[mirror.url("school")], validation_split=0.2)
    assert len(data.X_test) == 20 and all(path.startswith("/school/") for path in mirror.requests)
    with pytest.raises(ValueError, match="mirrors must be a list of base URLs"):
        datasets.load("fashion_mnist", download=True, mirrors="http://example.org/")


def test_fashion_mnist_has_clothes_and_the_debian_folder_as_a_system_location(tmp_path):
    write_fake_set(tmp_path / "fashion")
    data = datasets.load("fashion_mnist", folder=tmp_path / "fashion")
    assert data.class_names[0] == "T-shirt/top" and data.class_names[9] == "Ankle boot"
    assert FASHION_MNIST.system_folders == (Path("/usr/share/datasets/fashion-mnist"),)


def test_fashion_mnist_is_found_in_a_fashion_mnist_folder_as_debian_names_it_and_under_its_older_name(
        tmp_path, monkeypatch):
    source = dataclasses.replace(FASHION_MNIST, system_folders=())
    monkeypatch.setitem(mnist.SOURCES, "fashion_mnist", source)
    monkeypatch.setenv("MLP_WORKBENCH_DATA", str(tmp_path / "shared"))
    write_fake_set(tmp_path / "shared" / "fashion-mnist", n_train=30, n_test=10)
    assert mnist.found_folder(source) == tmp_path / "shared" / "fashion-mnist"
    monkeypatch.delenv("MLP_WORKBENCH_DATA")
    write_fake_set(tmp_path / "cache" / "fashion_mnist", n_train=20, n_test=10)  # written by an earlier version
    assert len(datasets.load("fashion_mnist", validation_split=0).X_train) == 20
    with pytest.raises(DatasetUnavailableError, match="copy the four files into .*fashion-mnist; or point"):
        mnist.locate(dataclasses.replace(source, folder_names=("fashion-mnist",)))


def test_mix_user_digits_adds_them_to_training_only(tmp_path):
    write_fake_set(tmp_path / "m", n_train=100, n_test=40)
    from core.datasets.user_digits import add_user_digit
    for label in range(10):
        add_user_digit(np.full((28, 28), 0.5), label)
    plain = datasets.load("mnist", folder=tmp_path / "m")
    mixed = datasets.load("mnist", folder=tmp_path / "m", mix_user_digits=True)
    assert len(mixed.X_train) == len(plain.X_train) + 10
    np.testing.assert_array_equal(mixed.X_val, plain.X_val)
    np.testing.assert_allclose(mixed.X_train[-10:], 128 / 255, atol=1e-6)
    np.testing.assert_array_equal(mixed.y_train[-10:], np.arange(10))


def test_real_mnist_matches_its_readme(real_mnist_folder, monkeypatch):
    monkeypatch.setenv("MLP_WORKBENCH_DATA", str(real_mnist_folder.parent))
    data = datasets.load("mnist", validation_split=0.0)
    assert data.X_train.shape == (60000, 784) and data.X_test.shape == (10000, 784)
    assert np.bincount(data.y_train).tolist() == README_TRAIN_COUNTS
    assert np.bincount(data.y_test).tolist() == README_TEST_COUNTS
    assert data.y_train[:10].tolist() == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]
    assert data.y_test[:10].tolist() == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]
    assert abs(data.X_train.mean() * 255 - 33.318) < 0.001 and abs(data.X_test.mean() * 255 - 33.791) < 0.001
    split = datasets.load("mnist")
    assert (len(split.X_train), len(split.X_val)) == (54000, 6000)
    assert (np.bincount(split.y_train) + np.bincount(split.y_val)).tolist() == README_TRAIN_COUNTS

