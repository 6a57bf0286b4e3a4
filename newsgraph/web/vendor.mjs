// Copies the built files the workbench loads, with each package's licence, from node_modules into
// static/vendor/<package>/. Run by `npm run vendor` after `npm ci`; the result is committed.
import { cpSync, mkdirSync, rmSync, readFileSync } from "node:fs";
import { join } from "node:path";

const FILES = {
  "cytoscape": ["dist/cytoscape.min.js", "LICENSE"],
  "leaflet": ["dist/leaflet.js", "dist/leaflet.css", "dist/images", "LICENSE"],
  "topojson-client": ["dist/topojson-client.min.js", "LICENSE"],
  // Natural Earth 1:50m country outlines as TopoJSON (Natural Earth is in the public domain)
  "world-atlas": ["countries-50m.json", "LICENSE"],
  "swagger-ui-dist": ["swagger-ui-bundle.js", "swagger-ui.css", "LICENSE", "NOTICE"],
};

const out = "static/vendor";
for (const [pkg, files] of Object.entries(FILES)) {
  const dest = join(out, pkg);
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  for (const f of files) {
    cpSync(join("node_modules", pkg, f), join(dest, f.replace(/^dist\//, "")), { recursive: true });
  }
  const { version } = JSON.parse(readFileSync(join("node_modules", pkg, "package.json"), "utf8"));
  console.log(`${pkg}@${version} -> ${dest}`);
}
