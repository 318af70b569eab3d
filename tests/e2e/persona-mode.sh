#!/usr/bin/env bash
# persona-mode.sh — persona in one of its modes, for running the whole e2e
# suite once per mode (tests/e2e/CMakeLists.txt).  PERSONA_REAL is the
# persona binary; PERSONA_MODE_OPTS (e.g. --no-rewrite) go right after
# `run`.  Other verbs pass through unchanged.
real=${PERSONA_REAL:?PERSONA_REAL must name the persona binary}
if [[ ${1-} == run ]]; then
	shift
	# shellcheck disable=SC2086 # the options are words on purpose
	exec "$real" run $PERSONA_MODE_OPTS "$@"
fi
exec "$real" "$@"
