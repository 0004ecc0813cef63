# ML Foundations in Motion: render the curriculum, test it.
#
#   make                   set up if needed, render every scene at 1080p60, join each
#                          section into a lecture, write the review gallery
#   make test              set up if needed (with Chromium for the browser tests), run the tests
#   make help              every target, one line each
#
# Variables: QUALITY=l|m|h|p|k (default h; `make scene` defaults to l),
# S=SceneName, N=section number, VERBOSE=1, JOBS=n (or make -jN), NOWAIT=1 (refuse, rather
# than wait, while another build of the same quality runs), VOICE=none|draft|recorded
# (speech in the videos: none by default), and make -k.

SHELL := /bin/bash
.DEFAULT_GOAL := all
.SUFFIXES:
MAKEFLAGS += --no-print-directory

ROOT := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
SYSTEM_PYTHON ?= python3
VENV ?= $(ROOT)/.venv
PYTHON := $(VENV)/bin/python
SETUP_STAMP := $(VENV)/.bootstrap-stamp
TEST_SETUP_STAMP := $(VENV)/.test-setup-stamp

# The user's S, N, QUALITY, JOBS and PYTEST_ARGS reach the pipeline as environment variables,
# taken literally ($(value ...)) and never pasted into a shell command; the pipeline checks them.
export MLFM_SCENE := $(value S)
export MLFM_SECTION := $(value N)
export MLFM_QUALITY := $(if $(filter undefined,$(origin QUALITY)),h,$(value QUALITY))
export MLFM_JOBS := $(value JOBS)
export MLFM_PYTEST_ARGS := $(value PYTEST_ARGS)
export MLFM_BENCH_ARGS := $(value BENCH_ARGS)
export MLFM_NOWAIT := $(value NOWAIT)
export MLFM_SCHEDULER := $(value SCHEDULER)
export MLFM_WORKERS := $(value WORKERS)
export MLFM_PORT := $(value PORT)
export MLFM_VOICE := $(value VOICE)
export MLFM_GOALS := $(value MAKECMDGOALS)
export MLFM_QUALITY_GIVEN := $(if $(filter undefined,$(origin QUALITY)),,$(value QUALITY))
# `make scene` previews at 480p15 unless QUALITY is given; everything else renders at 1080p60.
scene storyboard: export MLFM_QUALITY := $(if $(filter undefined,$(origin QUALITY)),l,$(value QUALITY))

PIPELINE = cd $(ROOT) && $(PYTHON) -m pipeline
# The tests run on every core; the tests of one scene stay on one worker (one render each).
TEST_WORKERS = -n auto --dist loadgroup
BUILD_FLAGS = $(if $(VERBOSE),--verbose)

.PHONY: all help setup test-setup scene storyboard section lectures gallery list test fuzz inputs \
	plan worker scheduler bench script \
	refresh-posters lint clean distclean

# One process renders, then joins the lectures and writes the gallery, even after a failed
# scene (its section is skipped, the gallery marks it); the exit status says if anything failed.
all: setup ## Render every scene, join each section's lecture, write the gallery (QUALITY=h)
	@$(PIPELINE) build --lectures --gallery --prune $(BUILD_FLAGS)

help: ## List the targets
	@echo "ML Foundations in Motion - targets:"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## (.*)/  make \1\t\2/' | expand -t 24
	@echo "Variables: QUALITY=l|m|h|p|k  S=SceneName  N=section  VOICE=none|draft|recorded  VERBOSE=1  JOBS=n (or make -jN)  NOWAIT=1"

# SKIP_SETUP=1 uses VENV as it is (the pipeline's tests run make on copies of the project).
setup: $(if $(SKIP_SETUP),,$(SETUP_STAMP)) ## Install what rendering needs (Debian packages, .venv); once

$(SETUP_STAMP): $(ROOT)/pyproject.toml $(ROOT)/pipeline/bootstrap.py
	@$(SYSTEM_PYTHON) $(ROOT)/pipeline/bootstrap.py --root $(ROOT) --venv $(VENV)

# A stamp of its own: installing the browser never invalidates the render set-up, nor back.
test-setup: setup $(if $(SKIP_SETUP),,$(TEST_SETUP_STAMP)) ## Install what only the tests need (Chromium, its driver); once

$(TEST_SETUP_STAMP): $(ROOT)/pipeline/bootstrap.py | setup
	@$(SYSTEM_PYTHON) $(ROOT)/pipeline/bootstrap.py --root $(ROOT) --venv $(VENV) --tests

scene: setup ## Render one scene for review, update the gallery: make scene S=VectorNorms (480p15)
	@$(PIPELINE) build --scene-from-env $(BUILD_FLAGS)

storyboard: setup ## Every beat's last frame on one page, no video: make storyboard S=VectorNorms
	@$(PIPELINE) storyboard $(if $(VERBOSE),--verbose)

section: setup ## Render one section and join its lecture: make section N=3
	@$(PIPELINE) build --section-from-env --lectures --gallery $(BUILD_FLAGS)

script: setup ## The recording script: each beat's file to record, text and time (S= or N=)
	@$(PIPELINE) script $(if $(VERBOSE),--verbose)

lectures: setup ## Join each section's scenes into one video with chapters and subtitles (N= for one)
	@$(PIPELINE) lectures $(if $(VERBOSE),--verbose)

gallery: setup ## Write the review page renders/<quality>/index.html (open it in a browser)
	@$(PIPELINE) gallery

list: setup ## Sections and scenes with their state: rendered, stale, missing
	@$(PIPELINE) list

test: test-setup ## Run the test suite (renders scenes at a tiny size; uses headless Chromium)
	@cd $(ROOT) && set -f && $(PYTHON) -m pytest $(TEST_WORKERS) $$MLFM_PYTEST_ARGS

# FUZZ_EXAMPLES inputs in all, spread over the scenes; FUZZ_SEED=n draws a new set.
fuzz: test-setup ## Try every scene with many inputs from its domain (FUZZ_EXAMPLES=300)
	@cd $(ROOT) && FUZZ_EXAMPLES="$${FUZZ_EXAMPLES:-300}" $(PYTHON) -m pytest \
		tests/scenes/test_fuzz.py -q $(TEST_WORKERS) $$MLFM_PYTEST_ARGS

inputs: setup ## What a lecturer may change in each scene, and its domain (S= or N= for some)
	@$(PIPELINE) inputs

plan: setup ## Predicted wall time of a full build on N workers, from recorded times (WORKERS=32)
	@$(PIPELINE) plan

worker: setup ## Render for a Dask cluster: make worker SCHEDULER=tcp://host:8786
	@$(PIPELINE) cluster-worker

scheduler: setup ## Start a Dask scheduler for `make SCHEDULER=...` and `make worker` (PORT=8786)
	@$(PIPELINE) cluster-scheduler

bench: setup ## Benchmark against plain manim and the encoder (long; BENCH_ARGS=--help)
	@cd $(ROOT) && set -f && $(PYTHON) -m bench.run $$MLFM_BENCH_ARGS

refresh-posters: setup ## After reviewing a render: update the reference posters (S= for one)
	@cd $(ROOT) && $(PYTHON) -m tests.scenes.refresh_posters $${MLFM_SCENE:+"$$MLFM_SCENE"}

lint: setup ## Check formatting and lint with ruff
	@cd $(ROOT) && $(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

clean: ## Delete renders/ (videos, posters, caches)
	@rm -rf $(ROOT)/renders && echo "removed renders/"

distclean: clean ## Also delete the virtual environment
	@rm -rf $(VENV) && echo "removed $(VENV)"
