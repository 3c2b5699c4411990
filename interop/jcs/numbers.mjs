// Writes the ECMAScript oracle for microcred's JCS number serialization (RFC 8785 §3.2.2.3):
// one line "ieee754-hex,Number.prototype.toString" per double, from a fixed seed, with the engine that runs it.
// Usage: node interop/jcs/numbers.mjs > vc/src/test/resources/io/github/microcred/vc/jcs/ecmascript-numbers.txt
// No packages: only the JavaScript engine's own Number to String conversion is the oracle.
const buf = new DataView(new ArrayBuffer(8));
const hexOf = (d) => { buf.setFloat64(0, d); return buf.getBigUint64(0).toString(16).padStart(16, '0'); };
const ofBits = (b) => { buf.setBigUint64(0, b); return buf.getFloat64(0); };

let state = 0x9E3779B97F4A7C15n; // splitmix64, seed fixed
const mask = (1n << 64n) - 1n;
function next() {
  state = (state + 0x9E3779B97F4A7C15n) & mask;
  let z = state;
  z = ((z ^ (z >> 30n)) * 0xBF58476D1CE4E5B9n) & mask;
  z = ((z ^ (z >> 27n)) * 0x94D049BB133111EBn) & mask;
  return z ^ (z >> 31n);
}
const below = (n) => Number(next() % BigInt(n));

const out = new Map();
const add = (d) => { if (Number.isFinite(d)) out.set(hexOf(d), String(d)); };
const neighbours = (d) => { // the doubles next to d
  const b = buf; b.setFloat64(0, d); const bits = b.getBigUint64(0);
  for (const delta of [-2n, -1n, 1n, 2n]) { const n = bits + delta; if (n >= 0n && n <= mask) add(ofBits(n)); }
};

// edge cases: zeros, extremes, subnormals, the 2^53 and 1e21 / 1e-7 notation boundaries, powers of ten
for (const d of [0, -0, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE,
  2 ** -1022, 2 ** -1022 - Number.MIN_VALUE, 2 ** 53, 2 ** 53 - 1, 2 ** 53 + 2, -(2 ** 53), 2 ** 64, 1e21, 1e-7,
  1e-6, 1e23, 5e-324, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 333333333.33333329, 4.5, 2e-3, 1e30, 1e-27]) {
  add(d); neighbours(d);
}
for (let e = -330; e <= 310; e++) { const d = Number('1e' + e); add(d); neighbours(d); add(-d); }
for (let e = -1074; e <= 1023; e += 5) { const d = 2 ** e; add(d); neighbours(d); }
// uniform random bit patterns (all exponents, signs, subnormals)
for (let i = 0; i < 3000; i++) add(ofBits(next()));
// short decimals as people write them: 1 to 17 digits times a power of ten
for (let i = 0; i < 2000; i++) {
  let digits = String(1 + below(9));
  const k = 1 + below(17);
  while (digits.length < k) digits += String(below(10));
  add(Number(digits + 'e' + (below(80) - 40)));
  add(-Number(digits + 'e' + (below(600) - 300)));
}
// integers of every size up to 2^64
for (let i = 0; i < 1000; i++) add(Number(next() >> BigInt(below(64))));

process.stdout.write(`# ECMAScript Number.prototype.toString, ${process.release.name} ${process.version}` +
  ` (V8 ${process.versions.v8}); made by interop/jcs/numbers.mjs; ${out.size} doubles\n`);
for (const [h, s] of out) process.stdout.write(h + ',' + s + '\n');
