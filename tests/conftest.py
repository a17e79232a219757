"""Hypothesis profiles: `ci` (derandomised; `make test`), `dev`, `fast`, `fuzz`.

No profile suppresses the `too_slow` health check: score_core's strategies
must stay fast enough for Hypothesis' defaults, and the suite would notice a
regression.
"""

import os

from hypothesis import HealthCheck, settings


settings.register_profile(
    "ci",
    max_examples=30,
    derandomize=True,
    deadline=None,
    print_blob=True,
    database=None,
    # differing_executors: mutation testing (mutmut) forks the test classes.
    suppress_health_check=[HealthCheck.differing_executors],
)
settings.register_profile("dev", max_examples=200, deadline=None)
settings.register_profile("fast", max_examples=10, deadline=None)
settings.register_profile("fuzz", max_examples=5_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


# The command line reads its language from the environment when --lang is
# absent: tests that do not choose one see English, whatever the machine's.
os.environ.pop("LANGUAGE", None)
os.environ.pop("LC_ALL", None)
os.environ.pop("LC_MESSAGES", None)
os.environ["LANG"] = "C.UTF-8"
