// Grades a site with Mozilla's HTTP Observatory: its own retriever (http and https requests, redirects, robots.txt,
// the CORS preflight) and its own tests and grader, as its scan() runs them. Two differences, both for a site on a
// loopback port: the ports are passed to retrieve() (scan() cannot), and the test host name resolves to 127.0.0.1.
// The throwaway certificate is trusted through NODE_EXTRA_CA_CERTS, so the Observatory sees a verified HTTPS site.
//
//   node grade.mjs <host name> <http port> <https port>   → prints { grade, score, tests: { name: { pass, result } } }
import dns from "node:dns";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const [hostname, httpPort, httpsPort] = process.argv.slice(2);
if (!hostname || !httpPort || !httpsPort) {
  console.error("usage: node grade.mjs <host name> <http port> <https port>");
  process.exit(2);
}

const lookup = dns.lookup;
dns.lookup = function (name, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = {};
  }
  if (name === hostname) {
    const all = typeof options === "object" && options?.all;
    return process.nextTick(() => (all ? callback(null, [{ address: "127.0.0.1", family: 4 }]) : callback(null, "127.0.0.1", 4)));
  }
  return lookup.call(this, name, options, callback);
};

// The package's postinstall downloads Chromium's HSTS preload list, which cannot be reached here; a test host is in no
// preload list, so an empty one is the truth for it.
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "node_modules", "@mdn", "mdn-http-observatory");
const preload = path.join(root, "conf", "hsts-preload.json");
if (!fs.existsSync(preload)) {
  fs.writeFileSync(preload, "{}");
}

const { retrieve } = await import("@mdn/mdn-http-observatory/src/retriever/retriever.js");
const { ALL_TESTS } = await import("@mdn/mdn-http-observatory/src/constants.js");
const { getGradeForScore, getScoreModifier } = await import("@mdn/mdn-http-observatory/src/grader/grader.js");
const { MINIMUM_SCORE_FOR_EXTRA_CREDIT } = await import("@mdn/mdn-http-observatory/src/grader/charts.js");

const requests = await retrieve(hostname, { httpPort: Number(httpPort), httpsPort: Number(httpsPort) });
if (!requests.responses.auto) {
  console.log(JSON.stringify({ error: "The site seems to be down." }));
  process.exit(1);
}

// What scanner/index.js does after retrieve(): run every test, add the modifiers, curve only an A.
let withExtraCredit = 100;
let uncurved = 100;
const tests = {};
for (const test of ALL_TESTS) {
  const result = test(requests);
  const modifier = result.result ? getScoreModifier(result.result) : 0;
  withExtraCredit += modifier;
  if (modifier < 0) {
    uncurved += modifier;
  }
  tests[result.constructor.name] = { pass: result.pass, result: result.result, modifier };
}

const score = uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withExtraCredit : uncurved;
const final = getGradeForScore(score);
console.log(JSON.stringify({
  grade: final.grade,
  score: final.score,
  status: requests.responses.auto.status,
  verified: requests.responses.auto.verified,
  url: requests.session?.url?.href,
  tests,
}));
