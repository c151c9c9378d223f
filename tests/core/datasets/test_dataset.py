import json

import numpy as np
import pytest
from sklearn.preprocessing import MinMaxScaler, StandardScaler

from core.datasets.dataset import Dataset, Scaler, make_dataset
from core.datasets.plane import make_planar


def table(n=1000, n_classes=4, seed=0):
    """Rows whose first feature is their index (to trace them through the splits); unbalanced classes."""
    rng = np.random.default_rng(seed)
    y = rng.choice(n_classes, size=n, p=np.linspace(1, 2, n_classes) / np.linspace(1, 2, n_classes).sum())
    X = np.column_stack([np.arange(n), rng.normal(50, 10, n), rng.uniform(-3, 7, n)])
    return X, y


def row_ids(dataset, split):
    return np.rint(dataset.scaler.inverse_transform(getattr(dataset, "X_" + split))[:, 0]).astype(int)


def test_split_sizes_follow_the_fractions():
    X, y = table()
    data = make_dataset("t", "multiclass", X, y, class_names="abcd", test_split=0.2, validation_split=0.1)
    assert (len(data.X_train), len(data.X_val), len(data.X_test)) == (720, 80, 200)


def test_splits_are_disjoint_complete_and_keep_rows_with_their_labels():
    X, y = table()
    data = make_dataset("t", "multiclass", X, y, class_names="abcd", scaling="none")
    ids = np.concatenate([row_ids(data, s) for s in ("train", "val", "test")])
    assert sorted(ids) == list(range(len(X)))
    for split in ("train", "val", "test"):
        np.testing.assert_array_equal(getattr(data, "y_" + split), y[row_ids(data, split)])


def test_splits_are_stratified():
    X, y = table()
    data = make_dataset("t", "multiclass", X, y, class_names="abcd")
    overall = np.bincount(y) / len(y)
    for split in ("train", "val", "test"):
        labels = getattr(data, "y_" + split)
        np.testing.assert_allclose(np.bincount(labels, minlength=4) / len(labels), overall, atol=1.5 / len(labels))


def test_the_seed_decides_the_split():
    X, y = table()
    a, b, c = (make_dataset("t", "multiclass", X, y, class_names="abcd", seed=seed) for seed in (3, 3, 4))
    np.testing.assert_array_equal(a.X_train, b.X_train)
    assert not np.array_equal(row_ids(a, "test"), row_ids(c, "test"))


def test_standardize_is_fitted_on_the_training_split_only():
    X, y = table()
    data = make_dataset("t", "multiclass", X, y, class_names="abcd", scaling="standardize")
    raw = {s: X[row_ids(data, s)] for s in ("train", "val", "test")}
    reference = StandardScaler().fit(raw["train"])
    for split in ("train", "val", "test"):
        np.testing.assert_allclose(getattr(data, "X_" + split), reference.transform(raw[split]), atol=2e-5)
    assert abs(data.X_test.mean(axis=0)).max() > 1e-3  # the test split was not standardised by its own mean


def test_unit_scaling_is_min_max_of_the_training_split():
    X, y = table()
    data = make_dataset("t", "multiclass", X, y, class_names="abcd", scaling="unit")
    reference = MinMaxScaler().fit(X[row_ids(data, "train")])
    np.testing.assert_allclose(data.X_val, reference.transform(X[row_ids(data, "val")]), atol=1e-6)
    np.testing.assert_allclose(data.X_train.min(axis=0), 0, atol=1e-7)
    np.testing.assert_allclose(data.X_train.max(axis=0), 1, atol=1e-6)


def test_unit_scaling_of_images_divides_by_the_largest_pixel_value():
    images = np.random.default_rng(0).integers(0, 200, (60, 16), dtype=np.uint8)  # 200 never reached
    labels = np.arange(60) % 3
    data = make_dataset("img", "multiclass", images, labels, class_names="abc", image_shape=(4, 4),
                        pixel_max=255, scaling="unit", validation_split=0.0, test_split=0.0)
    np.testing.assert_array_equal(data.X_train, images.astype(np.float32) / np.float32(255))


def test_a_constant_feature_is_not_divided_by_zero():
    X = np.column_stack([np.ones(40), np.arange(40)])
    data = make_dataset("c", "binary", X, np.arange(40) % 2, class_names="ab", validation_split=0, test_split=0)
    assert np.isfinite(data.X_train).all() and (data.X_train[:, 0] == 0).all()


def test_max_train_takes_a_stratified_subset_and_leaves_validation_and_test_alone():
    X, y = table()
    full = make_dataset("t", "multiclass", X, y, class_names="abcd")
    small = make_dataset("t", "multiclass", X, y, class_names="abcd", max_train=100)
    assert len(small.X_train) == 100
    assert set(row_ids(small, "train")) <= set(row_ids(full, "train"))
    np.testing.assert_array_equal(row_ids(small, "val"), row_ids(full, "val"))
    np.testing.assert_array_equal(row_ids(small, "test"), row_ids(full, "test"))
    np.testing.assert_allclose(np.bincount(small.y_train) / 100, np.bincount(y) / len(y), atol=0.02)
    assert len(make_dataset("t", "multiclass", X, y, class_names="abcd", max_train=10**6).X_train) == 720


def test_extra_training_examples_go_to_the_training_split_only():
    X, y = table()
    extra = (np.full((5, 3), -1.0), np.zeros(5, int))
    data = make_dataset("t", "multiclass", X, y, class_names="abcd", scaling="none", extra_train=extra)
    assert len(data.X_train) == 725 and (data.X_train[-5:] == -1).all() and (data.y_train[-5:] == 0).all()
    assert len(data.X_val) == 80 and len(data.X_test) == 200


def test_regression_targets_are_float32_columns_and_scaled_only_on_request():
    X = np.arange(100.0)[:, None]
    y = 3 * np.arange(100.0) + 500
    raw = make_dataset("r", "regression", X, y)
    assert raw.y_train.dtype == np.float32 and raw.y_train.shape == (len(raw.X_train), 1)
    assert raw.target_scaler is None and raw.n_classes == 0
    scaled = make_dataset("r", "regression", X, y, target_scaling="standardize")
    assert abs(scaled.y_train.mean()) < 1e-5 and abs(scaled.y_train.std() - 1) < 1e-5
    np.testing.assert_allclose(scaled.target_scaler.inverse_transform(scaled.y_test), raw.y_test, rtol=1e-6)


def prices(n=500, seed=1):
    """Rows whose only feature is their index (kept unscaled, to trace them), and house prices around 2·10⁵."""
    return np.arange(n, dtype=np.float64)[:, None], 2e5 + 5e4 * np.random.default_rng(seed).standard_normal(n)


@pytest.mark.parametrize("method, sklearn_scaler", [("standardize", StandardScaler), ("unit", MinMaxScaler)])
def test_target_scaling_is_fitted_on_the_training_targets_only_and_maps_back_exactly(method, sklearn_scaler):
    X, y = prices()
    data = make_dataset("houses", "regression", X, y, scaling="none", target_scaling=method)
    rows = {split: np.rint(getattr(data, "X_" + split)[:, 0]).astype(int) for split in ("train", "val", "test")}
    # The extremes outside the training split (regression rows are split by their index alone): a fit on all
    # the targets would see them.
    y[rows["val"][0]], y[rows["test"][0]] = -1e6, 1e6
    data = make_dataset("houses", "regression", X, y, scaling="none", target_scaling=method)
    fitted = sklearn_scaler().fit(y[rows["train"], None])  # the training split's targets alone
    everything = sklearn_scaler().fit(y[:, None])
    for split, ids in rows.items():
        scaled = getattr(data, "y_" + split)
        np.testing.assert_allclose(scaled, fitted.transform(y[ids, None]), rtol=1e-4, atol=1e-5)
        np.testing.assert_allclose(data.original_targets(scaled), y[ids, None], rtol=1e-6)
    assert not np.allclose(fitted.transform(y[:5, None]), everything.transform(y[:5, None]), rtol=1e-4, atol=1e-5), \
        "the training split alone gives another fit than all the data: the test tells them apart"
    assert data.target_scaler.method == method and data.y_train.dtype == np.float32


def test_a_constant_target_is_scaled_to_zero_and_maps_back_to_its_value():
    """Nothing varies for σ or max − min to measure: the scale stays 1, as for a constant feature, rather than
    dividing by zero."""
    X = np.arange(40.0)[:, None]
    for method in ("standardize", "unit"):
        data = make_dataset("flat", "regression", X, np.full(40, 123_456.0), target_scaling=method)
        assert data.target_scaler.scale.tolist() == [1.0] and np.all(data.y_train == 0)
        assert np.all(data.original_targets(data.y_test) == 123_456.0)


def test_class_labels_are_never_scaled_and_an_unknown_target_scaling_is_named():
    X, y = table()
    data = make_dataset("t", "multiclass", X, y, class_names="abcd", target_scaling="standardize")
    assert data.target_scaler is None and data.y_train.dtype == np.int64 and set(data.y_train) == {0, 1, 2, 3}
    with pytest.raises(ValueError, match="target_scaling 'log' is not known; choose one of: standardize, unit, none"):
        make_dataset("r", "regression", X, y.astype(float), target_scaling="log")


def test_data_take_another_target_scaler_keeping_their_targets_in_the_data_s_units():
    """A saved network's scaler (fitted on the prices as they were) on prices edited since: y' = (y − μ₀) / σ₀ of
    the prices now, which read back as they are; "not scaled" gives the prices themselves."""
    X, y = prices()
    then = make_dataset("houses", "regression", X, y, scaling="none", target_scaling="standardize")
    edited = make_dataset("houses", "regression", X, 1.5 * y, scaling="none", target_scaling="standardize")
    assert edited.target_scaler.offset[0] != pytest.approx(then.target_scaler.offset[0], rel=0.1)
    saved = Scaler.from_record(then.target_scaler.record())
    taken = edited.with_target_scaler(saved)
    assert taken.target_scaler is saved and np.array_equal(taken.X_train, edited.X_train)
    for split in ("train", "val", "test"):
        now = edited.original_targets(getattr(edited, "y_" + split))
        np.testing.assert_allclose(getattr(taken, "y_" + split), (now - then.target_scaler.offset)
                                   / then.target_scaler.scale, rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(taken.original_targets(getattr(taken, "y_" + split)), now, rtol=1e-6)
    raw = edited.with_target_scaler(None)
    assert raw.target_scaler is None and np.allclose(raw.y_test, edited.original_targets(edited.y_test))
    assert edited.with_target_scaler(Scaler.from_record(edited.target_scaler.record())) is edited, "the same one"
    classes = make_dataset("t", "multiclass", *table(), class_names="abcd")
    assert classes.with_target_scaler(saved) is classes, "class labels are never scaled"
    with pytest.raises(ValueError, match="'houses' has 1 target columns, the target scaler 2"):
        edited.with_target_scaler(Scaler.from_record({"method": "unit", "offset": [0, 0], "scale": [1, 1]}))


def test_data_take_another_feature_scaler_keeping_their_features_in_their_units():
    """A saved network's scaler (fitted on the features as they were) on features edited since: x'' = (x − μ₀) / σ₀
    of the features now, which read back as they are; the same scaler again changes nothing."""
    X, y = table()
    then = make_dataset("t", "multiclass", X, y, class_names="abcd")
    edited = make_dataset("t", "multiclass", X * [1, 2, 1] + [0, 30, 0], y, class_names="abcd")
    assert edited.scaler.offset[1] != pytest.approx(then.scaler.offset[1], rel=0.1)
    saved = Scaler.from_record(then.scaler.record())
    taken = edited.with_scaler(saved)
    assert taken.scaler is saved and np.shares_memory(taken.y_train, edited.y_train), "the labels as they are"
    for split in ("train", "val", "test"):
        now = edited.scaler.inverse_transform(getattr(edited, "X_" + split))
        np.testing.assert_allclose(getattr(taken, "X_" + split), (now - then.scaler.offset) / then.scaler.scale,
                                   rtol=1e-5, atol=1e-5)
        np.testing.assert_allclose(taken.scaler.inverse_transform(getattr(taken, "X_" + split)), now, rtol=1e-5)
    assert edited.with_scaler(Scaler.from_record(edited.scaler.record())) is edited, "the same one"
    with pytest.raises(ValueError, match="'t' has 3 features, the feature scaler 2"):
        edited.with_scaler(Scaler.from_record({"method": "unit", "offset": [0, 0], "scale": [1, 1]}))


def test_points_whose_inputs_are_features_of_them_take_another_scaler_for_their_plane_too():
    """The points' plane (the Boundary view's grid) is scaled as the network's inputs are."""
    FEATURES = ["x1", "x2", "x1_squared", "x2_squared"]
    points = np.random.default_rng(0).normal(0, 1, (200, 2))
    labels = (points[:, 0] ** 2 + points[:, 1] ** 2 > 1).astype(int)
    then = make_planar("circle", "binary", points, labels, class_names="ab", features=FEATURES)
    now = make_planar("circle", "binary", 2 * points, labels, class_names="ab", features=FEATURES)
    taken = now.with_scaler(then.scaler)
    grid = np.array([[0.5, -1.0], [2.0, 0.0]])
    np.testing.assert_allclose(taken.plane_inputs(grid), then.plane_inputs(grid), rtol=1e-6)
    np.testing.assert_allclose(taken.plane_inputs(taken.plane_points("test")), taken.X_test, rtol=1e-4, atol=1e-5)


def test_a_scaler_is_recorded_as_json_and_a_bad_record_is_refused_saying_why():
    X, y = prices()
    scaler = make_dataset("houses", "regression", X, y, target_scaling="standardize").target_scaler
    again = Scaler.from_record(json.loads(json.dumps(scaler.record())))
    assert again.method == "standardize" and again.offset.tolist() == scaler.offset.tolist()
    assert again.scale.tolist() == scaler.scale.tolist()
    for record, problem in (({"method": "log", "offset": [0], "scale": [1]}, "method 'log' is not one of"),
                            ({"method": "unit", "offset": [0, 1], "scale": [1]}, "2 offsets but 1 scales"),
                            ({"method": "unit", "offset": [0], "scale": [0]}, "scales finite numbers above 0"),
                            ({"method": "unit", "offset": ["0"], "scale": [1]}, "offset must be a list of numbers"),
                            ({"method": "unit", "offset": [0]}, "an object of method, offset and scale")):
        with pytest.raises(ValueError, match=problem):
            Scaler.from_record(record)


def test_the_arrays_follow_the_contract_and_are_read_only():
    X, y = table()
    data = make_dataset("t", "multiclass", X, y, class_names="abcd")
    for split in ("train", "val", "test"):
        features, labels = getattr(data, "X_" + split), getattr(data, "y_" + split)
        assert features.dtype == np.float32 and features.flags.c_contiguous and labels.dtype == np.int64
        assert not features.flags.writeable
    with pytest.raises(ValueError):
        data.X_train[0, 0] = 1.0
    assert data.n_features == 3 and data.n_classes == 4 and data.feature_names == ("x1", "x2", "x3")
    assert data.describe() == "t: multiclass, 4 classes, 3 features; 720 train / 80 validation / 200 test"


def test_a_dataset_built_by_hand_is_checked_and_leaves_the_callers_arrays_writable():
    X = np.zeros((4, 2), np.float32)
    y = np.array([0, 1, 0, 1])
    data = Dataset("d", "binary", X, y, X, y, X, y, class_names=("no", "yes"))
    assert X.flags.writeable and not data.X_train.flags.writeable
    assert data.scaler.method == "none" and data.image_shape is None
    with pytest.raises(ValueError, match="train split: labels must lie in 0…1, got 1…2"):
        Dataset("d", "binary", X, y + 1, X, y, X, y, class_names=("no", "yes"))
    with pytest.raises(ValueError, match="labels must be a 1-D int64 array"):
        Dataset("d", "binary", X, y.astype(np.float32), X, y, X, y, class_names=("no", "yes"))
    with pytest.raises(ValueError, match="val split has 3 features, the training split 2"):
        Dataset("d", "binary", X, y, np.zeros((4, 3), np.float32), y, X, y, class_names=("no", "yes"))
    with pytest.raises(ValueError, match="task 'ranking'"):
        Dataset("d", "ranking", X, y, X, y, X, y)


@pytest.mark.parametrize("options, message", [
    (dict(scaling="zscore"), "scaling 'zscore' is not known"),
    (dict(validation_split=1.0), "validation_split must be < 1.0"),
    (dict(validation_split=-0.1), "validation_split must be ≥ 0.0"),
    (dict(test_split=0.5, X_test=np.zeros((2, 3)), y_test=[0, 1]), "comes with its own test set"),
    (dict(max_train=0), "max_train must be ≥ 1"),
    (dict(seed=1.5), "seed must be a whole number"),
    (dict(test_split=0.001), "cannot split 0.001 of 1000 examples off for the test set"),
])
def test_bad_options_are_refused_with_their_name(options, message):
    X, y = table()
    with pytest.raises(ValueError, match=message):
        make_dataset("t", "multiclass", X, y, class_names="abcd", **options)


def test_scaler_inverse_undoes_transform():
    X = np.random.default_rng(2).normal(5, 3, (50, 4))
    scaler = Scaler.fit(X, "standardize")
    np.testing.assert_allclose(scaler.inverse_transform(scaler.transform(X)), X, rtol=1e-5)
    assert scaler.transform(X).dtype == np.float32


@pytest.mark.parametrize("labels, options, part, problem", [
    ([1, 0, 0, 1], dict(test_split=0.2), "test", "classes do not fit"),
    ([1, 0, 0, 1], dict(test_split=0.0, validation_split=0.2), "validation", "classes do not fit"),
    ([1, 0, 0, 1], dict(test_split=0.0, validation_split=0.0, max_train=1), "max_train", "classes do not fit"),
    ([0, 0, 0, 1], dict(test_split=0.5), "test", "a single example"),
])
def test_a_split_that_cannot_be_made_says_which_part_of_which_data_and_why(labels, options, part, problem):
    """XNOR's four rows as a table: the split's part and numbers travel with the error, for a window to word."""
    from core.datasets.split import SplitProblem

    X, y = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], np.float32), np.array(labels)
    with pytest.raises(SplitProblem) as refused:
        make_dataset("xnor_table", "multiclass", X, y, class_names="ab", **options)
    fields = refused.value.fields
    assert (refused.value.problem, fields["part"], fields["dataset"], fields["n"]) == (problem, part, "xnor_table", 4)
    assert str(refused.value).startswith("dataset 'xnor_table': cannot split")
