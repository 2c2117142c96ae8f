"""Install Leaflet, leaflet.markercluster and axe-core into static/vendor/ from npm.

The map loads all its code from our own server (services/assets.py), so the libraries are
vendored here once per checkout: `npm pack` fetches the exact published tarball, we keep
its dist/ folder (axe-core: the whole package; only the accessibility tests load it, the
app never does). A marker file per package makes reruns a no-op.

Usage: python scripts/install_assets.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))  # run as a plain script from anywhere

from services.assets import missing_assets  # noqa: E402
from services.config import STATIC_DIR  # noqa: E402

# (npm package, exact version, folder under static/vendor/, folder of the package to keep)
PACKAGES: tuple[tuple[str, str, str, str], ...] = (
    ("leaflet", "1.9.4", "leaflet", "dist"),
    ("leaflet.markercluster", "1.5.3", "markercluster", "dist"),
    ("axe-core", "4.14.1", "axe-core", ""),  # tests/e2e/test_accessibility.py
)
MARKER = ".installed"


def npm_executable() -> str:
    npm = shutil.which("npm")
    if npm is None:
        sys.exit(
            "Fehler: 'npm' wurde nicht gefunden. Bitte Node.js/npm installieren "
            "(z. B. 'apt-get install npm') und das Skript erneut ausführen."
        )
    return npm


def is_installed(target: Path, spec: str) -> bool:
    marker = target / MARKER
    return marker.is_file() and marker.read_text(encoding="utf-8").strip() == spec


def fetch_dist(npm: str, spec: str, workdir: Path, keep: str) -> Path:
    """`npm pack` the package and unpack only package/<keep>/; returns that folder."""
    result = subprocess.run(
        [npm, "pack", spec, "--silent", "--pack-destination", str(workdir)],
        cwd=workdir, capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        sys.exit(f"Fehler: 'npm pack {spec}' ist fehlgeschlagen:\n{result.stderr.strip()}")
    tarball = workdir / result.stdout.strip().splitlines()[-1]
    with tarfile.open(tarball) as archive:
        prefix = f"package/{keep}/" if keep else "package/"
        members = [m for m in archive.getmembers() if m.name.startswith(prefix)]
        archive.extractall(workdir, members=members, filter="data")
    return workdir / "package" / keep if keep else workdir / "package"


def install(npm: str, name: str, version: str, folder: str, keep: str) -> None:
    spec = f"{name}@{version}"
    target = STATIC_DIR / "vendor" / folder
    if is_installed(target, spec):
        print(f"{spec}: bereits vorhanden")
        return
    with tempfile.TemporaryDirectory() as tmp:
        dist = fetch_dist(npm, spec, Path(tmp), keep)
        (dist / MARKER).write_text(spec + "\n", encoding="utf-8")
        shutil.rmtree(target, ignore_errors=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(dist), target)
    print(f"{spec}: installiert nach {target.relative_to(PROJECT_ROOT)}")


def main() -> None:
    npm = npm_executable()
    for name, version, folder, keep in PACKAGES:
        install(npm, name, version, folder, keep)
    missing = [path for path in missing_assets() if "vendor" in path.parts]
    if missing:
        sys.exit("Fehler: nach der Installation fehlen noch: " + ", ".join(map(str, missing)))


if __name__ == "__main__":
    main()
