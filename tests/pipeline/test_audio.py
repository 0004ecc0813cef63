"""pipeline.audio against oracles: BS.1770-4's table and its sine, a plain reference
implementation of the standard, and signals whose answers are known by construction."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from scipy import signal

from pipeline import audio

# ITU-R BS.1770-4, table 1 and table 2: the K-weighting biquads at 48 kHz.
STAGE1_B = [1.53512485958697, -2.69169618940638, 1.19839281085285]
STAGE1_A = [1.0, -1.69065929318241, 0.73248077421585]
STAGE2_B = [1.0, -2.0, 1.0]
STAGE2_A = [1.0, -1.99004745483398, 0.99007225036621]

#: BS.1770-4: a full-scale 1 kHz sine on one channel reads -3.01 LKFS (997 Hz: no
#: sample-rate-related pattern).
SINE_OFFSET = -3.01
TONE_HZ = 997.0
RATES = [48000, 44100, 22050]
LIMIT_RATES = [8000, 16000, 22050, 44100, 48000]
#: The peak of a 997 Hz sine that reads -69.5 LUFS, half a LU over the absolute gate.
JUST_OVER_THE_GATE = 10 ** ((-69.5 - SINE_OFFSET) / 20)
#: ... and one that reads -70.5 LUFS, half a LU under it.
JUST_UNDER_THE_GATE = 10 ** ((-70.5 - SINE_OFFSET) / 20)
FEW = settings(max_examples=25)
SOME = settings(max_examples=40)
SEEDS = st.integers(0, 2**32 - 1)


def tone(amplitude: float, seconds: float, rate: float, hz: float = TONE_HZ) -> np.ndarray:
    """A sine of peak ``amplitude``, starting at phase 0."""
    n = np.arange(round(seconds * rate))
    return amplitude * np.sin(2 * np.pi * hz * n / rate)


def sine_lufs(amplitude: float) -> float:
    """What BS.1770-4 says a mono 1 kHz sine of peak ``amplitude`` measures."""
    return 20 * math.log10(amplitude) + SINE_OFFSET


def reference_loudness_48k(samples: np.ndarray) -> float:
    """BS.1770-4 integrated loudness at 48 kHz, written out plainly from the standard.

    The table's coefficients, one 400 ms block at a time every 100 ms, the -70 LKFS
    absolute gate, then the gate 10 LU under the loudness of what passed it.
    """
    weighted = signal.lfilter(STAGE1_B, STAGE1_A, samples)
    weighted = signal.lfilter(STAGE2_B, STAGE2_A, weighted)
    size, step = 19200, 4800
    powers = np.array(
        [np.mean(weighted[s : s + size] ** 2) for s in range(0, len(weighted) - size + 1, step)]
    )

    def lkfs(power: float) -> float:
        return -0.691 + 10 * math.log10(power) if power > 0 else -math.inf

    passed = [p for p in powers if lkfs(p) > -70.0]
    if not passed:
        return -math.inf
    gate = lkfs(float(np.mean(passed))) - 10.0
    return lkfs(float(np.mean([p for p in passed if lkfs(p) > gate])))


def noise(seed: int, seconds: float, rate: float, rms: float) -> np.ndarray:
    """Gaussian noise of the given RMS."""
    return np.random.default_rng(seed).normal(0.0, rms, round(seconds * rate))


def speechlike(
    seed: int, seconds: float, rate: float, *, f0: float, harmonics: int, aligned: bool
) -> np.ndarray:
    """A voiced-speech stand-in: a harmonic tone at pitch ``f0``, 1/k harmonic amplitudes,
    under a syllable-rate (3-6 Hz) amplitude envelope.

    Random harmonic phases give a low crest factor; aligned phases make a pulse train
    with a high one.
    """
    rng = np.random.default_rng(seed)
    t = np.arange(round(seconds * rate)) / rate
    phases = np.zeros(harmonics) if aligned else rng.uniform(0, 2 * np.pi, harmonics)
    voiced = sum(
        np.cos(2 * np.pi * k * f0 * t + phases[k - 1]) / k
        for k in range(1, harmonics + 1)
        if k * f0 < rate / 2.2
    )
    syllables = rng.uniform(3.0, 6.0)
    envelope = 0.6 + 0.4 * np.sin(2 * np.pi * syllables * t + rng.uniform(0, 2 * np.pi))
    return 0.1 * voiced * envelope


# --- K-weighting and integrated loudness -------------------------------------------------


def test_k_weighting_at_48k_is_the_standards_table() -> None:
    """At 48 kHz both biquads equal BS.1770-4's published coefficients to 1e-8."""
    (b1, a1), (b2, a2) = audio.k_weighting(48000)
    np.testing.assert_allclose(b1, STAGE1_B, rtol=0, atol=1e-8)
    np.testing.assert_allclose(a1, STAGE1_A, rtol=0, atol=1e-8)
    np.testing.assert_allclose(b2, STAGE2_B, rtol=0, atol=1e-8)
    np.testing.assert_allclose(a2, STAGE2_A, rtol=0, atol=1e-8)


@FEW
@given(amplitude=st.floats(JUST_OVER_THE_GATE, 1.0), rate=st.sampled_from(RATES))
@example(amplitude=JUST_OVER_THE_GATE, rate=48000)
@example(amplitude=1.0, rate=48000)
def test_a_997_hz_sine_reads_its_peak_minus_3_01(amplitude: float, rate: int) -> None:
    """A mono 997 Hz sine of peak A measures 20 log10(A) - 3.01 LUFS within 0.05 LU, from
    full scale down to -69.5 LUFS, just over the absolute gate."""
    measured = audio.integrated_loudness(tone(amplitude, 1.0, rate), rate)
    assert measured == pytest.approx(sine_lufs(amplitude), abs=0.05)


@st.composite
def gated_clips(draw: st.DrawFn) -> np.ndarray:
    """48 kHz clips, at least one block (400 ms) long, of noise in 0.1-1 s segments at
    levels from -95 to -5 dBFS RMS, some stretches of digital silence: every gate has
    something to do. (Shorter clips have no block; the standard leaves them undefined.)"""
    rng = np.random.default_rng(draw(SEEDS))
    parts = []
    for i in range(draw(st.integers(1, 6))):
        seconds = draw(st.floats(0.4 if i == 0 else 0.1, 1.0))
        level = draw(st.one_of(st.just(-math.inf), st.floats(-95.0, -5.0)))
        rms = 0.0 if level == -math.inf else 10 ** (level / 20)
        parts.append(rng.normal(0.0, rms, round(seconds * 48000)))
    return np.concatenate(parts)


@FEW
@given(clip=gated_clips())
def test_loudness_matches_a_plain_reference_implementation(clip: np.ndarray) -> None:
    """At 48 kHz, on clips that exercise both gates, the measure equals a line-by-line
    reading of BS.1770-4 with the table's coefficients."""
    expected = reference_loudness_48k(clip)
    measured = audio.integrated_loudness(clip, 48000)
    if math.isinf(expected):
        assert measured == expected
    else:
        assert measured == pytest.approx(expected, abs=1e-6)


@SOME
@given(
    seed=SEEDS,
    rate=st.sampled_from(RATES),
    seconds=st.floats(0.4, 2.0),
    gain=st.floats(0.01, 100.0),
)
def test_scaling_by_g_adds_20_log10_g(seed: int, rate: int, seconds: float, gain: float) -> None:
    """Noise at -20 dBFS RMS (every block far above both gates, before and after the gain)
    scaled by g measures exactly 20 log10(g) louder."""
    clip = noise(seed, seconds, rate, 0.1)
    before = audio.integrated_loudness(clip, rate)
    after = audio.integrated_loudness(gain * clip, rate)
    assert after - before == pytest.approx(20 * math.log10(gain), abs=1e-6)


@FEW
@given(
    seed=SEEDS,
    rate=st.sampled_from(RATES),
    level=st.floats(-50.0, 0.0),
    under=st.floats(11.0, 30.0),
    extra=st.floats(0.001, 12.0),
)
def test_more_silence_changes_nothing(
    seed: int, rate: int, level: float, under: float, extra: float
) -> None:
    """Once a clip ends in a full block (400 ms) of silence, appending more silence, up to
    ten times the sound's length, leaves its loudness as it was: the absolute gate drops
    the silent blocks before the relative gate's mean is taken.

    (Were they counted, they would pull that mean, and the relative gate, down until
    the clip's quieter second half, 11-30 dB under the first, counted too. And the
    first 400 ms of silence after sound does count: the blocks straddling the join
    hold 75, 50 and 25 % sound, as BS.1770-4 prescribes.)
    """
    rms = 10 ** (level / 20)
    clip = np.concatenate(
        [
            noise(seed, 0.6, rate, rms),
            noise(seed + 1, 0.6, rate, rms * 10 ** (-under / 20)),
            np.zeros(rate // 2),
        ]
    )
    longer = np.concatenate([clip, np.zeros(round(extra * rate))])
    assert audio.integrated_loudness(longer, rate) == pytest.approx(
        audio.integrated_loudness(clip, rate), abs=1e-9
    )


@settings(max_examples=15)
@given(
    amplitude=st.floats(0.05, 1.0),
    under=st.floats(20.0, 60.0),
    quiet_seconds=st.floats(1.5, 4.0),
    quiet_first=st.booleans(),
    quiet_hz=st.floats(200.0, 4000.0),
)
def test_a_part_20_db_under_the_rest_is_gated_out(
    amplitude: float, under: float, quiet_seconds: float, quiet_first: bool, quiet_hz: float
) -> None:
    """12.5 s of 997 Hz sine at peak A next to 1.5-4 s of a tone 20-60 dB quieter measures
    like the sine alone (20 log10(A) - 3.01) within 0.1 LU: the relative gate drops the
    quiet blocks. (Without it the quiet part would take 0.5-1.2 LU off.)

    The blocks straddling the join do count, as BS.1770-4 prescribes: three or four of
    them, holding 2 blocks' worth of the sine at most, next to 121 or more whole blocks
    of it: 10 log10(123 / 125) = -0.07 LU at worst.
    """
    rate = 48000
    loud = tone(amplitude, 12.5, rate)
    quiet = tone(amplitude * 10 ** (-under / 20), quiet_seconds, rate, quiet_hz)
    clip = np.concatenate([quiet, loud] if quiet_first else [loud, quiet])
    assert audio.integrated_loudness(clip, rate) == pytest.approx(sine_lufs(amplitude), abs=0.1)


@FEW
@given(
    seconds=st.floats(0.0, 1.0),
    rate=st.sampled_from(RATES),
    amplitude=st.one_of(st.just(0.0), st.floats(1e-6, JUST_UNDER_THE_GATE)),
)
@example(seconds=1.0, rate=48000, amplitude=JUST_UNDER_THE_GATE)
def test_silence_measures_minus_infinity(seconds: float, rate: int, amplitude: float) -> None:
    """Digital silence, an empty clip, and a 997 Hz sine quieter than -70.5 LUFS (under the
    -70 absolute gate) all measure -inf."""
    assert audio.integrated_loudness(tone(amplitude, seconds, rate), rate) == -math.inf


@FEW
@given(
    seconds=st.floats(0.05, 0.399),
    amplitude=st.floats(0.01, 1.0),
    rate=st.sampled_from(RATES),
)
def test_a_clip_shorter_than_a_block_is_still_measured(
    seconds: float, amplitude: float, rate: int
) -> None:
    """A 50-399 ms sine is measured (finite), and close to what the standard's sine reads."""
    clip = tone(amplitude, seconds, rate)
    assert len(clip) < round(0.4 * rate)
    measured = audio.integrated_loudness(clip, rate)
    assert math.isfinite(measured)
    assert measured == pytest.approx(sine_lufs(amplitude), abs=0.1)


def test_a_2d_array_is_refused_with_its_shape() -> None:
    """Two channels are not one: ValueError, naming the shape it got."""
    with pytest.raises(ValueError, match=r"one channel.*\(2, 4800\)"):
        audio.integrated_loudness(np.zeros((2, 4800)), 48000)
    with pytest.raises(ValueError, match="positive"):
        audio.integrated_loudness(np.zeros(4800), 0)


# --- limit -------------------------------------------------------------------------------


@st.composite
def spiky_signals(draw: st.DrawFn) -> tuple[np.ndarray, int, float]:
    """(samples, rate, ceiling_db): noise at a random level, a stretch of exact zeros,
    and up to six spikes from 0.5 to 50 times full scale."""
    rate = draw(st.sampled_from(LIMIT_RATES))
    n = draw(st.integers(1, round(0.25 * rate)))
    rng = np.random.default_rng(draw(SEEDS))
    samples = rng.normal(0.0, draw(st.floats(0.001, 1.0)), n)
    if n > 2 and draw(st.booleans()):
        a, b = sorted(draw(st.lists(st.integers(0, n), min_size=2, max_size=2)))
        samples[a:b] = 0.0
    for _ in range(draw(st.integers(0, 6))):
        where = draw(st.integers(0, n - 1))
        samples[where] = draw(st.sampled_from([-1.0, 1.0])) * draw(st.floats(0.5, 50.0))
    ceiling_db = draw(st.sampled_from([audio.PEAK_CEILING_DB, -6.0, -0.1, 0.0]))
    return samples, rate, ceiling_db


#: A 1 kHz tone at half scale, 0.1 s at 48 kHz, with one sample at 4.0 in the middle.
LONE_SPIKE = (np.where(np.arange(4800) == 2400, 4.0, tone(0.5, 0.1, 48000, 1000.0)), 48000, -1.0)


@SOME
@given(case=spiky_signals())
@example(case=LONE_SPIKE)
def test_limit_keeps_every_sample_under_the_ceiling(case: tuple[np.ndarray, int, float]) -> None:
    """No output sample's magnitude exceeds 10**(ceiling/20)."""
    samples, rate, ceiling_db = case
    out = audio.limit(samples, rate, ceiling_db)
    assert out.shape == samples.shape
    assert np.max(np.abs(out)) <= 10 ** (ceiling_db / 20) + 1e-9


@SOME
@given(seed=SEEDS, rate=st.sampled_from(LIMIT_RATES), headroom=st.floats(0.0, 0.999))
def test_limit_leaves_a_signal_under_the_ceiling_alone(
    seed: int, rate: int, headroom: float
) -> None:
    """A signal whose peak is already under the ceiling comes back sample for sample."""
    clip = noise(seed, 0.1, rate, 1.0)
    clip *= headroom * 10 ** (audio.PEAK_CEILING_DB / 20) / np.max(np.abs(clip))
    np.testing.assert_array_equal(audio.limit(clip, rate), clip)


def test_limit_leaves_a_peak_exactly_at_the_ceiling_alone() -> None:
    """A peak exactly at the ceiling is not over it."""
    ceiling = 10 ** (audio.PEAK_CEILING_DB / 20)
    clip = np.array([0.0, 0.3, -ceiling, ceiling, 0.1])
    np.testing.assert_array_equal(audio.limit(clip, 48000), clip)


@SOME
@given(case=spiky_signals())
@example(case=LONE_SPIKE)
def test_limit_leaves_samples_15_ms_from_any_over_alone(
    case: tuple[np.ndarray, int, float],
) -> None:
    """Samples more than 15 ms from every sample over the ceiling are unchanged."""
    samples, rate, ceiling_db = case
    out = audio.limit(samples, rate, ceiling_db)
    over = np.flatnonzero(np.abs(samples) > 10 ** (ceiling_db / 20))
    if over.size == 0:
        np.testing.assert_array_equal(out, samples)
        return
    index = np.arange(samples.size)
    after = np.clip(np.searchsorted(over, index), 0, over.size - 1)
    before = np.clip(after - 1, 0, over.size - 1)
    distance = np.minimum(np.abs(index - over[after]), np.abs(index - over[before]))
    far = distance > 0.015 * rate
    np.testing.assert_allclose(out[far], samples[far], rtol=1e-12, atol=0)


@SOME
@given(case=spiky_signals())
@example(case=LONE_SPIKE)
def test_limit_gain_moves_smoothly(case: tuple[np.ndarray, int, float]) -> None:
    """No clicks: the gain (output / input) between neighbouring samples moves by at most
    (1 - g_min) / (0.005 rate).

    Why: the gain is a moving average over at least 5 ms (0.005 rate samples) of gains
    each between g_min = ceiling / peak and 1; two neighbouring averages differ by one
    value leaving and one entering, so by at most (1 - g_min) / window. A gain set
    sample by sample (a hard clip) would jump by up to 1 - g_min at once.
    """
    samples, rate, ceiling_db = case
    out = audio.limit(samples, rate, ceiling_db)
    ceiling = 10 ** (ceiling_db / 20)
    peak = np.max(np.abs(samples))
    g_min = min(1.0, ceiling / peak) if peak > 0 else 1.0
    nonzero = samples != 0
    gain = np.divide(out, samples, out=np.ones_like(samples), where=nonzero)
    both = nonzero[1:] & nonzero[:-1]
    steps = np.abs(np.diff(gain))[both]
    bound = (1 - g_min) / (0.005 * rate) + 1e-9
    assert steps.size == 0 or steps.max() <= bound
    assert np.all((gain >= g_min - 1e-9) & (gain <= 1 + 1e-12))


# --- normalise ---------------------------------------------------------------------------


@st.composite
def voice_clips(draw: st.DrawFn) -> tuple[np.ndarray, int]:
    """(samples, clicks): 1.5-3 s at 48 kHz of speech-like tone or noise, arbitrary level;
    with up to three short plosive clicks 6-20 dB over the rest of the clip's peak."""
    rate = 48000
    seed = draw(SEEDS)
    seconds = draw(st.floats(1.5, 3.0))
    kind = draw(st.sampled_from(["noise", "voiced"]))
    if kind == "noise":
        clip = noise(seed, seconds, rate, 0.1)
    else:
        clip = speechlike(
            seed,
            seconds,
            rate,
            f0=draw(st.floats(90.0, 250.0)),
            harmonics=draw(st.integers(4, 30)),
            aligned=False,
        )
    clicks = draw(st.integers(0, 3))
    rng = np.random.default_rng(seed + 1)
    peak = np.max(np.abs(clip))
    burst = np.exp(-np.arange(round(0.002 * rate)) / (0.0004 * rate))
    for _ in range(clicks):
        at = int(rng.integers(0, clip.size - burst.size))
        over = 10 ** (draw(st.floats(6.0, 20.0)) / 20)
        clip[at : at + burst.size] += rng.choice([-1.0, 1.0]) * over * peak * burst
    return clip * 10 ** (draw(st.floats(-40.0, 10.0)) / 20), clicks


@FEW
@given(case=voice_clips())
def test_normalise_reaches_minus_16_lufs(case: tuple[np.ndarray, int]) -> None:
    """Noise and voiced tones, low crest factor or with a few clicks (high crest factor,
    limiter touches at most ~5 % of the clip), end within 0.5 LU of -16 LUFS, as the
    reference implementation measures them, and under the -1 dBFS ceiling. With no
    clicks the limiter is idle: the output is the input times one gain."""
    clip, clicks = case
    out = audio.normalise(clip, 48000)
    assert reference_loudness_48k(out) == pytest.approx(audio.TARGET_LUFS, abs=0.5)
    assert np.max(np.abs(out)) <= 10 ** (audio.PEAK_CEILING_DB / 20) + 1e-9
    if clicks == 0:
        expected_gain = 10 ** ((audio.TARGET_LUFS - reference_loudness_48k(clip)) / 20)
        np.testing.assert_allclose(out, clip * expected_gain, rtol=1e-4, atol=1e-12)


@st.composite
def hard_clips(draw: st.DrawFn) -> np.ndarray:
    """Anything a recording could hand over: pulse trains (aligned harmonics), noise with
    huge spikes, clips shorter than a block, at any level."""
    rate = 48000
    seed = draw(SEEDS)
    seconds = draw(st.floats(0.05, 1.5))
    if draw(st.booleans()):
        clip = speechlike(
            seed, seconds, rate, f0=draw(st.floats(80.0, 300.0)), harmonics=40, aligned=True
        )
    else:
        clip = noise(seed, seconds, rate, 0.05)
    rng = np.random.default_rng(seed)
    for _ in range(draw(st.integers(0, 8))):
        clip[rng.integers(0, clip.size)] = rng.choice([-1.0, 1.0]) * draw(st.floats(0.0, 100.0))
    return clip * 10 ** (draw(st.floats(-50.0, 20.0)) / 20)


@FEW
@given(clip=hard_clips())
def test_normalise_never_goes_over_the_ceiling(clip: np.ndarray) -> None:
    """Whatever comes in, no sample goes out above -1 dBFS."""
    out = audio.normalise(clip, 48000)
    assert np.max(np.abs(out)) <= 10 ** (audio.PEAK_CEILING_DB / 20) + 1e-9


def test_normalise_keeps_the_ceiling_when_the_clip_measures_as_silence() -> None:
    """A clip the loudness gate calls silent can still have samples over the ceiling (here
    a DC offset creeping up to 2.0, which K-weighting all but removes): the promise
    "sample peaks at most ceiling_db" still holds."""
    rate = 48000
    clip = np.concatenate([np.zeros(rate), np.linspace(0.0, 2.0, 2 * rate)])
    assert audio.integrated_loudness(clip, rate) == -math.inf  # the premise
    out = audio.normalise(clip, rate)
    assert np.max(np.abs(out)) <= 10 ** (audio.PEAK_CEILING_DB / 20) + 1e-9


@pytest.mark.parametrize("seconds", [0.0, 0.1, 1.0])
def test_normalise_leaves_silence_silent(seconds: float) -> None:
    """Digital silence comes back as silence of the same length."""
    clip = np.zeros(round(seconds * 48000))
    out = audio.normalise(clip, 48000)
    np.testing.assert_array_equal(out, clip)


# --- resample ----------------------------------------------------------------------------


@FEW
@given(
    hz=st.floats(50.0, 8000.0),
    seconds=st.floats(0.2, 1.0),
    amplitude=st.floats(0.01, 1.0),
)
def test_resample_22050_to_48000_keeps_the_tone(
    hz: float, seconds: float, amplitude: float
) -> None:
    """A 22050 Hz sine at 48000 Hz: length n * 48000 / 22050 (within 1), the FFT peak at the
    sine's frequency (within one bin), RMS within 1 %."""
    clip = tone(amplitude, seconds, 22050, hz)
    out = audio.resample(clip, 22050, 48000)
    assert abs(len(out) - round(len(clip) * 48000 / 22050)) <= 1
    spectrum = np.abs(np.fft.rfft(out * np.hanning(len(out))))
    bin_hz = 48000 / len(out)
    assert abs(np.argmax(spectrum) * bin_hz - hz) <= bin_hz
    rms_in, rms_out = np.sqrt(np.mean(clip**2)), np.sqrt(np.mean(out**2))
    assert rms_out == pytest.approx(rms_in, rel=0.01)


def test_resample_to_the_same_rate_returns_the_input() -> None:
    """Same rate in and out: the samples, untouched."""
    clip = noise(7, 0.05, 44100, 0.3)
    np.testing.assert_array_equal(audio.resample(clip, 44100, 44100), clip)


# --- trim_silence ------------------------------------------------------------------------


@st.composite
def bursts_in_silence(draw: st.DrawFn) -> tuple[np.ndarray, int, int, int]:
    """(samples, rate, burst start, burst end): a tone burst with whole cycles (its first
    and last samples at the peak), silence or a hiss 50 dB down on either side."""
    rate = draw(st.sampled_from([16000, 22050, 48000]))
    cycles = draw(st.integers(20, 200))
    hz = draw(st.sampled_from([200.0, 250.0, 500.0, 1000.0]))
    amplitude = draw(st.floats(0.01, 1.0))
    length = round(cycles * rate / hz)
    burst = amplitude * np.cos(2 * np.pi * hz * np.arange(length) / rate)
    before = round(draw(st.floats(0.1, 0.5)) * rate)
    after = round(draw(st.floats(0.1, 0.5)) * rate)
    clip = np.concatenate([np.zeros(before), burst, np.zeros(after)])
    if draw(st.booleans()):
        hiss = np.random.default_rng(draw(SEEDS)).uniform(-1.0, 1.0, clip.size)
        clip += amplitude * 10 ** (-50 / 20) * hiss
    return clip, rate, before, before + length


@SOME
@given(
    case=bursts_in_silence(),
    lead=st.floats(0.0, 0.05),
    tail=st.floats(0.0, 0.09),
)
def test_trim_keeps_lead_and_tail_around_the_burst(
    case: tuple[np.ndarray, int, int, int], lead: float, tail: float
) -> None:
    """The trimmed clip starts `lead` s before the burst and ends `tail` s after it (to
    within a sample), holds the burst untouched past the fades, and fades to 0 at both
    cut ends."""
    clip, rate, start, end = case
    out = audio.trim_silence(clip, rate, lead=lead, tail=tail)
    expected_start = start - lead * rate
    expected_end = end + tail * rate
    assert abs(len(out) - (expected_end - expected_start)) <= 2
    # Where in the clip the output was cut from: the one nearby start whose samples,
    # past the 5 ms fades, the output reproduces exactly.
    fade = round(0.005 * rate)
    cuts = [
        cut
        for cut in range(math.floor(expected_start) - 1, math.ceil(expected_start) + 2)
        if cut >= 0 and np.array_equal(out[fade:-fade], clip[cut + fade : cut + len(out) - fade])
    ]
    assert cuts, "the output is not a slice of the clip"
    assert min(abs(cut - expected_start) for cut in cuts) <= 1
    peak = np.max(np.abs(clip))
    assert abs(out[0]) <= 0.01 * peak
    assert abs(out[-1]) <= 0.01 * peak


def test_trim_an_all_zero_clip_to_nothing() -> None:
    """No sound at all: an empty clip; and an empty clip stays empty."""
    assert audio.trim_silence(np.zeros(4800), 48000).size == 0
    assert audio.trim_silence(np.zeros(0), 48000).size == 0


def test_trim_fades_a_cut_through_loud_sound() -> None:
    """With no lead or tail the cuts fall on the loud tone itself: still 0 at both ends,
    rising over the 5 ms fade, never above the original."""
    rate = 48000
    burst = np.cos(2 * np.pi * 1000.0 * np.arange(rate // 10) / rate)
    clip = np.concatenate([np.zeros(rate // 10), burst, np.zeros(rate // 10)])
    out = audio.trim_silence(clip, rate, lead=0.0, tail=0.0)
    assert len(out) == burst.size
    assert abs(out[0]) <= 1e-3
    assert abs(out[-1]) <= 1e-3
    assert np.all(np.abs(out) <= np.abs(burst) + 1e-12)
    np.testing.assert_array_equal(out[240:-240], burst[240:-240])


# --- onsets ------------------------------------------------------------------------------


def place_bursts(
    times: list[float], seconds: float, rate: int, length: float = 0.2, amplitude: float = 0.3
) -> np.ndarray:
    """Silence of ``seconds`` with a 500 Hz tone burst of ``length`` s at each time."""
    clip = np.zeros(round(seconds * rate))
    burst = tone(amplitude, length, rate, 500.0)
    for t in times:
        at = round(t * rate)
        clip[at : at + burst.size] = burst[: clip.size - at]
    return clip


def test_onsets_finds_bursts_at_known_times() -> None:
    """Bursts at 0.5, 1.7 and 3.2 s are found there, within 10 ms each; and as these start
    on a 10 ms window, at the burst's first sample over -40 dBFS (its second: a sine
    starts at 0), not at the window's end."""
    times = [0.5, 1.7, 3.2]
    found = audio.onsets(place_bursts(times, 4.0, 48000), 48000)
    assert len(found) == len(times)
    np.testing.assert_allclose(found, times, atol=0.01)
    np.testing.assert_allclose(found, np.array(times) + 1 / 48000, atol=1e-9)


@FEW
@given(
    rate=st.sampled_from([16000, 22050, 48000]),
    first=st.floats(0.0, 0.5),
    gaps=st.lists(st.floats(0.3, 1.0), min_size=0, max_size=4),
    length=st.floats(0.02, 0.4),
    amplitude=st.floats(0.05, 1.0),
)
def test_onsets_finds_each_burst_after_quiet(
    rate: int, first: float, gaps: list[float], length: float, amplitude: float
) -> None:
    """Bursts separated by 0.3 s or more of silence are each found within 10 ms."""
    times = [first]
    for gap in gaps:
        times.append(times[-1] + length + gap)
    clip = place_bursts(times, times[-1] + length + 0.2, rate, length, amplitude)
    found = audio.onsets(clip, rate)
    assert len(found) == len(times)
    np.testing.assert_allclose(found, times, atol=0.01)
    assert np.all(found >= np.array(times) - 1e-9)  # never before the sound


@pytest.mark.parametrize("rate", [16000, 48000])
def test_onsets_of_one_continuous_tone_is_one(rate: int) -> None:
    """A tone from start to end starts once, at the start."""
    found = audio.onsets(tone(0.5, 2.0, rate), rate)
    assert len(found) == 1
    assert found[0] == pytest.approx(0.0, abs=0.01)


def test_onsets_ignores_short_pauses() -> None:
    """Gaps shorter than 0.15 s (here 0.1 s) do not start a new sound."""
    clip = place_bursts([0.3, 0.6, 0.9], 1.5, 48000)
    found = audio.onsets(clip, 48000)
    np.testing.assert_allclose(found, [0.3], atol=0.01)


@pytest.mark.parametrize("seconds", [0.0, 0.005, 1.0])
def test_onsets_of_silence_is_none(seconds: float) -> None:
    """Silence (and a hiss under -40 dBFS) holds no onset."""
    assert audio.onsets(np.zeros(round(seconds * 48000)), 48000).size == 0
    hiss = noise(3, 1.0, 48000, 10 ** (-50 / 20))
    assert audio.onsets(hiss, 48000).size == 0
