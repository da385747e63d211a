// Bundle the component into the Python package so the app never fetches a script at run time.
// Rebuild: cd frontend && npm ci && npm run build   (the output is committed)
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "argmap", "products", "drawing", "component");
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(here, "src", "index.js")],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  legalComments: "eof", // keep cytoscape's MIT licence notice in the shipped file
  outfile: join(out, "argmap-graph.js"),
  logLevel: "info",
});
for (const file of ["index.html", "argmap-graph.css"]) {
  copyFileSync(join(here, "src", file), join(out, file));
}
// ELK's worker, as elkjs ships it (index.js starts it on its own thread).
copyFileSync(join(here, "node_modules", "elkjs", "lib", "elk-worker.min.js"), join(out, "elk-worker.min.js"));

// The stamp: what the bundle was built from and what it is. tests/test_bundle.py recomputes
// both, so a change to src/ without a rebuild (or a hand-edited bundle) fails the tests.
function digest(root, names) {
  const hash = createHash("sha256");
  for (const name of names) {
    hash.update(name + "\0");
    hash.update(readFileSync(join(root, name)));
    hash.update("\0");
  }
  return hash.digest("hex");
}
const inputs = [
  "build.mjs",
  "package-lock.json",
  "package.json",
  ...readdirSync(join(here, "src")).sort().map((name) => `src/${name}`),
];
const outputs = readdirSync(out).filter((name) => name !== "STAMP.json").sort();
const stamp = { source: digest(here, inputs), bundle: digest(out, outputs) };
writeFileSync(join(out, "STAMP.json"), JSON.stringify(stamp, null, 2) + "\n");
