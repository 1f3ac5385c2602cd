# dossier — build, test and quality targets (GNU make).
# A fresh machine needs only Python 3.11 and make: `make demo`, `make test`.

SHELL := /bin/bash

# Python used to create the virtualenv: python3.11 where present, else python3.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.dossier-installed
SHARED ?= ../shared
EVAL_SET ?= $(SHARED)/eval/dev

# Throwaway venv holding pip-tools, used only by `make lock`.
LOCK_VENV ?= /tmp/dossier-piptools
PIP_TOOLS ?= pip-tools==7.6.2
# Requirements locked in addition to pyproject.toml's (none today: lxml_html_clean, which
# trafilatura's jusText imports, is a declared dependency of dossier itself).
LOCK_EXTRA_REQS ?=

.PHONY: install vendor demo serve test bench eval gate lock clean help

help:
	@echo "make install  create $(VENV) from requirements.lock (hash-checked) + editable dossier"
	@echo "make vendor   npm ci the web app's pinned front-end libraries (web/) into serve/static/vendor/"
	@echo "make demo     install, then run the demo on the bundled sample corpus"
	@echo "make serve    install + vendor, then serve the demo database on http://127.0.0.1:8000/"
	@echo "make test     install + vendor, then ruff + pytest"
	@echo "make bench    install, then benchmarks/ingest.py"
	@echo "make eval     install, then score the pipeline on $(EVAL_SET)"
	@echo "make gate     install, then fail if quality figures fall below quality/floor.json"
	@echo "make lock     regenerate requirements.lock from pyproject.toml (pip-compile)"
	@echo "make clean    remove $(VENV), build artefacts and caches"

# The web app's front-end libraries, pinned in web/package-lock.json: `npm ci`, then copy the dist files
# it serves (git-ignored). Redone when the lock or the copy script changes.
VENDOR_STAMP := src/dossier/serve/static/vendor/.installed

install: $(STAMP)

vendor: $(VENDOR_STAMP)
$(VENDOR_STAMP): web/package.json web/package-lock.json web/vendor.sh
	web/vendor.sh
	@touch $@

# Redone whenever the lock or pyproject.toml change; otherwise a no-op.
$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "dossier needs Python >= 3.11, found " + sys.version.split()[0] + " at $(PYTHON)")'
	$(PYTHON) -m venv $(VENV)
	# The lock is the whole dependency closure (pip-compile), so --no-deps: pip never resolves
	# again, e.g. justext's `lxml[html_clean]>=4.4.2` against a newer lxml on the index.
	$(BIN)/python -m pip install --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --no-deps -e .
	$(BIN)/python -m pip check
	@touch $@

demo: install
	$(BIN)/dossier demo

serve: install vendor
	test -f dossier-demo.db || $(BIN)/dossier demo
	$(BIN)/dossier --db dossier-demo.db serve

test: install vendor
	$(BIN)/ruff check src tests benchmarks
	@# pytest exit 5 = no tests collected: that is a failure, and said so.
	@echo "$(BIN)/pytest -q"
	@$(BIN)/pytest -q; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests (exit 5) — treated as failure" >&2; fi; \
	exit $$rc

bench: install
	$(BIN)/python benchmarks/ingest.py

eval: install
	$(BIN)/python $(SHARED)/eval/score.py $(EVAL_SET) --cmd $(BIN)/dossier --verbose

gate: install
	$(BIN)/python .ci/quality_gate.py --cmd "$(abspath $(BIN))/dossier" --shared "$(SHARED)"

# Hashes come from the public index only (local mirrors/find-links ignored), so
# the lock carries every platform's wheel hashes (x86_64 and aarch64 alike).
lock:
	@test -x $(LOCK_VENV)/bin/pip-compile || { $(PYTHON) -m venv $(LOCK_VENV) && $(LOCK_VENV)/bin/pip install -q "$(PIP_TOOLS)"; }
	printf '%s\n' $(LOCK_EXTRA_REQS) > $(LOCK_VENV)/extra-requirements.in
	env -u PIP_FIND_LINKS -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL PIP_CONFIG_FILE=/dev/null CUSTOM_COMPILE_COMMAND="make lock" \
	  $(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --extra test $(LOCK_ARGS) -o requirements.lock pyproject.toml $(LOCK_VENV)/extra-requirements.in

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache web/node_modules src/dossier/serve/static/vendor
	find src tests benchmarks -name __pycache__ -type d -prune -exec rm -rf {} + 2>/dev/null || true
