"""Sound for the voice track: loudness, level, resampling, trimming (numpy and scipy only).

Loudness is measured as ITU-R BS.1770-4 integrated loudness (LUFS, the same scale
as LKFS): the signal is K-weighted (a high shelf for the head's acoustic effect,
then a high pass), its mean square is taken over 400 ms blocks overlapping by
75 %, blocks under -70 LUFS are dropped (the absolute gate), then blocks more than
10 LU under the mean of the rest (the relative gate), and the mean square of what
is left is the loudness. A mono track counts its one channel with weight 1, so a
full-scale 1 kHz sine measures -3.01 LUFS, as the standard says.

Every clip of speech, drafted or recorded, is brought to :data:`TARGET_LUFS` by
one gain, then a look-ahead limiter keeps its sample peaks at or under
:data:`PEAK_CEILING_DB`: speech has peaks 10-20 dB above its loudness, and at
-16 LUFS some would otherwise clip. One level for every clip means a lecture
does not jump in volume from one scene, or one lecturer's take, to the next.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
from scipy import ndimage, signal

#: The loudness every clip of speech is brought to: what spoken-word streams aim for.
TARGET_LUFS = -16.0
#: The highest sample peak a normalised clip may reach, in dB of full scale.
PEAK_CEILING_DB = -1.0
#: BS.1770's gating block, its overlap and its gates.
BLOCK_SECONDS = 0.4
BLOCK_OVERLAP = 0.75
ABSOLUTE_GATE = -70.0
RELATIVE_GATE = -10.0
#: Loudness of a signal with no block above the absolute gate (silence).
SILENT = -math.inf


def _high_shelf(rate: float) -> tuple[np.ndarray, np.ndarray]:
    """BS.1770's first K-weighting stage at ``rate`` Hz.

    The standard tables the filter at 48 kHz only; these are its analogue
    parameters, recovered by Brecht De Man, through the bilinear transform: at
    48 kHz they give the standard's coefficients.
    """
    gain_db, q, centre = 3.99984385397, 0.7071752369554193, 1681.9744509555319
    k = math.tan(math.pi * centre / rate)
    vh = 10 ** (gain_db / 20)
    vb = vh**0.499666774155
    a0 = 1 + k / q + k * k
    b = [(vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0]
    return np.array(b), np.array([1.0, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0])


def _high_pass(rate: float) -> tuple[np.ndarray, np.ndarray]:
    """BS.1770's second K-weighting stage (the RLB high pass) at ``rate`` Hz."""
    q, centre = 0.5003270373253953, 38.13547087613982
    k = math.tan(math.pi * centre / rate)
    a0 = 1 + k / q + k * k
    feedback = [1.0, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0]
    return np.array([1.0, -2.0, 1.0]), np.array(feedback)


def k_weighting(rate: float) -> list[tuple[np.ndarray, np.ndarray]]:
    """The two biquads, ``(b, a)`` each, of BS.1770's K-weighting filter at ``rate`` Hz."""
    return [_high_shelf(rate), _high_pass(rate)]


def _block_powers(samples: np.ndarray, rate: float) -> np.ndarray:
    """Mean square of the K-weighted signal over each gating block."""
    weighted = np.asarray(samples, dtype=np.float64)
    for b, a in k_weighting(rate):
        weighted = signal.lfilter(b, a, weighted)
    size = round(BLOCK_SECONDS * rate)
    step = round(BLOCK_SECONDS * (1 - BLOCK_OVERLAP) * rate)
    if len(weighted) < size:
        return np.zeros(0)
    cumulative = np.concatenate([[0.0], np.cumsum(weighted**2)])
    starts = np.arange(0, len(weighted) - size + 1, step)
    return (cumulative[starts + size] - cumulative[starts]) / size


def _lufs(power: np.ndarray | float) -> np.ndarray | float:
    with np.errstate(divide="ignore"):
        return -0.691 + 10 * np.log10(power)


def integrated_loudness(samples: np.ndarray, rate: float) -> float:
    """BS.1770-4 integrated loudness of mono ``samples`` (floats, full scale 1.0), in LUFS.

    A clip shorter than one 400 ms block is measured as one block of its own length.
    Silence (nothing above the absolute gate) measures ``-inf``.
    """
    samples = np.asarray(samples, dtype=np.float64)
    if samples.ndim != 1:
        raise ValueError(
            f"loudness is measured on one channel; got an array of shape {samples.shape}"
        )
    if rate <= 0:
        raise ValueError(f"sample rate must be positive, not {rate}")
    powers = _block_powers(samples, rate)
    if powers.size == 0 and samples.size:
        weighted = samples
        for b, a in k_weighting(rate):
            weighted = signal.lfilter(b, a, weighted)
        powers = np.array([np.mean(weighted**2)])
    loud = powers[_lufs(powers) > ABSOLUTE_GATE]
    if loud.size == 0:
        return SILENT
    relative = _lufs(loud.mean()) + RELATIVE_GATE
    gated = loud[_lufs(loud) > relative]
    return float(_lufs(gated.mean()))


def peak_db(samples: np.ndarray) -> float:
    """The highest sample magnitude in dB of full scale (``-inf`` for silence)."""
    peak = float(np.max(np.abs(samples))) if len(samples) else 0.0
    return 20 * math.log10(peak) if peak > 0 else -math.inf


def limit(samples: np.ndarray, rate: float, ceiling_db: float = PEAK_CEILING_DB) -> np.ndarray:
    """``samples`` with every sample peak brought to ``ceiling_db`` or under, smoothly.

    The gain each sample needs is held over a look-ahead window on both sides, then
    smoothed by a moving average half as wide: every gain the average takes in is at
    most the one the peak needs, so no sample ends above the ceiling, and the gain
    changes over milliseconds, not from one sample to the next (no clicks). Samples
    far from any peak over the ceiling pass unchanged.
    """
    samples = np.asarray(samples, dtype=np.float64)
    ceiling = 10 ** (ceiling_db / 20)
    magnitude = np.abs(samples)
    if samples.size == 0 or magnitude.max() <= ceiling:
        return samples.copy()
    needed = np.minimum(1.0, ceiling / np.maximum(magnitude, 1e-12))
    radius = max(1, round(0.005 * rate))  # 5 ms
    held = ndimage.minimum_filter1d(needed, size=4 * radius + 1, mode="nearest")
    gain = ndimage.uniform_filter1d(held, size=2 * radius + 1, mode="nearest")
    limited = samples * np.minimum(gain, needed)  # the average never exceeds the need; exact
    return limited


def normalise(
    samples: np.ndarray,
    rate: float,
    target_lufs: float = TARGET_LUFS,
    ceiling_db: float = PEAK_CEILING_DB,
) -> np.ndarray:
    """``samples`` at ``target_lufs`` integrated loudness, sample peaks at most ``ceiling_db``.

    The gain that reaches the target is applied, then the limiter; limiting takes a
    little loudness away, so the pair is applied once more to make it up. A clip that
    measures as silence (nothing above the gate) only has its peaks limited.
    """
    samples = np.asarray(samples, dtype=np.float64)
    level = samples
    for _ in range(2):
        loudness = integrated_loudness(level, rate)
        if not math.isfinite(loudness):  # nothing a listener hears; its peaks still count
            return limit(level, rate, ceiling_db)
        level = limit(level * 10 ** ((target_lufs - loudness) / 20), rate, ceiling_db)
    return level


def resample(samples: np.ndarray, rate: int, to_rate: int) -> np.ndarray:
    """``samples`` at ``rate`` Hz resampled to ``to_rate`` Hz (polyphase, anti-aliased)."""
    if rate == to_rate:
        return np.asarray(samples, dtype=np.float64)
    ratio = Fraction(to_rate, rate)
    return signal.resample_poly(
        np.asarray(samples, dtype=np.float64), ratio.numerator, ratio.denominator
    )


def trim_silence(
    samples: np.ndarray,
    rate: float,
    *,
    floor_db: float = -40.0,
    lead: float = 0.01,
    tail: float = 0.05,
    fade: float = 0.005,
) -> np.ndarray:
    """``samples`` without the silence before and after the sound, faded in and out.

    Silence is whatever stays ``floor_db`` under the clip's peak. ``lead`` seconds
    are kept before the first sound and ``tail`` after the last (where the clip has
    them), and the ends fade over ``fade`` seconds so the cut makes no click.
    A clip with no sound at all comes back empty.
    """
    samples = np.asarray(samples, dtype=np.float64)
    if samples.size == 0:
        return samples
    peak = np.max(np.abs(samples))
    if peak == 0:
        return samples[:0]
    loud = np.flatnonzero(np.abs(samples) >= peak * 10 ** (floor_db / 20))
    start = max(0, loud[0] - round(lead * rate))
    end = min(samples.size, loud[-1] + 1 + round(tail * rate))
    trimmed = samples[start:end].copy()
    ramp = min(round(fade * rate), trimmed.size // 2)
    if ramp > 0:
        shape = np.linspace(0.0, 1.0, ramp, endpoint=False)
        if start > 0:
            trimmed[:ramp] *= shape
        if end < samples.size:
            trimmed[-ramp:] *= shape[::-1]
    return trimmed


def onsets(
    samples: np.ndarray, rate: float, *, floor_db: float = -40.0, window: float = 0.01
) -> np.ndarray:
    """Times (s) where sound starts after at least 0.15 s of quiet, read off 10 ms windows.

    Quiet is a window whose RMS is ``floor_db`` (dB of full scale) or less. The first
    window of sound after a quiet stretch is an onset; the time is its first sample
    that reaches the floor.
    """
    samples = np.asarray(samples, dtype=np.float64)
    size = max(1, round(window * rate))
    count = samples.size // size
    if count == 0:
        return np.zeros(0)
    frames = samples[: count * size].reshape(count, size)
    with np.errstate(divide="ignore"):
        level = 10 * np.log10(np.mean(frames**2, axis=1))
    loud = level > floor_db
    quiet_needed = max(1, round(0.15 / window))
    times = []
    quiet_run = quiet_needed  # the start of the clip counts as after quiet
    threshold = 10 ** (floor_db / 20)
    for i, is_loud in enumerate(loud):
        if is_loud:
            if quiet_run >= quiet_needed:
                first = i * size + int(np.argmax(np.abs(frames[i]) >= threshold))
                times.append(first / rate)
            quiet_run = 0
        else:
            quiet_run += 1
    return np.array(times)
