"""WCAG 2.x contrast of two colours, to check text colours (marker letters, labels) in tests
and wherever a colour is chosen from data."""

from __future__ import annotations


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(hex_colour: str) -> float:
    """WCAG relative luminance of "#rrggbb"."""
    digits = hex_colour.lstrip("#")
    r, g, b = (_channel(int(digits[i:i + 2], 16)) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """1.0 (same) to 21.0 (black on white); text needs 4.5 (WCAG AA)."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
