# Blue Room — two commands: `make demo` runs the room, `make test` runs the tests.
# Each builds .venv from nothing (pinned dependencies from pyproject.toml) first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
PYTEST_ARGS ?=

# The screens' translations: .ts sources (what pyside6-lupdate finds in the code, and the
# translators' work) in blueroom/assets/i18n/, built into the .qm files the room loads.
# The .qm are committed too, so that a wheel built from a clean clone ships them.
I18N := blueroom/assets/i18n
LANGUAGES := en fr
TS_FILES := $(LANGUAGES:%=$(I18N)/blueroom_%.ts)
QM_FILES := $(TS_FILES:.ts=.qm)
# tests/ui/test_translations.py runs lupdate with these same options
LUPDATE_OPTIONS := -silent -extensions py -locations none -source-language en -no-obsolete
LUPDATE_SOURCES := blueroom/ui blueroom/app.py

.PHONY: demo test lint bench screenshots assets system clean translations approve-images

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@rm -f $(VENV)/.installed-*
	@touch $@

system:
	@bash scripts/system-deps.sh

# Extract the strings of the screens into the .ts files (translations kept), then build the .qm.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate $(LUPDATE_OPTIONS) $(LUPDATE_SOURCES) -ts $(TS_FILES)
	@for ts in $(TS_FILES); do $(BIN)/pyside6-lrelease -silent $$ts -qm $${ts%.ts}.qm || exit 1; done

$(I18N)/%.qm: $(I18N)/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

demo: $(STAMP) system $(QM_FILES)
	$(BIN)/blueroom demo

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

test: $(STAMP) system lint $(QM_FILES)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not soak" $(PYTEST_ARGS)

bench: $(STAMP) system
	@for script in benchmarks/*.py; do QT_QPA_PLATFORM=offscreen $(BIN)/python $$script || exit 1; done

approve-images: $(STAMP) system
	BLUEROOM_APPROVE_IMAGES=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q tests/ui/test_approved_images.py
	@echo "approved pictures written to tests/ui/approved/: look at them before committing"

screenshots: $(STAMP) system
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py docs/screenshots
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/booth_screenshots.py docs/screenshots

assets: $(STAMP)
	$(BIN)/python tools/make_demo_event.py
	$(BIN)/python tools/make_demo_video.py
	$(BIN)/python -m pip install --quiet -e ".[tools]" && $(BIN)/python tools/make_land_mask.py

# Build the wheel, install it into a fresh venv outside the checkout and run the installed room.
.PHONY: install-check
install-check: system
	PYTHON=$(PYTHON) bash scripts/check-install.sh

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
