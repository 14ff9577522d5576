# Blue Room — two commands: `make demo` runs the room, `make test` runs the tests.
# Each builds .venv from nothing (pinned dependencies from pyproject.toml) first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
PYTEST_ARGS ?=

.PHONY: demo test lint bench screenshots assets system clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@rm -f $(VENV)/.installed-*
	@touch $@

system:
	@bash scripts/system-deps.sh

demo: $(STAMP) system
	$(BIN)/blueroom demo

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

test: $(STAMP) system lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not soak" $(PYTEST_ARGS)

bench: $(STAMP) system
	@for script in benchmarks/*.py; do QT_QPA_PLATFORM=offscreen $(BIN)/python $$script || exit 1; done

screenshots: $(STAMP) system
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py docs/screenshots

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
