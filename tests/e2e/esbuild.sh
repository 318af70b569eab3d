#!/usr/bin/env bash
# esbuild.sh [CASE...] — a real FreeBSD binary nobody here built: esbuild
# from the npm package @esbuild/freebsd-x64 under persona, against
# @esbuild/linux-x64 of the same version natively. Needs
# scripts/fetch-testbins.sh to have run; fails (does not skip) otherwise.
# Cases: version ts bundle, and netbsd-version netbsd-ts netbsd-bundle for
# the same esbuild built for NetBSD (@esbuild/netbsd-x64).
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init
require_testbins esbuild-freebsd/bin/esbuild esbuild-netbsd/bin/esbuild esbuild-linux/bin/esbuild \
	lodash-es/package.json

export NATIVE_BIN=$TESTBINS/esbuild-linux/bin/esbuild
export GUEST_BIN=$TESTBINS/esbuild-freebsd/bin/esbuild

# esbuild's build summary ends with the elapsed time.
TIME_FILTER='s/Done in [0-9.]+m?s/Done in TIME/'

run_case() {
	case $1 in
	netbsd-*)
		GUEST_BIN=$TESTBINS/esbuild-netbsd/bin/esbuild run_case "${1#netbsd-}"
		;;
	version)
		compare_run esbuild --label esbuild-version --expect-rc 0 -- --version
		expect_equal esbuild-version.native 0.28.2 "$(cat "$E2E_TMP/esbuild-version.native.stdout")"
		;;
	ts)
		printf 'let x: number = 1\n' >"$E2E_TMP/input.ts"
		compare_run esbuild --label esbuild-ts --stdin "$E2E_TMP/input.ts" --expect-rc 0 -- --loader=ts
		expect_equal esbuild-ts.native "let x = 1;" "$(cat "$E2E_TMP/esbuild-ts.native.stdout")"
		# A syntax error: message on stderr, exit status 1.
		printf 'let x: = ;\n' >"$E2E_TMP/bad.ts"
		compare_run esbuild --label esbuild-ts-error --stdin "$E2E_TMP/bad.ts" --expect-rc 1 -- --loader=ts
		;;
	bundle)
		local t=$E2E_TMP/bundle-template
		mkdir -p "$t/node_modules"
		cp -a "$TESTBINS/lodash-es" "$t/node_modules/lodash-es"
		rm -f "$t/node_modules/lodash-es/.persona-fetched"
		cat >"$t/entry.js" <<'JS'
import { camelCase, chunk, groupBy, sortBy, template, uniq } from "lodash-es";
const people = [{ name: "ada", age: 36 }, { name: "linus", age: 21 }, { name: "grace", age: 45 }];
console.log(camelCase("persona bundle test"));
console.log(JSON.stringify(chunk([1, 2, 3, 4, 5], 2)));
console.log(JSON.stringify(groupBy([6.1, 4.2, 6.3], Math.floor)));
console.log(sortBy(people, ["age"]).map((p) => p.name).join(","));
console.log(uniq([3, 1, 3, 2, 1]).join(""));
console.log(template("hello <%= who %>")({ who: "freebsd" }));
JS
		compare_run esbuild --label esbuild-bundle --template "$t" --filter "$TIME_FILTER" \
			--collect out.js --collect meta.json --expect-rc 0 -- \
			entry.js --bundle --minify --outfile=out.js --metafile=meta.json
		compare_run esbuild --label esbuild-bundle-sourcemap --template "$t" --filter "$TIME_FILTER" \
			--collect dist/entry.js --collect dist/entry.js.map --expect-rc 0 -- \
			entry.js --bundle --sourcemap --format=esm --outdir=dist
		# The bundle must really work (checks the test, not persona).
		if command -v node >/dev/null; then
			(cd "$E2E_TMP/esbuild-bundle.native.wd" && node out.js) >"$E2E_TMP/bundle-node.out" 2>&1 || true
			expect_contains esbuild-bundle.runs "$E2E_TMP/bundle-node.out" "personaBundleTest"
		fi
		;;
	*) e2e_die "unknown case $1" ;;
	esac
}

cases=("$@")
[[ ${#cases[@]} -gt 0 ]] || cases=(version ts bundle netbsd-version netbsd-ts netbsd-bundle)
for c in "${cases[@]}"; do
	run_case "$c"
done
e2e_finish
