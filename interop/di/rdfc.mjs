// RDFC-1.0 oracle: rdf-canonize (the JavaScript reference implementation, the version package-lock.json pins).
// Usage: node rdfc.mjs JOB.json  -> prints a JSON array on stdout, one entry per dataset:
//   {"canonical": "<canonical N-Quads>"} or {"error": "<message>"} (e.g. the deep-iteration bound).
// JOB = {"maxWorkFactor": N, "datasets": [{"nquads": "...", "hash": "SHA-256" | "SHA-384"}]}
// (maxWorkFactor: rdf-canonize's bound on Hash N-Degree Quads, (non-unique blank nodes)^N deep iterations;
// the library default 1 refuses a plain 3-cycle, so the differential test raises it for its small datasets).
import {readFileSync} from 'node:fs';
import canonize from 'rdf-canonize';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const out = [];
for (const d of job.datasets) {
  try {
    const canonical = await canonize.canonize(d.nquads, {
      algorithm: 'RDFC-1.0',
      inputFormat: 'application/n-quads',
      format: 'application/n-quads',
      messageDigestAlgorithm: d.hash === 'SHA-384' ? 'sha384' : 'sha256',
      maxWorkFactor: job.maxWorkFactor ?? 1
    });
    out.push({canonical});
  } catch(e) {
    out.push({error: String(e && e.message || e)});
  }
}
process.stdout.write(JSON.stringify(out));
