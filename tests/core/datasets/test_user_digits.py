import numpy as np
import pytest

from core import datasets
from core.datasets.user_digits import (TooFewDrawnDigits, add_user_digit, digits_still_needed, load_user_digits,
                                      shortfall_groups, user_digits_path)


def test_saved_digits_come_back_as_mnist_bytes(tmp_path):
    image = np.linspace(0, 1, 784).reshape(28, 28)
    assert add_user_digit(image, 3).tolist() == [3]
    assert add_user_digit(image.reshape(784), 7).tolist() == [3, 7]  # every label saved, this one last
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

    def saved(save=np.savez, **arrays):
        with open(path, "wb") as file:  # under the file's name, whatever it holds
            save(file, **arrays)

    damages = [lambda: path.write_bytes(b"not a zip"), lambda: path.write_bytes(b""),
               lambda: saved(np.save, arr=np.zeros(3)),  # one array
               lambda: saved(images=np.zeros((1, 28, 28), np.uint8)),  # no labels
               lambda: saved(images=np.zeros((1, 28, 28)), labels=np.zeros(1, np.int64))]  # float images
    for damage in damages:
        damage()
        with pytest.raises(ValueError, match="not a readable file of drawn digits .*; move it aside"):
            load_user_digits()
        with pytest.raises(ValueError, match="not a readable file of drawn digits"):
            add_user_digit(np.zeros((28, 28), np.uint8), 1)


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


def save_digits(labels):
    image = np.zeros((28, 28), np.uint8)
    for label in labels:
        add_user_digit(image, int(label))


def test_too_few_digits_to_split_say_how_many_more_of_each_to_draw(tmp_path):
    save_digits(np.arange(100) % 10)  # ten of each: the test part leaves 80, whose tenth is 8 < 10 digits
    with pytest.raises(TooFewDrawnDigits) as raised:
        datasets.load("my_digits")
    assert raised.value.needed.tolist() == [2] * 10 and raised.value.enough_without_validation
    assert str(raised.value) == ("my_digits is too small to take 0.2 off for the test set and 0.1 for validation "
                                 "with every digit in each part. Draw more digits — 0–9: 2 each. Or set the "
                                 "validation split to 0 (no validation data).")
    save_digits(np.arange(20) % 10)
    data = datasets.load("my_digits")
    for part in (data.y_train, data.y_val, data.y_test):
        assert set(part.tolist()) == set(range(10))


def test_a_training_subset_too_small_is_not_taken_for_too_few_digits(tmp_path):
    save_digits(np.repeat(np.arange(10), 12))  # enough of every digit for the test and validation parts
    assert len(datasets.load("my_digits").y_val) > 0
    with pytest.raises(ValueError, match="for max_train=1: ") as raised:
        datasets.load("my_digits", max_train=1)
    assert not isinstance(raised.value, TooFewDrawnDigits)


@pytest.mark.parametrize("seed", range(40))
def test_my_digits_loads_exactly_when_no_more_digits_are_needed(tmp_path, seed):
    """The Draw view's advice (digits_still_needed) and the loader judge by the same rules."""
    rng = np.random.default_rng(seed)
    labels = rng.choice(10, size=rng.integers(60, 200), p=rng.dirichlet(np.ones(10) * 3))
    save_digits(labels)
    needed = digits_still_needed(labels)
    if needed.any():
        with pytest.raises(TooFewDrawnDigits):
            datasets.load("my_digits")
    else:
        data = datasets.load("my_digits")
        assert all(len(np.unique(part)) == 10 for part in (data.y_train, data.y_val, data.y_test))


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("validation_split, test_split", [(0.1, 0.2), (0.2, 0.2), (0.0, 0.3), (0.3, 0.1)])
def test_the_digits_still_needed_are_enough_for_every_digit_in_each_part(tmp_path, seed, validation_split, test_split):
    rng = np.random.default_rng(seed)
    labels = rng.choice(10, size=rng.integers(1, 150), p=rng.dirichlet(np.ones(10)))
    needed = digits_still_needed(labels, validation_split, test_split)
    save_digits(np.concatenate([labels, np.repeat(np.arange(10), needed)]))
    data = datasets.load("my_digits", validation_split=validation_split, test_split=test_split, seed=seed)
    parts = (data.y_train, data.y_test) + ((data.y_val,) if validation_split else ())
    assert all(set(part.tolist()) == set(range(10)) for part in parts)
    # The digits short of the count that splits are brought to it: one count fewer would not split.
    assert len(set(np.bincount(labels, minlength=10)[needed > 0] + needed[needed > 0])) <= 1
    one_fewer = np.concatenate([labels, np.repeat(np.arange(10), np.maximum(needed - 1, 0))])
    assert needed.max() == 0 or digits_still_needed(one_fewer, validation_split, test_split).any()


def test_shortfall_groups_list_the_digits_by_how_many_more(tmp_path):
    needed = np.array([12, 11, 12, 0, 12, 12, 12, 11, 12, 12])
    assert shortfall_groups(needed) == [(12, (0, 2, 4, 5, 6, 8, 9)), (11, (1, 7))]
    assert digits_still_needed(np.arange(120) % 10).tolist() == [0] * 10
    assert digits_still_needed([3]).tolist() == [12, 12, 12, 11, 12, 12, 12, 12, 12, 12]
