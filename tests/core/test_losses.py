import math

import numpy as np
import pytest

from core import losses
from tests.core.numgrad import numerical_gradient, relative_error

ALL_NAMES = ["softmax_cross_entropy", "binary_cross_entropy", "mse", "hinge", "perceptron"]


def make_case(name, rng, n, k, dtype=np.float64, vector_output=False):
    """A random (output, target) pair that fits the loss ``name``; k is ignored by single-output losses."""
    if name in ("softmax_cross_entropy", "hinge"):
        return (2 * rng.normal(size=(n, k))).astype(dtype), rng.integers(0, k, size=n)
    shape = (n,) if vector_output else (n, 1)
    if name == "binary_cross_entropy":
        return (2 * rng.normal(size=shape)).astype(dtype), rng.integers(0, 2, size=n)
    if name == "perceptron":
        magnitude = rng.uniform(0.1, 2.0, size=shape)
        return (magnitude * rng.choice([-1, 1], size=shape)).astype(dtype), rng.choice([0, 1], size=n)
    target_shape = (n,) if (vector_output or k == 1) else (n, k)
    output_shape = shape if (vector_output or k == 1) else (n, k)
    return rng.normal(size=output_shape).astype(dtype), rng.normal(size=target_shape)


# Written the long way, independently of the module under test.
def reference_value(name, output, target):
    output = np.asarray(output, dtype=np.float64)
    n = output.shape[0]
    if name == "softmax_cross_entropy":
        p = np.exp(output) / np.exp(output).sum(axis=1, keepdims=True)
        return -np.mean(np.log(p[np.arange(n), target]))
    if name == "binary_cross_entropy":
        p = 1 / (1 + np.exp(-output.reshape(-1)))
        return -np.mean(target * np.log(p) + (1 - target) * np.log(1 - p))
    if name == "mse":
        return np.mean((output - np.reshape(target, output.shape)) ** 2)
    if name == "hinge":
        return sum(
            max(0.0, output[i, j] - output[i, target[i]] + 1)
            for i in range(n) for j in range(output.shape[1]) if j != target[i]
        ) / n
    if name == "perceptron":  # lecture 003: −Σ over misclassified t·o, averaged over the batch; t = 2y − 1
        scores, t = output.reshape(-1), 2 * np.asarray(target) - 1
        return -sum(t[i] * scores[i] for i in range(n) if np.sign(scores[i]) != t[i]) / n
    raise AssertionError(name)


@pytest.fixture(autouse=True)
def numpy_path_unless_prepared(monkeypatch):
    """Every test starts with no compiled kernel switched on, whatever ran before it in this process."""
    monkeypatch.setattr(losses, "COMPILED_DTYPES", set())


def created(name, prepared=False):
    """The loss ``name``; ``prepared`` compiles its kernels first (as a trainer does), so that
    the compiled path is the one tested."""
    loss = losses.create(name)
    if prepared:
        for dtype in (np.float32, np.float64):
            loss.prepare(dtype)
    return loss


PREPARED = pytest.mark.parametrize("prepared", [False, True], ids=["numpy", "compiled"])

CASES = [(name, n, k, vector) for name in ALL_NAMES for n, k in [(1, 2), (5, 3), (8, 6)] for vector in (False, True)
         if not (vector and name in ("softmax_cross_entropy", "hinge"))] + [("mse", 4, 1, False)]


def test_registry_lists_every_loss():
    assert losses.names() == ALL_NAMES


def test_tasks():
    tasks = {name: losses.create(name).task for name in ALL_NAMES}
    assert tasks == {"softmax_cross_entropy": "classification", "binary_cross_entropy": "classification",
                     "mse": "regression", "hinge": "classification", "perceptron": "classification"}


@pytest.mark.parametrize("name, n, k, vector_output", CASES)
def test_backward_matches_central_differences(name, n, k, vector_output):
    rng = np.random.default_rng([ALL_NAMES.index(name), n, k, vector_output])
    output, target = make_case(name, rng, n, k, vector_output=vector_output)
    if name == "hinge":  # keep every margin away from the kink at 0
        margins = output - output[np.arange(n), target][:, None] + 1
        assert np.min(np.abs(margins)) > 1e-4
    loss = losses.create(name)

    value = loss.forward(output, target)
    analytic = loss.backward()
    numeric = numerical_gradient(lambda o: loss.forward(o, target), output)

    assert analytic.shape == output.shape
    assert relative_error(analytic, numeric) < 1e-6
    assert value == pytest.approx(reference_value(name, output, target), rel=1e-12, abs=1e-15)


@pytest.mark.parametrize("name", ALL_NAMES)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_value_is_a_python_float_and_gradient_keeps_dtype(name, dtype):
    output, target = make_case(name, np.random.default_rng(0), 6, 4, dtype=dtype)
    loss = losses.create(name)
    value = loss.forward(output, target)
    gradient = loss.backward()
    assert type(value) is float and gradient.dtype == dtype and gradient.shape == output.shape
    assert value == pytest.approx(reference_value(name, output, target), rel=1e-5)


@PREPARED
@pytest.mark.parametrize("name", ALL_NAMES)
def test_backward_returns_a_fresh_array_each_time(name, prepared):
    output, target = make_case(name, np.random.default_rng(1), 5, 3)
    loss = created(name, prepared)
    loss.forward(output, target)
    first = loss.backward()
    expected = first.copy()
    first[...] = 123.0  # the network's last layer may overwrite it
    np.testing.assert_array_equal(loss.backward(), expected)


@PREPARED
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_huge_logits_stay_finite_without_warnings(dtype, prepared):
    scores = np.array([[1e4, -1e4, 0.0], [-1e4, -1e4, 1e4]], dtype=dtype)
    logits = np.array([[1e4], [-1e4], [0.0]], dtype=dtype)
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        softmax_ce = created("softmax_cross_entropy", prepared)
        assert softmax_ce.forward(scores, np.array([1, 2])) == pytest.approx(1e4)  # (2e4 + 0) / 2
        softmax_gradient = softmax_ce.backward()
        bce = losses.create("binary_cross_entropy")
        assert bce.forward(logits, np.array([0, 1, 1])) == pytest.approx((1e4 + 1e4 + np.log(2)) / 3)
        bce_gradient = bce.backward()
        probabilities = softmax_ce.probabilities(scores)
    np.testing.assert_allclose(softmax_gradient, [[0.5, -0.5, 0], [0, 0, 0]], atol=1e-6)
    np.testing.assert_allclose(bce_gradient[:, 0], [1 / 3, -1 / 3, -1 / 6], atol=1e-6)
    np.testing.assert_allclose(probabilities, [[1, 0, 0], [0, 0, 1]], atol=1e-6)


def test_against_torch():
    torch = pytest.importorskip("torch")
    functional = torch.nn.functional
    rng = np.random.default_rng(5)

    def loss_and_grad(torch_loss, output):
        tensor = torch.tensor(output, requires_grad=True)
        value = torch_loss(tensor)
        value.backward()
        return value.item(), tensor.grad.numpy()

    scores, labels = make_case("softmax_cross_entropy", rng, 7, 4)
    logits, bits = make_case("binary_cross_entropy", rng, 7, 1)
    values, targets = make_case("mse", rng, 7, 3)
    references = {
        "softmax_cross_entropy": (scores, labels, lambda t: functional.cross_entropy(t, torch.tensor(labels))),
        "binary_cross_entropy": (logits, bits, lambda t: functional.binary_cross_entropy_with_logits(
            t, torch.tensor(bits, dtype=torch.float64).reshape(-1, 1))),
        "mse": (values, targets, lambda t: functional.mse_loss(t, torch.tensor(targets))),
        # torch's multi_margin_loss also divides by the number of classes K
        "hinge": (scores, labels, lambda t: scores.shape[1] * functional.multi_margin_loss(t, torch.tensor(labels))),
    }
    for name, (output, target, torch_loss) in references.items():
        loss = losses.create(name)
        expected_value, expected_gradient = loss_and_grad(torch_loss, output)
        assert loss.forward(output, target) == pytest.approx(expected_value, rel=1e-12), name
        np.testing.assert_allclose(loss.backward(), expected_gradient, rtol=1e-10, atol=1e-15, err_msg=name)


def test_perceptron_reads_class_indices_0_1_as_rosenblatt_targets_minus_1_plus_1():
    perceptron = losses.create("perceptron")
    output = np.array([[0.5], [-2.0], [1.0]])
    assert perceptron.forward(output, np.array([0, 1, 1])) == pytest.approx((0.5 + 2.0) / 3)
    np.testing.assert_array_equal(perceptron.backward(), [[1 / 3], [-1 / 3], [0.0]])
    np.testing.assert_array_equal(perceptron.predict(output), [1, 0, 1])


def test_perceptron_refuses_rosenblatt_s_minus_1_with_the_labels_to_give():
    # given as they are, a −1 would never equal a prediction (class 0): the accuracy of a perfect fit was 49 %
    with pytest.raises(ValueError, match=r"class indices 0 or 1 .* give y = \(t \+ 1\) / 2, got -1"):
        losses.create("perceptron").forward(np.array([[0.5], [-2.0]]), np.array([1, -1]))


def test_perceptron_counts_the_boundary_as_a_mistake():
    perceptron = losses.create("perceptron")
    output = np.array([[0.0], [0.0], [2.0], [-1.0]])
    target = np.array([1, 0, 1, 1])  # t = 1, −1, 1, 1
    assert perceptron.forward(output, target) == pytest.approx(1.0 / 4)
    np.testing.assert_array_equal(perceptron.backward()[:, 0], [-0.25, 0.25, 0.0, -0.25])
    np.testing.assert_array_equal(perceptron.predict(output), [0, 0, 1, 0])


def test_hinge_gradient_at_a_zero_margin_is_zero():
    hinge = losses.create("hinge")
    assert hinge.forward(np.array([[1.0, 0.0, -5.0]]), np.array([0])) == 0.0  # margin of class 1 is exactly 0
    np.testing.assert_array_equal(hinge.backward(), [[0.0, 0.0, 0.0]])


def test_predictions_and_probabilities():
    scores = np.array([[0.1, 2.0, -1.0], [3.0, 0.0, 0.5]], dtype=np.float32)
    softmax_ce = losses.create("softmax_cross_entropy")
    np.testing.assert_array_equal(softmax_ce.predict(scores), [1, 0])
    probabilities = softmax_ce.probabilities(scores)
    assert probabilities.dtype == np.float32
    np.testing.assert_allclose(probabilities, np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True), rtol=1e-6)
    np.testing.assert_array_equal(losses.create("hinge").predict(scores), [1, 0])

    logits = np.array([[-2.0], [0.0], [3.0]])
    bce = losses.create("binary_cross_entropy")
    np.testing.assert_array_equal(bce.predict(logits), [0, 0, 1])
    p = 1 / (1 + np.exp(-logits[:, 0]))
    np.testing.assert_allclose(bce.probabilities(logits), np.stack([1 - p, p], axis=1), rtol=1e-12)

    mse = losses.create("mse")
    np.testing.assert_array_equal(mse.predict(np.array([[1.5], [2.5]])), [1.5, 2.5])
    np.testing.assert_array_equal(mse.predict(np.array([[1.0, 2.0]])), [[1.0, 2.0]])
    for name in ("mse", "hinge", "perceptron"):
        assert losses.create(name).probabilities(np.zeros((2, 1 if name != "hinge" else 3))) is None


def test_targets_may_be_column_or_vector_for_single_output_losses():
    output = np.array([[0.5], [-1.0]])
    for name, target in [("binary_cross_entropy", [1, 0]), ("perceptron", [1, 0]), ("mse", [0.0, 2.0])]:
        loss = losses.create(name)
        as_vector = loss.forward(output, np.array(target))
        as_column = loss.forward(output, np.array(target, dtype=np.float64)[:, None])
        assert as_vector == as_column, name


@pytest.mark.parametrize(
    "name, output, target, message",
    [
        ("softmax_cross_entropy", np.zeros((2, 10)), np.array([3, 10]),
         "softmax_cross_entropy label 10 does not fit a network with 10 outputs; labels must be in 0…9"),
        ("hinge", np.zeros((2, 3)), np.array([-1, 0]), "hinge label -1 does not fit a network with 3 outputs"),
        ("softmax_cross_entropy", np.zeros((2, 3)), np.array([0.0, 1.5]),
         "softmax_cross_entropy labels must be integers, got dtype float64"),
        ("softmax_cross_entropy", np.zeros((2, 3)), np.array([[0], [1]]),
         r"softmax_cross_entropy labels must have shape \(N,\), got \(2, 1\)"),
        ("softmax_cross_entropy", np.zeros((2, 1)), np.array([0, 0]),
         "softmax_cross_entropy needs at least 2 outputs .one per class., the network has 1"),
        ("binary_cross_entropy", np.zeros((3, 1)), np.array([0, 1, 2]),
         "binary_cross_entropy labels must be 0 or 1, got 2"),
        ("binary_cross_entropy", np.zeros((2, 2)), np.array([0, 1]),
         r"binary_cross_entropy needs exactly 1 output\(s\), the network has 2"),
        ("perceptron", np.zeros((2, 1)), np.array([0, 2]), "perceptron labels must be 0 or 1, got 2"),
        ("perceptron", np.zeros((2, 1)), np.array([-1, 0]), "perceptron labels must be class indices 0 or 1"),
        ("mse", np.zeros((4, 3)), np.zeros((4, 2)),
         r"mse targets must have shape \(N, 3\) for 3 output\(s\), got \(4, 2\)"),
        ("mse", np.zeros((4, 1)), np.zeros((4, 2)), r"mse targets must have shape \(N, 1\) or \(N,\)"),
        ("mse", np.zeros((2, 1)), np.array([1.0, np.nan]), "mse targets contain NaN or infinite values"),
        ("mse", np.zeros((3, 1)), np.zeros(4), "mse: 4 targets for a batch of 3 outputs"),
        ("softmax_cross_entropy", np.array([[0.0, np.nan], [np.inf, 1.0]]), np.array([0, 1]),
         "softmax_cross_entropy output contains 2 NaN or infinite value.s.; training diverged"),
        ("mse", np.array([[-np.inf]]), np.array([0.0]), "mse output contains 1 NaN or infinite"),
        ("softmax_cross_entropy", np.zeros(3), np.array([0, 1, 0]), r"output must have shape \(N, K\), got \(3,\)"),
        ("binary_cross_entropy", np.zeros((0, 1)), np.array([], dtype=int), "output is an empty batch"),
        ("hinge", np.zeros((2, 3), dtype=np.int64), np.array([0, 1]),
         "hinge output must be a float array, got dtype int64"),
    ],
)
@PREPARED
def test_bad_inputs_raise_naming_the_problem(name, output, target, message, prepared):
    with pytest.raises(ValueError, match=message):
        created(name, prepared).forward(output, target)


@PREPARED
@pytest.mark.parametrize("name", ALL_NAMES)
def test_diverged_output_raises_its_own_value_error(name, prepared):
    output, target = make_case(name, np.random.default_rng(4), 3, 2)
    output[1] = np.nan
    with pytest.raises(losses.NonFiniteOutputError, match=f"{name} output contains"):
        created(name, prepared).forward(output, target)
    assert issubclass(losses.NonFiniteOutputError, ValueError)


@PREPARED
@pytest.mark.parametrize("name", ALL_NAMES)
@pytest.mark.parametrize("infinity", [np.inf, -np.inf])
def test_an_infinite_output_is_a_divergence_even_where_its_loss_would_be_finite(name, infinity, prepared):
    # softmax of (−∞, 1, 2) is finite: the compiled path took it, the checked one refused it
    output, target = make_case(name, np.random.default_rng(5), 3, 2)
    output.reshape(len(output), -1)[0, 0] = infinity
    with pytest.raises(losses.NonFiniteOutputError):
        created(name, prepared).forward(output, target)


def test_check_targets_on_its_own():
    loss = losses.create("softmax_cross_entropy")
    np.testing.assert_array_equal(loss.check_targets([0, 9, 4], 10), [0, 9, 4])
    with pytest.raises(ValueError, match="label 10 does not fit a network with 10 outputs"):
        loss.check_targets(np.arange(11), 10)


@pytest.mark.parametrize("name", ALL_NAMES)
def test_backward_before_forward_is_an_error(name):
    with pytest.raises(RuntimeError, match="call forward"):
        losses.create(name).backward()


def test_unknown_loss_and_hyperparameters():
    with pytest.raises(ValueError, match="unknown loss 'cross_entropy'; choose one of: softmax_cross_entropy"):
        losses.create("cross_entropy")
    with pytest.raises(ValueError, match="loss 'mse': bad hyperparameters"):
        losses.create("mse", reduction="sum")


@PREPARED
@pytest.mark.parametrize("dtype", [np.int8, np.int32, np.int64, np.uint8, np.uint64])
def test_softmax_cross_entropy_takes_and_checks_labels_of_every_integer_type(dtype, prepared):
    loss = created("softmax_cross_entropy", prepared)
    assert loss.forward(np.zeros((2, 3)), np.array([0, 2], dtype=dtype)) == pytest.approx(math.log(3))
    with pytest.raises(ValueError, match="label 3 does not fit"):
        loss.forward(np.zeros((2, 3)), np.array([0, 3], dtype=dtype))
    if np.issubdtype(dtype, np.signedinteger):
        with pytest.raises(ValueError, match="label -1 does not fit"):
            loss.forward(np.zeros((2, 3)), np.array([-1, 2], dtype=dtype))
    if dtype == np.uint64:  # wraps to a negative index in the compiled kernel's labels: refused all the same
        with pytest.raises(ValueError, match=f"label {2**64 - 1} does not fit"):
            loss.forward(np.zeros((2, 3)), np.array([0, 2**64 - 1], dtype=dtype))


@pytest.mark.parametrize("dtype, value_tolerance, gradient_tolerance", [(np.float32, 1e-6, 1e-8),
                                                                         (np.float64, 1e-14, 1e-17)])
def test_the_compiled_softmax_cross_entropy_equals_the_numpy_path(dtype, value_tolerance, gradient_tolerance):
    rng = np.random.default_rng(6)
    output = (4 * rng.standard_normal((200, 10))).astype(dtype)
    labels = rng.integers(0, 10, 200)
    numpy_path = created("softmax_cross_entropy")
    expected = numpy_path.forward(output, labels)
    expected_gradient = numpy_path.backward()
    compiled_path = created("softmax_cross_entropy", prepared=True)
    assert compiled_path.forward(output, labels) == pytest.approx(expected, rel=value_tolerance)
    gradient = compiled_path.backward()
    assert gradient.dtype == dtype
    np.testing.assert_allclose(gradient, expected_gradient, rtol=0, atol=gradient_tolerance)
    assert numpy_path.forward(output, labels) == compiled_path.forward(output, labels)  # one path per process
    output[0, :3] = output[0, 5]  # a tie: the first of the largest scores, as np.argmax
    value, predictions = compiled_path.forward_and_predict(output, labels)
    np.testing.assert_array_equal(predictions, np.argmax(output, axis=1))
    assert value == compiled_path.forward(output, labels)
    assert compiled_path.forward(output.astype(np.float64), labels) == pytest.approx(reference_value(
        "softmax_cross_entropy", output, labels), rel=1e-12)


def test_the_compiled_softmax_cross_entropy_against_torch():
    torch = pytest.importorskip("torch")
    scores, labels = make_case("softmax_cross_entropy", np.random.default_rng(5), 7, 4)
    tensor = torch.tensor(scores, requires_grad=True)
    value = torch.nn.functional.cross_entropy(tensor, torch.tensor(labels))
    value.backward()
    loss = created("softmax_cross_entropy", prepared=True)
    assert loss.forward(scores, labels) == pytest.approx(value.item(), rel=1e-12)
    np.testing.assert_allclose(loss.backward(), tensor.grad.numpy(), rtol=1e-10, atol=1e-15)


@PREPARED
@pytest.mark.parametrize("name", ALL_NAMES)
def test_forward_and_predict_is_forward_then_predict(name, prepared):
    output, target = make_case(name, np.random.default_rng(8), 9, 4, dtype=np.float32)
    loss, twin = created(name, prepared), created(name, prepared)
    value, predictions = loss.forward_and_predict(output, target)
    assert value == twin.forward(output, target)
    np.testing.assert_array_equal(predictions, twin.predict(output))
    np.testing.assert_array_equal(loss.backward(), twin.backward())
