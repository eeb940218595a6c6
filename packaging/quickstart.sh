#!/usr/bin/env bash
# Vanadis quick start on Debian 12 (run as root, or with sudo available):
#   bash packaging/quickstart.sh run    install packages, build (Release), open the demo series
#   bash packaging/quickstart.sh test   install packages, build, run the whole test suite headless
# Idempotent: apt-get runs only when a package is missing; the build is incremental (ccache).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-run}
build_dir=${VANADIS_BUILD_DIR:-build}

# Every package is explained in README.md, section "Dependencies".
packages=(
  build-essential cmake ninja-build ccache pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqcustomplot-dev libsqlite3-dev libeigen3-dev libboost-dev libcerf-dev libzip-dev zlib1g-dev gemmi-dev tao-pegtl-dev
  libfast-float-dev libssl-dev libmdb3 mdbtools-dev libgl-dev python3-lmfit python3-scipy
  qt6-image-formats-plugins qt6-qpa-plugins libqt6svg6 fonts-liberation2 fonts-dejavu-core fonts-wqy-microhei
  poppler-utils xvfb xauth desktop-file-utils clang-format
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build "$build_dir" -j "$jobs"

case "$mode" in
  run)
    exec "$build_dir/app/vanadis" --demo
    ;;
  test)
    cd "$build_dir"
    QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j "$jobs" --timeout 900
    ;;
  *)
    echo "usage: $0 run|test" >&2
    exit 2
    ;;
esac
