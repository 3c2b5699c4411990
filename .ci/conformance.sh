#!/usr/bin/env bash
# The W3C conformance suites against `mcred serve` (issue 14, README "Conformance"). Called by .ci/run after the
# README's test command (it needs cli/target/mcred.jar); runs on its own too: `bash .ci/conformance.sh`.
#   1. copies ../shared/conformance/w3c to a temp folder (the suites' file: dependencies are siblings), adds the
#      lockfiles kept in .ci/conformance/locks/ where a suite has none and the ECDSA test vectors from
#      ../shared/specs/vc/vectors (the ecdsa suite's postinstall would clone them), then `npm ci` per suite;
#   2. starts `mcred serve` on 127.0.0.1 (HTTPS, self-signed) with an Ed25519, a P-256 and a P-384 issuer made for
#      the run (rdfc suites), a fourth (Ed25519) issuer that adds a revocation BitstringStatusListEntry (lists in
#      memory, published by the service over HTTPS), three more (Ed25519, P-256, P-384) configured with the jcs
#      cryptosuites (eddsa-jcs-2022, ecdsa-jcs-2019), a P-256 issuer configured with ecdsa-sd-2023 (base proofs;
#      the holder's POST /credentials/derive is registered as the suite's vcHolder) and a random API token;
#   3. per suite: a mocha --dry-run with every tag the suite knows (counts the tests of features microcred does not
#      claim: "not registered"), then the real run with the tags microcred claims (.ci/conformance/suites.mjs);
#   4. prints passed / failed / known / pending / not registered per suite, and exits 1 when a test of a claimed
#      feature fails unless .ci/conformance/known-failures.tsv lists it with a reason.
# The server is stopped on exit (trap). Cost: 1 min 47 s at a load average of 7-10 on the shared 2-core machine (README).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SRC=$ROOT/../shared/conformance/w3c
HERE=$ROOT/.ci/conformance
JAR=$ROOT/cli/target/mcred.jar
test -d "$SRC" || { echo "== conformance: ../shared/conformance/w3c is missing" >&2; exit 1; }
test -f "$JAR" || { echo "== conformance: $JAR is missing (build first: ./mvnw -B -ntp verify)" >&2; exit 1; }
command -v npm >/dev/null || { echo "== conformance: npm is missing" >&2; exit 1; }
SUITES=(vc-data-model-2.0-test-suite vc-di-eddsa-test-suite vc-di-ecdsa-test-suite vc-bitstring-status-list-test-suite)
# MICROCRED_CONFORMANCE_SUITES="vc-di-ecdsa-test-suite ..." runs only those (while developing; CI runs all four)
if [ -n "${MICROCRED_CONFORMANCE_SUITES:-}" ]; then read -r -a SUITES <<< "$MICROCRED_CONFORMANCE_SUITES"; fi
t0=$SECONDS

W=$(mktemp -d /tmp/microcred-conformance.XXXXXX)
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [ -z "${MICROCRED_CONFORMANCE_KEEP:-}" ]; then rm -rf "$W"; else echo "== conformance: kept $W"; fi
}
trap cleanup EXIT

# 1. the suites, installed from their lockfiles
cp -r "$SRC" "$W/w3c"
chmod -R u+w "$W/w3c"
for s in "${SUITES[@]}"; do
  if [ ! -f "$W/w3c/$s/package-lock.json" ]; then
    cp "$HERE/locks/$s/package-lock.json" "$W/w3c/$s/package-lock.json"
  fi
done
VECTORS=$W/w3c/vc-di-ecdsa-test-suite/tests/input/vc-di-ecdsa
if [ ! -d "$VECTORS/TestVectors" ]; then
  mkdir -p "$VECTORS" && cp -r "$ROOT/../shared/specs/vc/vectors/w3c-vc-di-ecdsa/TestVectors" "$VECTORS/"
fi
for s in "${SUITES[@]}"; do
  (cd "$W/w3c/$s" && npm ci --install-links --no-audit --no-fund --omit=dev --loglevel=error) > "$W/npm-$s.log" 2>&1 \
    || { tail -n 40 "$W/npm-$s.log" >&2; echo "== conformance: npm ci failed in $s" >&2; exit 1; }
done
echo "== conformance: suites installed ($((SECONDS - t0)) s)"

# 2. the service: eight issuers, one token, any free port
mkdir -p "$W/keys"
for k in ed25519 p256 p384 ed25519-status ed25519-jcs p256-jcs p384-jcs p256-sd; do
  t=${k%-status}
  t=${t%-jcs}
  java -jar "$JAR" keygen --type "${t%-sd}" --out "$W/keys/$k.json" > "$W/keys/$k.out"
done
TOKEN=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
cat > "$W/server.json" <<EOF
{"host": "127.0.0.1", "port": 0, "tokens": ["$TOKEN"], "statusStore": "memory",
 "issuers": [{"key": "keys/ed25519.json"}, {"key": "keys/p256.json"}, {"key": "keys/p384.json"},
             {"key": "keys/ed25519-status.json", "status": ["revocation"]},
             {"key": "keys/ed25519-jcs.json", "cryptosuite": "eddsa-jcs-2022"},
             {"key": "keys/p256-jcs.json", "cryptosuite": "ecdsa-jcs-2019"},
             {"key": "keys/p384-jcs.json", "cryptosuite": "ecdsa-jcs-2019"},
             {"key": "keys/p256-sd.json", "cryptosuite": "ecdsa-sd-2023"}]}
EOF
java -jar "$JAR" serve --config "$W/server.json" > "$W/serve.out" 2> "$W/serve.err" &
SERVER_PID=$!
for _ in $(seq 1 120); do
  [ -s "$W/serve.out" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$W/serve.err" >&2; echo "== conformance: mcred serve exited" >&2; exit 1; }
  sleep 0.5
done
[ -s "$W/serve.out" ] || { echo "== conformance: mcred serve printed nothing in 60 s" >&2; exit 1; }
TOKEN=$TOKEN W=$W node -e '
  const fs = require("fs");
  const line = JSON.parse(fs.readFileSync(process.env.W + "/serve.out", "utf8").split("\n")[0]);
  const did = k => JSON.parse(fs.readFileSync(process.env.W + "/keys/" + k + ".out", "utf8")).did;
  const s = {url: line.serving.replace(/\/$/, ""), token: process.env.TOKEN,
    ed25519: did("ed25519"), p256: did("p256"), p384: did("p384"), status: did("ed25519-status"),
    ed25519Jcs: did("ed25519-jcs"), p256Jcs: did("p256-jcs"), p384Jcs: did("p384-jcs"), p256Sd: did("p256-sd")};
  for (const i of [s.ed25519, s.p256, s.p384, s.status, s.ed25519Jcs, s.p256Jcs, s.p384Jcs, s.p256Sd]) {
    if (!line.issuers.some(x => x.id === i)) throw new Error("the server does not serve issuer " + i);
  }
  fs.writeFileSync(process.env.W + "/server-info.json", JSON.stringify(s));
  console.log("== conformance: mcred serve at " + s.url + " (issuers " + line.issuers.map(x => x.cryptosuite) + ")");
'

# 3. and 4. each suite: dry run with every tag, real run with the claimed tags, report
: > "$W/table.tsv"
rc=0
for s in "${SUITES[@]}"; do
  d=$W/w3c/$s
  ts=$SECONDS
  node "$HERE/suites.mjs" config "$s" all "$W/server-info.json" "$d/localConfig.cjs"
  (cd "$d" && npx mocha tests/ --dry-run --preserve-symlinks --reporter json --reporter-option "output=$W/dry-$s.json") \
    > "$W/dry-$s.log" 2>&1 || true
  node "$HERE/suites.mjs" config "$s" claimed "$W/server-info.json" "$d/localConfig.cjs"
  set +e
  (cd "$d" && npx mocha tests/ --timeout 15000 --preserve-symlinks --reporter json \
    --reporter-option "output=$W/result-$s.json") > "$W/run-$s.log" 2>&1
  set -e
  if [ ! -s "$W/result-$s.json" ]; then
    tail -n 40 "$W/run-$s.log" >&2
    echo "== conformance: $s wrote no report" >&2
    rc=1
  fi
  echo "== conformance: $s ($((SECONDS - ts)) s)"
  node "$HERE/suites.mjs" report "$s" "$W/result-$s.json" "$W/dry-$s.json" "$HERE/known-failures.tsv" \
    "$W/table.tsv" || rc=1
done
echo "== conformance: per suite ($((SECONDS - t0)) s in all; 'known' failures are listed with their reason in" \
  ".ci/conformance/known-failures.tsv; 'not registered': tests of tags microcred does not claim)"
node "$HERE/suites.mjs" table "$W/table.tsv"
if [ $rc -ne 0 ]; then
  echo "== conformance FAILED: a test of a claimed feature fails (see FAIL above)" >&2
  exit 1
fi
echo "== conformance passed"
