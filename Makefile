# kkdesk — every target does its own set-up on a fresh machine.
# `make run` and `make test` are the two commands a newcomer needs (see README.md).

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
DEMO_CUSTOMERS ?= 2000

TS_FILES := $(wildcard resources/i18n/*.ts)
# Compiled into the package (found through importlib.resources), as the wheel build does.
QM_DIR   := kkdesk/resources/i18n
QM_FILES := $(patsubst resources/i18n/%.ts,$(QM_DIR)/%.qm,$(TS_FILES))

.PHONY: run test lint typecheck layers unit translations i18n-update bench bench-load screenshots samples clean package

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

venv: $(STAMP)

# Qt's compiled translations are build output, never committed.
$(QM_DIR)/%.qm: resources/i18n/%.ts $(STAMP)
	@mkdir -p $(QM_DIR)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

translations: $(QM_FILES)

# Refresh the .ts sources from the tr() literals of the desk (then translate new entries).
I18N_SOURCES = $(shell find kkdesk/ui -name '*.py') kkdesk/app.py
i18n-update: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -locations relative -no-obsolete $(I18N_SOURCES) \
		-ts resources/i18n/kkdesk_fi.ts resources/i18n/kkdesk_sv.ts

run: $(STAMP) translations
	$(PY) -m kkdesk db upgrade
	$(PY) -m kkdesk demo --customers $(DEMO_CUSTOMERS) --if-empty
	$(PY) -m kkdesk

lint: $(STAMP)
	$(VENV)/bin/ruff check kkdesk tests bench docs packaging setup.py
	$(VENV)/bin/ruff format --check kkdesk tests bench docs packaging setup.py

typecheck: $(STAMP)
	$(VENV)/bin/mypy kkdesk

layers: $(STAMP)
	$(VENV)/bin/lint-imports

unit: $(STAMP) translations
	$(VENV)/bin/pytest -n 2 --dist loadfile $(PYTEST_ARGS)

test: lint typecheck layers unit

bench: $(STAMP)
	$(PY) -m bench

# Twenty clerks at once on the PostgreSQL bench register (docs/benchmarks.md).
bench-load: $(STAMP)
	$(PY) -m bench load

# The wheel and sdist (built isolated, as IT builds them) and the one-folder PyInstaller
# bundle dist/kkdesk/ from packaging/kkdesk.spec, then a check that the bundle starts.
# See packaging/README.md.
PACKAGING_STAMP := $(VENV)/.packaging-tools
$(PACKAGING_STAMP): $(STAMP)
	$(PIP) install --quiet "pyinstaller>=6.10" "build>=1.2"
	touch $@

package: $(STAMP) translations $(PACKAGING_STAMP)
	rm -rf dist build/pyinstaller
	$(PY) -m build --outdir dist .
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/kkdesk.spec
	$(PY) packaging/smoke_test.py dist/kkdesk/kkdesk
	@du -sh dist/kkdesk dist/*.whl dist/*.tar.gz

screenshots: $(STAMP) translations
	$(PY) docs/make_screenshots.py

samples: $(STAMP)
	$(PY) docs/make_samples.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache $(QM_DIR) build dist
