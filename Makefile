# newsgraph: two commands on a fresh machine: `make demo`, then `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: install demo test bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "newsgraph needs Python >= 3.11 (set PYTHON=python3.11)")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: install
	$(VENV)/bin/newsgraph demo --db out/demo.db --out out/demo.json

test: install
	$(PY) -m pytest -q

bench: install
	$(PY) -m newsgraph.bench --out bench-out

clean:
	rm -rf out bench-out .pytest_cache

# Model training, evaluation and NLP speed: train, eval-nlp, bench-nlp
-include training/train.mk
