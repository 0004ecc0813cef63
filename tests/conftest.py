"""Settings for the whole suite."""

from hypothesis import settings

# Property tests check results, not speed (bench/ measures speed): under a loaded CI
# machine a first call into LAPACK can take longer than hypothesis's default 200 ms
# deadline, which reported a correct result as a flaky failure.
settings.register_profile("mlfm", deadline=None)
settings.load_profile("mlfm")
