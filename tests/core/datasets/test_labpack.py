import pytest

from core import datasets
from core.datasets import mnist
from core.datasets.labpack import main, prepare_lab_pack
from core.datasets.mnist import FILE_NAMES, DatasetUnavailableError
from tests.core.datasets.fakes import fake_arrays, gz_files, source_for, write_fake_set


def test_a_lab_pack_is_a_ready_mlp_workbench_data_folder(tmp_path, monkeypatch):
    write_fake_set(tmp_path / "cache" / "mnist", n_train=50, n_test=20)
    write_fake_set(tmp_path / "cache" / "fashion_mnist", n_train=30, n_test=10, gz=False)  # an older cache's name
    packed = prepare_lab_pack(tmp_path / "usb")
    assert packed == {"mnist": tmp_path / "usb" / "mnist", "fashion_mnist": tmp_path / "usb" / "fashion-mnist"}
    for cached, name in (("mnist", "mnist"), ("fashion_mnist", "fashion-mnist")):
        for original in (tmp_path / "cache" / cached).iterdir():
            assert (tmp_path / "usb" / name / original.name).read_bytes() == original.read_bytes()
    assert "MLP_WORKBENCH_DATA" in (tmp_path / "usb" / "README.txt").read_text()
    # On a lab computer: an empty cache, MLP_WORKBENCH_DATA pointing at the pack.
    monkeypatch.setenv("MLP_WORKBENCH_CACHE_DIR", str(tmp_path / "lab-cache"))
    monkeypatch.setenv("MLP_WORKBENCH_DATA", str(tmp_path / "usb"))
    assert len(datasets.load("mnist", validation_split=0.2).X_test) == 20
    assert len(datasets.load("fashion_mnist", validation_split=0.0).X_train) == 30


def test_a_lab_pack_made_again_takes_the_data_it_already_holds(tmp_path, monkeypatch):
    """Packed again (to add a lab, or --download for another data set) in a shell without MLP_WORKBENCH_DATA, a
    pack holding MNIST was refused: "MNIST … is not on this computer"."""
    write_fake_set(tmp_path / "cache" / "mnist", n_train=50, n_test=20)
    prepare_lab_pack(tmp_path / "usb", ["mnist"])
    monkeypatch.setenv("MLP_WORKBENCH_CACHE_DIR", str(tmp_path / "another computer's cache"))
    monkeypatch.delenv("MLP_WORKBENCH_DATA", raising=False)
    before = {path.name: path.read_bytes() for path in (tmp_path / "usb" / "mnist").iterdir()}
    assert prepare_lab_pack(tmp_path / "usb", ["mnist"]) == {"mnist": tmp_path / "usb" / "mnist"}
    assert {path.name: path.read_bytes() for path in (tmp_path / "usb" / "mnist").iterdir()} == before


def test_a_lab_pack_copies_a_good_copy_past_a_damaged_one(tmp_path, monkeypatch):
    monkeypatch.setenv("MLP_WORKBENCH_DATA", str(tmp_path / "share"))
    write_fake_set(tmp_path / "share" / "mnist", n_train=50, n_test=20)
    write_fake_set(tmp_path / "cache" / "mnist", n_train=40, n_test=10)
    damaged = tmp_path / "share" / "mnist" / "t10k-images-idx3-ubyte.gz"
    damaged.write_bytes(damaged.read_bytes()[:60])
    packed = prepare_lab_pack(tmp_path / "usb", ["mnist"])
    for copied in packed["mnist"].iterdir():
        assert copied.read_bytes() == (tmp_path / "cache" / "mnist" / copied.name).read_bytes()
    damaged_cache = tmp_path / "cache" / "mnist" / "t10k-images-idx3-ubyte.gz"
    damaged_cache.write_bytes(damaged_cache.read_bytes()[:60])
    with pytest.raises(mnist.DatasetDamagedError, match="are damaged"):
        prepare_lab_pack(tmp_path / "usb2", ["mnist"])


def test_missing_data_is_an_error_unless_a_download_is_allowed(tmp_path, mirror, monkeypatch):
    with pytest.raises(DatasetUnavailableError, match="MNIST handwritten digits"):
        prepare_lab_pack(tmp_path / "usb", ["mnist"])
    files = gz_files(fake_arrays())
    mirror.files.update(files)
    monkeypatch.setitem(mnist.SOURCES, "mnist", source_for(files, [mirror.url("a")]))
    prepare_lab_pack(tmp_path / "usb", ["mnist"], allow_download=True)
    assert sorted(p.name for p in (tmp_path / "usb" / "mnist").iterdir()) == sorted(files)
    assert sorted(p.name for p in (tmp_path / "cache" / "mnist").iterdir()) == sorted(files)


def test_a_broken_file_is_not_packed(tmp_path):
    write_fake_set(tmp_path / "cache" / "mnist")
    labels = tmp_path / "cache" / "mnist" / (FILE_NAMES["test_labels"] + ".gz")
    labels.write_bytes(labels.read_bytes()[:-10])
    with pytest.raises(mnist.DatasetDamagedError, match="corrupt gzip data"):
        prepare_lab_pack(tmp_path / "usb", ["mnist"])
    assert not (tmp_path / "usb" / "mnist").exists()


def test_only_file_based_data_sets_can_be_packed(tmp_path):
    with pytest.raises(ValueError, match="a lab pack holds files of: mnist, fashion_mnist; got \\['digits'\\]"):
        prepare_lab_pack(tmp_path / "usb", ["digits"])


def test_command_line(tmp_path, capsys):
    write_fake_set(tmp_path / "cache" / "mnist")
    assert main([str(tmp_path / "usb"), "--names", "mnist"]) == 0
    assert f"Set MLP_WORKBENCH_DATA={tmp_path / 'usb'}" in capsys.readouterr().out
    assert main([str(tmp_path / "usb2"), "--names", "fashion_mnist"]) == 1
    assert "error: Fashion-MNIST clothing images (fashion_mnist) is not on this computer" in capsys.readouterr().err
