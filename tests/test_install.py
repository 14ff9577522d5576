"""A real install ships what the room reads: the wheel's files, by the build's own rules.

setuptools works out what ``pip install .`` puts in the wheel from pyproject.toml (the
packages it finds and the package-data globs); here it does so without building anything,
and every module, every file under ``assets/``, every word list and ``france.tsv`` must be
among them, so an asset added without being shipped fails here rather than on a studio's
machine. ``scripts/check-install.sh`` (run by CI) does the real install and runs the room
from it.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
import setuptools
from setuptools.config.pyprojecttoml import apply_configuration
from setuptools.dist import Distribution

from blueroom.paths import ASSETS_VARIABLE, BUNDLED, Assets, assets
from blueroom.ui.fonts import BUNDLED_FONT_FILES

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "blueroom"


def _on_disk(folder: Path) -> set[str]:
    """Files under ``folder`` as repository paths, leaving out hidden and compiled files."""
    return {
        path.relative_to(ROOT).as_posix()
        for path in folder.rglob("*")
        if path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
        and "__pycache__" not in path.parts
    }


@pytest.fixture(scope="module")
def shipped() -> frozenset[str]:
    """Repository paths of the files the wheel would hold, as setuptools' build_py lists them."""
    if int(setuptools.__version__.split(".")[0]) < 77:
        pytest.fail(
            f"setuptools {setuptools.__version__} cannot read pyproject.toml (project.license "
            "needs 77+); `make test` installs the pinned one"
        )
    with contextlib.chdir(ROOT):
        dist = Distribution({"script_name": "setup.py"})
        apply_configuration(dist, ROOT / "pyproject.toml")
        # As pyproject.toml says: the package-data globs alone must cover the files (and
        # no egg-info is written into the checkout to read a manifest).
        dist.include_package_data = False
        build_py = dist.get_command_obj("build_py")
        build_py.ensure_finalized()
        modules = {Path(source).as_posix() for *_, source in build_py.find_all_modules()}
        data = {
            (Path(source_dir) / name).as_posix()
            for _, source_dir, _, names in build_py.data_files
            for name in names
        }
    return frozenset(modules | data)


def test_every_asset_word_list_and_table_ships(shipped: frozenset[str]) -> None:
    needed = _on_disk(PACKAGE / "assets") | _on_disk(PACKAGE / "core" / "wordlists")
    needed.add("blueroom/core/france.tsv")
    assert "blueroom/assets/demo/askblueroom.jsonl.gz" in needed  # the walk found the assets
    missing = sorted(needed - shipped)
    assert not missing, f"not in the wheel (see [tool.setuptools.package-data]): {missing}"


def test_every_module_ships(shipped: frozenset[str]) -> None:
    modules = {path for path in _on_disk(PACKAGE) if path.endswith(".py")}
    missing = sorted(modules - shipped)
    assert not missing, f"modules not in the wheel (a folder without __init__.py?): {missing}"


def test_every_file_the_room_opens_ships(shipped: frozenset[str]) -> None:
    bundled = Assets(BUNDLED)
    opened = [bundled.demo_event, bundled.demo_video, bundled.land_mask]
    opened += [bundled.fonts / name for name in BUNDLED_FONT_FILES]
    for path in opened:
        assert path.is_file(), path
        assert path.relative_to(ROOT).as_posix() in shipped, path


def test_blueroom_assets_points_the_room_at_another_folder(tmp_path: Path) -> None:
    chosen = assets({ASSETS_VARIABLE: str(tmp_path)})
    assert chosen.root == tmp_path
    assert chosen.demo_event == tmp_path / "demo" / "askblueroom.jsonl.gz"
    assert chosen.fonts == tmp_path / "fonts"
    assert assets({ASSETS_VARIABLE: "  "}).root == BUNDLED
    assert assets({}).root == BUNDLED
