#!/usr/bin/env bash
# Extracts every study project at its pinned commit into $CL_REALWORLD_DIR/<name>/
# (default /work/realworld), with only the analysed sub-paths and the root's
# package.json / tsconfig files, and writes .realworld-commit so the study can check it.
#
# Where the git history comes from, per project (the first that works):
#   1. $CL_REALWORLD_GIT/<owner>+<repo>/repo  a bare git directory, the layout the fetch tool
#                                               on the development machine produces;
#   2. a clone from https://github.com/<owner>/<repo> (on a machine with GitHub access).
# Projects already extracted are left alone; delete a folder to extract it again.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="${CL_REALWORLD_DIR:-/work/realworld}"
mirrors="${CL_REALWORLD_GIT:-/work/.mirror}"
mkdir -p "$root"

# name repo commit path... , one project per line, from projects.json.
node -e '
  const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  for (const p of s.projects) console.log([p.name, p.repo, p.commit, ...p.paths].join(" "));
' "$here/projects.json" | while read -r name repo commit paths; do
  dest="$root/$name"
  if [ -e "$dest" ]; then echo "$name: already in $dest, left alone"; continue; fi
  gitdir="$mirrors/${repo/\//+}/repo"
  if ! git --git-dir="$gitdir" cat-file -e "$commit^{commit}" 2>/dev/null; then
    gitdir="$(mktemp -d)/$name.git"
    echo "$name: cloning https://github.com/$repo"
    git clone --quiet --bare --filter=blob:none "https://github.com/$repo" "$gitdir" < /dev/null
  fi
  # shellcheck disable=SC2086 # $paths is a space-separated list on purpose
  extra="$(git --git-dir="$gitdir" ls-tree --name-only "$commit" | grep -E '^(package\.json|tsconfig[^/]*\.json)$' || true)"
  mkdir -p "$dest"
  # shellcheck disable=SC2086
  git --git-dir="$gitdir" archive "$commit" -- $paths $extra < /dev/null | tar -x -C "$dest"
  echo "$commit" > "$dest/.realworld-commit"
  echo "$name: extracted $paths at ${commit:0:10}"
done
