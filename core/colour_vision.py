"""How far apart two colours look, also to viewers with red–green colour blindness.

Colours are sRGB hex strings ("#0072B2"). Their difference is the CIELAB ΔE*ab (CIE 1976) under the D65 white,
for normal vision and as protanopes and deuteranopes see them, simulated with the matrices of Machado, Oliveira &
Fernandes (2009, "A physiologically-based model for simulation of color vision deficiency", severity 1), applied
to linear RGB as in their paper:

    linear c = c / 12.92 if c ≤ 0.04045 else ((c + 0.055) / 1.055)^2.4          (sRGB, IEC 61966-2-1)
    seen = clip(M · linear, 0, 1)                                              (M: identity, protan or deutan)
    (X, Y, Z) = M_sRGB→XYZ · seen;  f(t) = t^(1/3) if t > (6/29)³ else t / (3 (6/29)²) + 4/29
    L* = 116 f(Y/Yn) − 16,  a* = 500 (f(X/Xn) − f(Y/Yn)),  b* = 200 (f(Y/Yn) − f(Z/Zn))
    ΔE*ab = ‖Lab₁ − Lab₂‖
"""
from __future__ import annotations

import numpy as np

VIEWERS = {
    "normal": np.eye(3),
    "protanopia": np.array([[0.152286, 1.052583, -0.204868],
                            [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968],
                              [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
}
"""Each kind of viewer's matrix on linear RGB (Machado et al. 2009, severity 1)."""

_SRGB_TO_XYZ = np.array([[0.4124564, 0.3575761, 0.1804375],
                         [0.2126729, 0.7151522, 0.0721750],
                         [0.0193339, 0.1191920, 0.9503041]])
_WHITE = _SRGB_TO_XYZ.sum(axis=1)  # D65: the XYZ of linear RGB (1, 1, 1)


def linear_rgb(colour: str) -> np.ndarray:
    """The linear RGB (0…1) of an sRGB hex colour "#RRGGBB"."""
    encoded = np.array([int(colour[index:index + 2], 16) for index in (1, 3, 5)]) / 255.0
    return np.where(encoded <= 0.04045, encoded / 12.92, ((encoded + 0.055) / 1.055) ** 2.4)


def lab(colour: str, viewer: str = "normal") -> np.ndarray:
    """(L*, a*, b*) of ``colour`` as ``viewer`` (a key of :data:`VIEWERS`) sees it."""
    seen = np.clip(VIEWERS[viewer] @ linear_rgb(colour), 0.0, 1.0)
    xyz = _SRGB_TO_XYZ @ seen / _WHITE
    edge = 6.0 / 29.0
    f = np.where(xyz > edge ** 3, np.cbrt(xyz), xyz / (3 * edge ** 2) + 4.0 / 29.0)
    return np.array([116.0 * f[1] - 16.0, 500.0 * (f[0] - f[1]), 200.0 * (f[1] - f[2])])


def delta_e(first: str, second: str, viewer: str = "normal") -> float:
    """ΔE*ab between two colours as ``viewer`` sees them."""
    return float(np.linalg.norm(lab(first, viewer) - lab(second, viewer)))


def least_delta_e(first: str, second: str) -> float:
    """ΔE*ab between two colours as the viewer who tells them apart worst sees them (any of :data:`VIEWERS`)."""
    return min(delta_e(first, second, viewer) for viewer in VIEWERS)
