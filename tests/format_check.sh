#!/usr/bin/env bash
# Checks that the tracked C++ sources (*.cpp, *.h) are formatted as .clang-format says, without changing
# them: clang-format --dry-run --Werror, one line per file that differs, exit 1 when any does.
#
#   tests/format_check.sh                 # every tracked *.cpp / *.h
#   tests/format_check.sh core/io/a.cpp   # only these files
#   tests/format_check.sh --fix [FILES]   # rewrite them in place instead (clang-format -i)
#
# CLANG_FORMAT selects the binary (default clang-format; Debian 12 ships 14). Different clang-format
# versions format some constructs differently, so CI and developers should use the same major version.
set -euo pipefail
cd "$(dirname "$0")/.."

fix=0
if [[ "${1:-}" == "--fix" ]]; then
    fix=1
    shift
fi

cf="${CLANG_FORMAT:-clang-format}"
if ! command -v "$cf" >/dev/null 2>&1; then
    echo "format_check: '$cf' not found (apt-get install clang-format, or set CLANG_FORMAT)" >&2
    exit 2
fi
if [[ ! -f .clang-format ]]; then
    echo "format_check: no .clang-format in $(pwd)" >&2
    exit 2
fi

files=()
if (($#)); then
    files=("$@")
else
    while IFS= read -r -d '' f; do files+=("$f"); done < <(git ls-files -z -- '*.cpp' '*.h')
fi
if ((${#files[@]} == 0)); then
    echo "format_check: no files to check" >&2
    exit 2
fi

if ((fix)); then
    "$cf" --style="file:$(pwd)/.clang-format" -i -- "${files[@]}"
    echo "format_check: formatted ${#files[@]} file(s) with $("$cf" --version)"
    exit 0
fi

bad=()
for f in "${files[@]}"; do
    if ! "$cf" --style="file:$(pwd)/.clang-format" --dry-run --Werror -- "$f" >/dev/null 2>&1; then
        bad+=("$f")
    fi
done
if ((${#bad[@]})); then
    printf 'not formatted: %s\n' "${bad[@]}"
    echo "format_check: ${#bad[@]} of ${#files[@]} file(s) differ from .clang-format ($("$cf" --version));" \
        "see the changes with: $cf --style="file:$(pwd)/.clang-format" --dry-run FILE" >&2
    exit 1
fi
echo "format_check: ${#files[@]} file(s) formatted ($("$cf" --version))"
