// Bundle the component into the Python package so the app never fetches a script at run time.
// Rebuild: cd frontend && npm ci && npm run build   (the output is committed)
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "argmap", "view", "component");
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
