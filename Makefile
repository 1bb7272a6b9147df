VENV ?= .venv

.PHONY: check lint test

check: lint test

lint:
	$(VENV)/bin/ruff check stancetool tests benchmarks

test:
	$(VENV)/bin/python -m pytest
