"""The scikit-learn estimators: scikit-learn's own estimator checks, accuracy on real tasks, and
agreement with numbers computed another way (a hand-written forward pass, scikit-learn's MLP)."""
import pickle
import warnings

import numpy as np
import pytest
from sklearn.datasets import load_digits, load_iris
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.neural_network import MLPClassifier as SklearnMLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.utils.estimator_checks import parametrize_with_checks
from threadpoolctl import threadpool_limits

from core.estimators import MLPClassifier, MLPRegressor


@pytest.fixture(autouse=True, scope="module")
def one_blas_thread():
    """The matrices here are small: a second BLAS thread gains little, and on a busy machine its
    spin-waiting made the digits fit 100 times slower."""
    with threadpool_limits(limits=1, user_api="blas"):
        yield


@pytest.fixture(scope="module")
def iris():
    X, y = load_iris(return_X_y=True)
    return StandardScaler().fit_transform(X), y


# Small networks and few epochs keep the ~50 checks per estimator fast. scikit-learn runs its own
# MLPs through these checks ignoring ConvergenceWarning too: they fit on purpose for few epochs.
@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
@parametrize_with_checks([MLPClassifier((8,), learning_rate_init=0.02, max_iter=25, random_state=0),
                          MLPRegressor((8,), learning_rate_init=0.02, max_iter=25, random_state=0)])
def test_scikit_learn_estimator_checks(estimator, check):
    check(estimator)


def test_digits_in_a_pipeline_reach_95_percent():
    X, y = load_digits(return_X_y=True)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=0, stratify=y)
    model = make_pipeline(StandardScaler(), MLPClassifier(max_iter=30, random_state=0))
    with pytest.warns(ConvergenceWarning, match=r"Maximum iterations \(30\) reached"):
        model.fit(X_train, y_train)
    assert model.score(X_test, y_test) >= 0.95
    assert model[-1].n_iter_ == 30 and len(model[-1].loss_curve_) == 30


def test_regressor_fits_a_noisy_sine():
    rng = np.random.default_rng(0)
    x = rng.uniform(-3, 3, size=(600, 1))
    y = np.sin(x[:, 0]) + 0.1 * rng.standard_normal(600)
    model = MLPRegressor((32, 32), activation="tanh", learning_rate_init=0.01, random_state=0)
    model.fit(x[:400], y[:400])  # converges before max_iter: no ConvergenceWarning
    assert model.n_iter_ < model.max_iter
    assert model.score(x[400:], y[400:]) > 0.9
    assert model.predict(x[400:]).shape == (200,)


def test_grid_search_over_a_pipeline(iris):
    X, y = iris
    search = GridSearchCV(make_pipeline(StandardScaler(), MLPClassifier(max_iter=40, learning_rate_init=0.02,
                                                                        random_state=0)),
                          {"mlpclassifier__hidden_layer_sizes": [(2,), (16,)], "mlpclassifier__alpha": [1e-4, 1.0]},
                          cv=3, n_jobs=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        search.fit(X, y)
    assert not np.isnan(search.cv_results_["mean_test_score"]).any()
    # alpha = 1 (Σw² weighs as much as the loss) crushes the weights; 2 units are too few for 3 classes.
    assert search.best_params_ == {"mlpclassifier__hidden_layer_sizes": (16,), "mlpclassifier__alpha": 1e-4}
    assert search.best_score_ > 0.9
    assert search.best_estimator_[-1].coefs_[0].shape == (4, 16)


def test_same_random_state_gives_identical_fits_and_another_one_does_not(iris):
    X, y = iris

    def fit(seed):
        with pytest.warns(ConvergenceWarning):
            return MLPClassifier((8,), max_iter=5, dropout=0.2, random_state=seed).fit(X, y)

    first, again, other = fit(0), fit(0), fit(1)
    for a, b in zip(first.coefs_ + first.intercepts_, again.coefs_ + again.intercepts_):
        np.testing.assert_array_equal(a, b)
    assert first.loss_curve_ == again.loss_curve_
    assert not np.array_equal(first.coefs_[0], other.coefs_[0])


@pytest.mark.parametrize("hidden, shapes", [((6, 5), [(4, 6), (6, 5), (5, 3)]),
                                            ((), [(4, 3)])])  # (): the lecture's single-layer perceptron
def test_predict_proba_is_the_forward_pass_through_coefs_and_intercepts(iris, hidden, shapes):
    X, y = iris
    with pytest.warns(ConvergenceWarning):
        model = MLPClassifier(hidden, max_iter=3, random_state=0).fit(X, y)
    assert [W.shape for W in model.coefs_] == shapes
    assert [b.shape for b in model.intercepts_] == [shape[1:] for shape in shapes]
    a = X
    for W, b in zip(model.coefs_[:-1], model.intercepts_[:-1]):
        a = np.maximum(a @ W.astype(np.float64) + b, 0.0)
    logits = a @ model.coefs_[-1].astype(np.float64) + model.intercepts_[-1]
    expected = np.exp(logits - logits.max(axis=1, keepdims=True))
    expected /= expected.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(model.predict_proba(X), expected, rtol=1e-10, atol=1e-12)
    # coefs_ are the network's own arrays: editing them edits the model.
    model.coefs_[-1][...] = 0.0
    model.intercepts_[-1][...] = [0.0, 0.0, np.log(2.0)]
    np.testing.assert_allclose(model.predict_proba(X[:2]), [[0.25, 0.25, 0.5]] * 2, rtol=1e-6)


def test_predictions_follow_the_input_dtype(iris):
    X, y = iris
    with pytest.warns(ConvergenceWarning):
        single = MLPRegressor((4,), max_iter=2, random_state=0).fit(X, y)
        double = MLPRegressor((4,), max_iter=2, dtype="float64", random_state=0).fit(X, y)
    assert single.coefs_[0].dtype == np.float32 and double.coefs_[0].dtype == np.float64
    assert single.predict(X).dtype == np.float64 and single.predict(X.astype(np.float32)).dtype == np.float32
    assert double.predict(X.astype(np.float32)).dtype == np.float32
    np.testing.assert_allclose(single.predict(X.astype(np.float32)), single.predict(X), rtol=1e-5, atol=1e-6)


def test_binary_string_labels_use_a_two_unit_softmax():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((80, 2))
    y = np.where(X[:, 0] + X[:, 1] > 0, "yes", "no")
    with pytest.warns(ConvergenceWarning):
        model = MLPClassifier((8,), learning_rate_init=0.05, max_iter=60, random_state=0).fit(X, y)
    np.testing.assert_array_equal(model.classes_, ["no", "yes"])
    assert model.coefs_[-1].shape == (8, 2)
    assert model.predict_proba(X).shape == (80, 2)
    assert model.score(X, y) > 0.9
    assert set(model.predict(X)) <= {"no", "yes"}


def test_k_partial_fits_continue_one_run_exactly_like_fit_with_max_iter_k(iris):
    X, y = iris
    with pytest.warns(ConvergenceWarning):
        fitted = MLPClassifier((8,), batch_size=32, max_iter=3, random_state=0).fit(X, y)
    stepped = MLPClassifier((8,), batch_size=32, random_state=0)
    for _ in range(3):
        stepped.partial_fit(X, y, classes=[0, 1, 2])
    assert stepped.n_iter_ == 3
    assert stepped.loss_curve_ == fitted.loss_curve_
    for a, b in zip(fitted.coefs_ + fitted.intercepts_, stepped.coefs_ + stepped.intercepts_):
        np.testing.assert_array_equal(a, b)


def test_partial_fit_continues_exactly_after_a_pickle_round_trip(iris):
    X, y = iris
    model = MLPClassifier((8,), batch_size=32, random_state=0).partial_fit(X, y, classes=[0, 1, 2])
    restored = pickle.loads(pickle.dumps(model))
    model.partial_fit(X, y)
    restored.partial_fit(X, y)
    assert restored.loss_curve_ == model.loss_curve_
    for a, b in zip(model.coefs_ + model.intercepts_, restored.coefs_ + restored.intercepts_):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(restored.predict_proba(X), model.predict_proba(X))


def test_partial_fit_labels_must_be_declared(iris):
    X, y = iris
    model = MLPClassifier((4,), random_state=0)
    with pytest.raises(ValueError, match="classes must be passed on the first call"):
        model.partial_fit(X, y)
    with pytest.raises(ValueError, match=r"labels \[2\] that are not among classes_"):
        model.partial_fit(X, y, classes=[0, 1])
    model = MLPClassifier((4,), random_state=0).partial_fit(X, y, classes=[0, 1, 2, 3])
    assert model.coefs_[-1].shape == (4, 4)
    with pytest.raises(ValueError, match="differs from the classes_"):
        model.partial_fit(X, y, classes=[0, 1, 2])


def test_tol_stops_after_the_same_epoch_as_scikit_learn(iris):
    X, y = iris
    for patience in (1, 3):
        ours = MLPClassifier((8,), tol=1e9, n_iter_no_change=patience, random_state=0).fit(X, y)
        theirs = SklearnMLPClassifier((8,), tol=1e9, n_iter_no_change=patience, random_state=0).fit(X, y)
        assert ours.n_iter_ == theirs.n_iter_ == patience + 2


def test_convergence_warning_is_scikit_learns(iris):
    X, y = iris
    with pytest.warns(ConvergenceWarning) as ours:
        MLPClassifier((4,), max_iter=2, random_state=0).fit(X, y)
    with pytest.warns(ConvergenceWarning) as theirs:
        SklearnMLPClassifier((4,), max_iter=2, random_state=0).fit(X, y)
    assert [str(w.message) for w in ours] == [str(w.message) for w in theirs]


def test_early_stopping_ends_patience_epochs_after_the_best_validation_loss(iris):
    X, y = iris
    model = MLPClassifier((16,), early_stopping=True, n_iter_no_change=3, learning_rate_init=0.05,
                          max_iter=300, random_state=0).fit(X, y)
    assert model.n_iter_ < 300
    assert model.n_iter_ == int(np.argmin(model.validation_loss_curve_)) + 1 + 3
    assert len(model.validation_scores_) == len(model.loss_curve_) == model.n_iter_
    assert max(model.validation_scores_) > 0.8


def test_hidden_layers_are_dense_batchnorm_activation_dropout(iris):
    X, y = iris
    with pytest.warns(ConvergenceWarning):
        model = MLPClassifier((5, 3), activation="tanh", batch_norm=True, dropout=0.1, max_iter=2,
                              random_state=0).fit(X, y)
    kinds = [layer.type_name for layer in model.network_.layers]
    assert kinds == ["dense", "batch_norm", "activation", "dropout"] * 2 + ["dense"]
    assert model.network_.layers[2].function.name == "tanh"
    np.testing.assert_array_equal(model.predict_proba(X), model.predict_proba(X))  # inference: no dropout


def test_divergence_raises_and_names_it():
    X = np.linspace(-1, 1, 40)[:, None]
    model = MLPRegressor((8,), optimizer="sgd", learning_rate_init=1e6, max_iter=50, random_state=0)
    with pytest.raises(ValueError, match="diverged"):
        model.fit(X, 1e3 * X[:, 0])


@pytest.mark.parametrize("parameters, message", [
    (dict(hidden_layer_sizes=(10, 0)), "hidden_layer_sizes must be whole numbers ≥ 1"),
    (dict(optimizer="lbfgs"), "The 'optimizer' parameter of MLPClassifier must be a str among"),
    (dict(optimizer_options={"lr": 0.1}), "set learning_rate_init instead"),
    (dict(optimizer="momentum", optimizer_options={"momentum": 2.0}), "optimizer_options=.* do not fit optimizer"),
    (dict(schedule="step", schedule_options={"lr0": 0.1}), "the schedule starts from learning_rate_init"),
    (dict(schedule="step", schedule_options={"gamma": -1}), "schedule_options=.* do not fit schedule 'step'"),
    (dict(activation="swish"), "The 'activation' parameter of MLPClassifier must be a str among"),
])
def test_bad_parameters_raise_naming_them(iris, parameters, message):
    X, y = iris
    with pytest.raises(ValueError, match=message):
        MLPClassifier(max_iter=1, **parameters).fit(X, y)


def test_early_stopping_needs_two_validation_samples(iris):
    X, y = iris
    with pytest.raises(ValueError, match=r"validation_fraction=0.005 of 150 samples leaves 1"):
        MLPRegressor(early_stopping=True, validation_fraction=0.005).fit(X, y)
