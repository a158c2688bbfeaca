#!/usr/bin/env bash
# Writes tests/released_migrations.txt: the migrations of this project's own apps at a release
# commit (default HEAD), which tests/test_upgrade.py takes as the history of a database of the
# last release. Run it on the commit that was released: scripts/released_migrations.sh <commit> "stop 22"
set -euo pipefail
commit=${1:-HEAD}
label=${2:-$(git log -1 --format=%h "$commit")}
out=tests/released_migrations.txt
{
  echo "# The migrations of this project's own apps that the last release ($label, $(git log -1 --format=%cs "$commit")) shipped:"
  echo "# a database of that release has exactly these applied. tests/test_upgrade.py checks that such a"
  echo "# database can still be migrated to this release. Regenerate at each release (docs/deployment.md, Upgrading)."
  git ls-tree -r --name-only "$commit" \
    | grep -E '^[a-z_]+/migrations/[0-9][^/]*\.py$' \
    | sed -E 's#^([^/]+)/migrations/([^/]+)\.py$#\1 \2#' | sort
} > "$out"
echo "wrote $out ($(grep -vc '^#' "$out") migrations at $commit)"
