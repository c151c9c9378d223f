import numpy as np
import pytest

from core import datasets
from core.datasets.user_digits import add_user_digit, load_user_digits, user_digits_path


def test_saved_digits_come_back_as_mnist_bytes(tmp_path):
    image = np.linspace(0, 1, 784).reshape(28, 28)
    assert add_user_digit(image, 3) == 1
    assert add_user_digit(image.reshape(784), 7) == 2
    images, labels = load_user_digits()
    assert images.dtype == np.uint8 and images.shape == (2, 28, 28)
    np.testing.assert_array_equal(images[0], np.rint(image * 255))
    assert labels.tolist() == [3, 7] and labels.dtype == np.int64
    assert user_digits_path() == tmp_path / "user" / "my_digits.npz"  # MLP_WORKBENCH_USER_DIR
    assert sorted(p.name for p in (tmp_path / "user").iterdir()) == ["my_digits.npz"]  # no temporary file left
    with np.load(user_digits_path(), allow_pickle=False) as stored:  # plain arrays, no pickle
        assert sorted(stored.files) == ["images", "labels"]


def test_a_folder_can_be_given(tmp_path):
    add_user_digit(np.zeros((28, 28), np.uint8), 0, folder=tmp_path / "elsewhere")
    assert len(load_user_digits(tmp_path / "elsewhere")[1]) == 1 and len(load_user_digits()[1]) == 0


@pytest.mark.parametrize("image, label, message", [
    (np.zeros((8, 8)), 1, "784 pixels, got shape \\(8, 8\\)"),
    (np.full((28, 28), 1.5), 1, "must lie in \\[0, 1\\], got 1.5"),
    (np.zeros((28, 28)), 10, "digit label must be ≤ 9"),
    (np.zeros((28, 28)), 2.5, "digit label must be a whole number"),
])
def test_bad_digits_are_refused_and_nothing_is_written(tmp_path, image, label, message):
    with pytest.raises(ValueError, match=message):
        add_user_digit(image, label)
    assert not user_digits_path().exists()


def test_a_damaged_file_is_reported(tmp_path):
    path = user_digits_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a zip")
    with pytest.raises(ValueError, match="not a readable file of drawn digits"):
        load_user_digits()


def test_my_digits_data_set(tmp_path):
    with pytest.raises(ValueError, match="no drawn digits saved yet"):
        datasets.load("my_digits")
    rng = np.random.default_rng(0)
    for label in np.arange(40) % 10:
        add_user_digit(rng.uniform(0, 1, (28, 28)), int(label))
    data = datasets.load("my_digits", validation_split=0.0, test_split=0.25)
    assert (len(data.X_train), len(data.X_test)) == (30, 10)
    assert data.image_shape == (28, 28) and data.class_names == tuple("0123456789")
    assert set(data.y_test.tolist()) == set(range(10))
