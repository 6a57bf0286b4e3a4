# newsgraph: two commands on a fresh machine: `make demo`, then `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: install demo test bench eval eval-corpus eval-relations eval-events clean

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

# Scores the bundled sample against its hand-written gold (newsgraph/sample/GOLD.md), then the event
# typing on the PLOVER gold sentences in ../shared/data when present.
eval: install
	$(VENV)/bin/newsgraph demo --db out/eval.db --out out/eval.json > /dev/null
	$(PY) -m newsgraph.evaluate --export out/eval.json
	@if [ -f ../shared/data/plover-gsr-cameo/PLOVER_GSR_CAMEO.txt ] && $(PY) -c 'import newsgraph.extract.plover_eval' 2>/dev/null; then \
		$(PY) -m newsgraph.extract.plover_eval; \
	else echo "PLOVER gold sentences not found in ../shared/data: event-category accuracy skipped"; fi

# Entity resolution scored on the FA-KES articles in ../shared against the hand-checked gold in
# eval/fakes/entities.json (newsgraph/evaluate_corpus.py; store and figures in out/eval-corpus).
# EVAL_CORPUS_ARGS="--compare out/eval-corpus/baseline.json" prints old -> new; "--fresh" rebuilds the store.
eval-corpus: install
	@if [ -d ../shared/corpus/fakes-syria-war-news ]; then \
		$(PY) -m newsgraph.evaluate_corpus --json out/eval-corpus/figures.json $(EVAL_CORPUS_ARGS); \
	else echo "../shared/corpus/fakes-syria-war-news not found: eval-corpus skipped"; fi

# Events scored on 60 hand-annotated FA-KES articles (eval/fakes/events.json: 40 dev, 20 test), in the
# eval-corpus store brought up to date first (newsgraph/evaluate_events.py; figures in out/eval-events).
# EVAL_EVENTS_ARGS="--compare eval/fakes/events_baseline.json" prints old -> new; "--fresh" rebuilds the store.
eval-events: install
	@if [ -d ../shared/corpus/fakes-syria-war-news ]; then \
		$(PY) -m newsgraph.evaluate_events --ingest --json out/eval-events/figures.json $(EVAL_EVENTS_ARGS); \
	else echo "../shared/corpus/fakes-syria-war-news not found: eval-events skipped"; fi

# Attributions (source, cue, content) scored on PolNeAR in ../shared/data (the held-out tenth of train
# and dev, today's rules -> rules + trained tagger; newsgraph/evaluate_relations.py), then the sample
# figures as `make eval`; relations on the seed captures against eval/seeds/relations.json
# (newsgraph/evaluate_seeds.py, dev and test). Skips PolNeAR, re3d and the seeds without ../shared.
eval-relations: install
	@if [ -d ../shared/data/polnear/data ]; then \
		$(PY) -m newsgraph.evaluate_relations --json out/eval-relations/figures.json; \
	else echo "../shared/data/polnear not found: PolNeAR attribution scores skipped"; fi
	@if [ -d ../shared/data/re3d-partial ]; then \
		$(PY) -m newsgraph.evaluate_re3d --json out/eval-relations/re3d.json; \
	else echo "../shared/data/re3d-partial not found: re3d relation scores skipped"; fi
	@if [ -d ../shared/corpus/seeds ]; then \
		$(PY) -m newsgraph.evaluate_seeds --json out/eval-relations/seeds.json; \
	else echo "../shared/corpus/seeds not found: seed relation scores skipped"; fi
	$(VENV)/bin/newsgraph demo --db out/eval.db --out out/eval.json > /dev/null
	$(PY) -m newsgraph.evaluate --export out/eval.json

# BENCH_SCALE_SIZES: sizes of the scale table (the whole ingest, plain and --dask local:2, stage by
# stage; newsgraph/bench_scale.py). 100000 takes hours on two cores: BENCH_SCALE_SIZES=1000,10000,100000.
BENCH_SCALE_SIZES ?= 1000,10000
# BENCH_API_DB: more stores whose API latency `make bench` measures (e.g. a FA-KES store)
BENCH_API_DB ?=

bench: install
	$(PY) -m newsgraph.bench --out bench-out
	$(PY) -m newsgraph.bench_pipeline --limit 804
	$(PY) -m newsgraph.bench_resolve --mentions 200000
	OMP_NUM_THREADS=1 $(PY) -m newsgraph.bench_scale --sizes $(BENCH_SCALE_SIZES) --out bench-out/scale
	@# API latency (newsgraph/web/bench.py) on the stores the scale table built, and on BENCH_API_DB if given
	for db in bench-out/scale/n*/plain.db; do [ -f $$db ] || continue; $(PY) -m newsgraph.web.bench --db $$db || exit 1; done
	$(if $(BENCH_API_DB),$(PY) -m newsgraph.web.bench --db $(BENCH_API_DB))

clean:
	rm -rf out bench-out .pytest_cache

# Model training, evaluation and NLP speed: train, eval-nlp, bench-nlp, train-attribution
-include training/train.mk
