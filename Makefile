# Two commands: `make serve` and `make test`. Both set up .venv first, and only
# reinstall when pyproject.toml or requirements.lock changed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1:8000
# Material prints a banner about MkDocs 2.0 on every build; the bound mkdocs<2 already answers it.
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve test lint validate check build pytest screenshots lock clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[test]'
	@touch $(STAMP)

# A save re-renders only the pages whose inputs changed (the plugin's reuse_pages, on under
# serve); MkDocs' own --dirty is not used: it would leave other pages' nav and search stale.
serve: setup
	$(BIN)/mkdocs serve --dev-addr $(HOST)

validate: setup
	$(BIN)/shoptalk validate --strict
	$(BIN)/shoptalk codeowners --check

check: setup
	$(BIN)/shoptalk check --strict

build: setup
	$(BIN)/mkdocs build --strict --quiet --site-dir site

lint: setup
	$(BIN)/ruff check src tests scripts
	$(BIN)/mypy

pytest: setup
	$(BIN)/pytest -q

test: validate check build lint pytest

# Refresh the README's pictures (docs/assets/screenshots; tests never touch them) and take
# every kind of page on a desktop and a phone, light and dark, into screenshots/all/ to look at.
screenshots: setup
	SHOPTALK_README_SCREENSHOTS=1 CI=true $(BIN)/pytest -q -p no:cacheprovider \
		tests/site/test_browser.py -k test_screenshots_of_the_main_pages

# Refresh the pinned versions after changing dependencies in pyproject.toml.
lock:
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade -e '.[test]'
	$(BIN)/python -m pip freeze --exclude-editable --disable-pip-version-check | grep -v '^-e' > requirements.lock
	@touch $(STAMP)

clean:
	rm -rf $(VENV) site .pytest_cache .mypy_cache .ruff_cache
