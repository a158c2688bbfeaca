"""Dependencies: what production installs is locked with hashes, and test tooling stays out of it.

`make lock` compiles requirements.in into requirements.txt and requirements-dev.in (held to
requirements.txt) into requirements-dev.txt. These tests catch a lock that was edited by hand or
not regenerated after a change to the .in files (say, after a merge), and an axe-core that
found its way back into the static files collectstatic ships to visitors.
"""

import re
from pathlib import Path

from django.contrib.staticfiles import finders

BASE_DIR = Path(__file__).resolve().parents[1]
REQUIREMENT = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==(?P<version>[^\s;\\]+)")


def normalised(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def locked_packages(filename):
    """{package: (version, number of hashes)} for every entry of a lock file."""
    packages = {}
    entry = None
    for line in (BASE_DIR / filename).read_text().splitlines():
        match = REQUIREMENT.match(line)
        if match:
            entry = normalised(match["name"]), match["version"]
            # A universal lock may list one package twice, for different Python versions.
            packages.setdefault(entry, 0)
        elif entry and line.strip().startswith("--hash=sha256:"):
            packages[entry] += 1
    return packages


def direct_requirements(filename):
    """{package: version} as pinned in a .in file (its own lines, not the ones it includes)."""
    pins = {}
    for line in (BASE_DIR / filename).read_text().splitlines():
        match = REQUIREMENT.match(line.strip())
        if match:
            pins[normalised(match["name"])] = match["version"]
    return pins


def test_every_locked_package_is_pinned_with_its_hashes():
    for lock in ("requirements.txt", "requirements-dev.txt"):
        packages = locked_packages(lock)
        assert packages, f"{lock} lists no packages"
        unhashed = [f"{name}=={version}" for (name, version), hashes in packages.items() if hashes == 0]
        assert unhashed == [], f"{lock}: entries without --hash (run `make lock`): {unhashed}"


def test_both_locks_follow_the_in_files():
    """Every direct dependency is locked at the version its .in file pins: `make lock` was run."""
    for source, lock in (("requirements.in", "requirements.txt"), ("requirements-dev.in", "requirements-dev.txt")):
        locked = locked_packages(lock)
        stale = [
            f"{name}=={version}"
            for name, version in direct_requirements(source).items()
            if (name, version) not in locked
        ]
        assert stale == [], f"{source} pins what {lock} does not hold (run `make lock`): {stale}"


def test_development_installs_exactly_the_production_versions():
    """requirements-dev.txt (what `make install` installs) holds every production package at its version."""
    development = locked_packages("requirements-dev.txt")
    differing = [
        f"{name}=={version}"
        for name, version in locked_packages("requirements.txt")
        if (name, version) not in development
    ]
    assert differing == [], f"requirements-dev.txt disagrees with requirements.txt (run `make lock`): {differing}"


def test_axe_core_is_not_among_the_static_files_production_collects():
    """axe-core is test tooling: collectstatic must not ship it; the vendor CSS it must ship."""
    assert finders.find("vendor/utrecht-components.css"), "static/vendor is not built: run `make static`"
    assert finders.find("vendor/axe.min.js") is None
    collected = [path for finder in finders.get_finders() for path, _storage in finder.list([])]
    assert [path for path in collected if "axe" in Path(path).name.lower()] == []


def test_the_redis_cache_production_can_be_configured_with_has_its_client_library():
    """REDIS_URL (deploy/compose.yaml sets it) selects Django's RedisCache, which needs `redis`."""
    from django.core.cache.backends.redis import RedisCache

    cache = RedisCache("redis://127.0.0.1:1/0", {})
    assert cache._cache is not None  # imports the redis package; no connection is made yet
