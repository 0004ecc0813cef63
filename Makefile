# ML Foundations in Motion: render the curriculum, test it.
#
#   make                   set up if needed, render every scene at 1080p60
#   make test              set up if needed, run the test suite
#   make help              every target, one line each
#
# Variables: QUALITY=l|m|h|p|k (default h; `make scene` defaults to l),
# S=SceneName, N=section number, VERBOSE=1, JOBS=n (or make -jN), and make -k.

SHELL := /bin/bash
.DEFAULT_GOAL := all
.SUFFIXES:
MAKEFLAGS += --no-print-directory

ROOT := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
SYSTEM_PYTHON ?= python3
VENV ?= $(ROOT)/.venv
PYTHON := $(VENV)/bin/python
SETUP_STAMP := $(VENV)/.bootstrap-stamp

# `make scene` previews at 480p15 unless QUALITY is given; everything else renders at 1080p60.
SCENE_QUALITY := $(if $(filter undefined,$(origin QUALITY)),l,$(QUALITY))
QUALITY ?= h

PIPELINE = cd $(ROOT) && $(PYTHON) -m pipeline
BUILD_FLAGS = $(if $(VERBOSE),--verbose) $(if $(JOBS),--jobs $(JOBS))

.PHONY: all help setup scene section list test bench refresh-posters lint clean distclean

all: setup ## Render every scene of the curriculum (QUALITY=h, 1080p60)
	@$(PIPELINE) build --quality $(QUALITY) $(BUILD_FLAGS)

help: ## List the targets
	@echo "ML Foundations in Motion - targets:"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## (.*)/  make \1\t\2/' | expand -t 24
	@echo "Variables: QUALITY=l|m|h|p|k  S=SceneName  N=section  VERBOSE=1  JOBS=n (or make -jN)"

# SKIP_SETUP=1 uses VENV as it is (the pipeline's tests run make on copies of the project).
setup: $(if $(SKIP_SETUP),,$(SETUP_STAMP)) ## Install what rendering needs (Debian packages, .venv); once

$(SETUP_STAMP): $(ROOT)/pyproject.toml $(ROOT)/pipeline/bootstrap.py
	@$(SYSTEM_PYTHON) $(ROOT)/pipeline/bootstrap.py --root $(ROOT) --venv $(VENV)

scene: setup ## Render one scene for review: make scene S=VectorNorms (480p15)
	@if [ -z "$(S)" ]; then echo "usage: make scene S=SceneName (make list shows the names)" >&2; exit 2; fi
	@$(PIPELINE) build --quality $(SCENE_QUALITY) --scene '$(S)' $(BUILD_FLAGS)

section: setup ## Render one section: make section N=3
	@if [ -z "$(N)" ]; then echo "usage: make section N=number (make list shows them)" >&2; exit 2; fi
	@$(PIPELINE) build --quality $(QUALITY) --section '$(N)' $(BUILD_FLAGS)

list: setup ## Sections and scenes with their state: rendered, stale, missing
	@$(PIPELINE) list --quality $(QUALITY)

test: setup ## Run the test suite (renders scenes at a tiny size)
	@cd $(ROOT) && $(PYTHON) -m pytest $(PYTEST_ARGS)

bench: setup ## Benchmark against plain manim and the encoder (long; BENCH_ARGS=--help)
	@cd $(ROOT) && $(PYTHON) -m bench.run $(BENCH_ARGS)

refresh-posters: setup ## After reviewing a render: update the reference posters (S= for one)
	@cd $(ROOT) && $(PYTHON) -m tests.scenes.refresh_posters $(S)

lint: setup ## Check formatting and lint with ruff
	@cd $(ROOT) && $(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

clean: ## Delete renders/ (videos, posters, caches)
	@rm -rf $(ROOT)/renders && echo "removed renders/"

distclean: clean ## Also delete the virtual environment
	@rm -rf $(VENV) && echo "removed $(VENV)"
