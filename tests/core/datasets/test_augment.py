import numpy as np
import pytest
from scipy import ndimage

from core.datasets.augment import Augmenter
from core.datasets.imageops import dilate, erode


def dots(n, size=29):
    """Images with one bright pixel in the centre."""
    images = np.zeros((n, size, size), np.float32)
    images[:, size // 2, size // 2] = 1
    return images


def centre_of_mass(images):
    grid = np.arange(images.shape[-1])
    mass = images.sum(axis=(1, 2))
    return np.stack([(images.sum(2) @ grid) / mass, (images.sum(1) @ grid) / mass], axis=1)


def test_no_strength_returns_an_equal_copy_of_the_same_shape_and_dtype():
    rng = np.random.default_rng(0)
    for batch in (rng.random((5, 784), dtype=np.float32), rng.random((5, 28, 28))):
        out = Augmenter((28, 28))(batch)
        assert out.shape == batch.shape and out.dtype == batch.dtype and out is not batch
        np.testing.assert_array_equal(out, batch)


def test_the_warp_is_the_affine_map_of_the_docstring():
    """Compared with scipy.ndimage.affine_transform, image by image."""
    rng = np.random.default_rng(1)
    images = rng.random((6, 28, 24)).astype(np.float32)
    shift, angle, zoom = rng.uniform(-3, 3, (6, 2)), np.radians(rng.uniform(-30, 30, 6)), rng.uniform(0.8, 1.2, 6)
    ours = Augmenter((28, 24))._warp(images, shift, angle, zoom)
    centre = np.array([13.5, 11.5])
    for i in range(6):
        # source (row, col) = c + A (p − c − d), A = R(−θ)/s in (row, col) order
        matrix = np.array([[np.cos(angle[i]), -np.sin(angle[i])], [np.sin(angle[i]), np.cos(angle[i])]]) / zoom[i]
        offset = centre - matrix @ (centre + shift[i])
        reference = ndimage.affine_transform(images[i].astype(np.float64), matrix, offset=offset, order=1,
                                             mode="constant", cval=0.0)
        inside = np.ones_like(images[i], dtype=np.float64)  # scipy treats the last half pixel as outside
        coverage = ndimage.affine_transform(inside, matrix, offset=offset, order=1, mode="constant", cval=0.0)
        exact = coverage == 1
        np.testing.assert_allclose(ours[i][exact], reference[exact], atol=2e-6)
        assert exact.mean() > 0.6


def test_shifts_are_uniform_within_the_strength():
    images = dots(1500)
    moved = Augmenter((29, 29), shift=3.0, rng=0)(images)
    displacement = centre_of_mass(moved) - 14
    assert np.abs(displacement).max() <= 3.0 + 1e-4
    np.testing.assert_allclose(displacement.mean(axis=0), 0, atol=0.1)
    np.testing.assert_allclose(displacement.std(axis=0), 3 / np.sqrt(3), rtol=0.05)  # U(−3, 3)
    np.testing.assert_allclose(moved.sum(axis=(1, 2)), 1, rtol=1e-5)  # bilinear keeps the mass


def test_rotations_are_uniform_within_the_strength():
    bar = np.zeros((2000, 29, 29), np.float32)
    bar[:, 14, 4:25] = 1
    turned = Augmenter((29, 29), rotation=20.0, rng=1)(bar)
    rows, cols = np.mgrid[:29, :29] - 14.0
    mass = turned.sum(axis=(1, 2))
    # Orientation from the second moments: tan 2φ = 2μ_rc / (μ_cc − μ_rr); a row bar has φ = 0.
    mu_rc = (turned * rows * cols).sum(axis=(1, 2)) / mass
    mu_cc = (turned * cols * cols).sum(axis=(1, 2)) / mass
    mu_rr = (turned * rows * rows).sum(axis=(1, 2)) / mass
    angle = np.degrees(0.5 * np.arctan2(2 * mu_rc, mu_cc - mu_rr))
    assert np.abs(angle).max() <= 20.5 and angle.min() < -18 and angle.max() > 18
    assert abs(angle.mean()) < 1.0 and abs(angle.std() - 20 / np.sqrt(3)) < 0.6


def test_zoom_factors_are_within_the_strength():
    ring = np.zeros((1000, 41, 41), np.float32)
    rows, cols = np.mgrid[:41, :41] - 20.0
    ring[:, (np.hypot(rows, cols) > 9.5) & (np.hypot(rows, cols) < 10.5)] = 1
    zoomed = Augmenter((41, 41), scale=0.2, rng=2)(ring)
    radius = (zoomed * np.hypot(rows, cols)).sum(axis=(1, 2)) / zoomed.sum(axis=(1, 2))
    factor = radius / ((ring[0] * np.hypot(rows, cols)).sum() / ring[0].sum())
    assert factor.min() > 0.79 and factor.max() < 1.21 and factor.min() < 0.82 and factor.max() > 1.18
    assert abs(factor.mean() - 1) < 0.01


def test_thickness_blends_between_erosion_and_dilation():
    rng = np.random.default_rng(3)
    images = (rng.random((500, 28, 28)) > 0.8).astype(np.float32)
    thick = Augmenter((28, 28), thickness=1.0, rng=4)(images)
    assert (thick <= dilate(images) + 1e-6).all() and (thick >= erode(images) - 1e-6).all()
    ink_change = thick.sum(axis=(1, 2)) - images.sum(axis=(1, 2))
    assert (ink_change > 0).mean() > 0.4 and (ink_change < 0).mean() > 0.4
    # Each image is x + |t|(dilate(x) − x) or x + |t|(erode(x) − x), with one t per image.
    towards = np.where(ink_change[:, None, None] > 0, dilate(images), erode(images))
    t = (thick - images).sum(axis=(1, 2)) / (towards - images).sum(axis=(1, 2))
    np.testing.assert_allclose(thick, images + t[:, None, None] * (towards - images), atol=1e-5)
    assert t.min() >= 0 and t.max() <= 1 and abs(t.mean() - 0.5) < 0.05  # |t| for t ~ U(−1, 1)


def test_noise_has_the_requested_standard_deviation():
    images = np.full((200, 784), 0.5, np.float32)
    noisy = Augmenter((28, 28), noise=0.3, rng=5)(images)
    assert abs((noisy - images).mean()) < 0.005 and abs((noisy - images).std() - 0.3) < 0.005


def test_the_generator_makes_it_reproducible_and_the_input_is_not_touched():
    images = np.random.default_rng(6).random((8, 784)).astype(np.float32)
    before = images.copy()
    options = dict(shift=2, rotation=10, scale=0.1, thickness=0.5, noise=0.05)
    first, second = Augmenter((28, 28), rng=7, **options)(images), Augmenter((28, 28), rng=7, **options)(images)
    np.testing.assert_array_equal(first, second)
    np.testing.assert_array_equal(images, before)
    assert not np.array_equal(first, Augmenter((28, 28), rng=8, **options)(images))


def test_preview_grid_shows_each_image_then_its_variants():
    augmenter = Augmenter((8, 8), shift=2, rng=9)
    state = augmenter.rng.bit_generator.state
    images = np.random.default_rng(10).random((3, 64)).astype(np.float32)
    grid = augmenter.preview_grid(images, n=4)
    assert grid.shape == (3 * 9 - 1, 5 * 9 - 1)
    np.testing.assert_array_equal(grid[9:17, 0:8], images[1].reshape(8, 8))
    assert (grid[8, :] == 0).all() and (grid[:, 8] == 0).all()
    assert not np.array_equal(grid[0:8, 9:17], grid[0:8, 18:26])
    assert augmenter.rng.bit_generator.state == state  # the preview draws from its own generator


@pytest.mark.parametrize("options, message", [
    (dict(shift=-1), "shift \\(pixels\\) must be ≥ 0.0"),
    (dict(rotation=200), "rotation \\(degrees\\) must be ≤ 180.0"),
    (dict(scale=1.0), "scale must be < 1.0"),
    (dict(thickness=2), "thickness must be ≤ 1.0"),
    (dict(noise=float("nan")), "noise must be a number, got NaN"),
    (dict(shift=1e308), "shift \\(pixels\\) must be ≤ 100.0"),  # overflowed the random draw
    (dict(noise=1e308), "noise must be ≤ 100.0"),
    (dict(noise=float("inf")), "noise must be a finite number"),
])
def test_bad_strengths_are_refused(options, message):
    with pytest.raises(ValueError, match=message):
        Augmenter((28, 28), **options)


def test_batches_of_the_wrong_shape_or_dtype_are_refused():
    augmenter = Augmenter((28, 28), shift=1)
    with pytest.raises(ValueError,
                       match=r"needs a float batch of shape \(B, 784\) or \(B, 28, 28\), got float32 \(4, 64\)"):
        augmenter(np.zeros((4, 64), np.float32))
    with pytest.raises(ValueError, match="got uint8"):
        augmenter(np.zeros((4, 784), np.uint8))
