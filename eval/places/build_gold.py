"""Build the place dev/test set (eval/places/gold.jsonl) from FA-KES and re3d-partial.

Each row: source, doc (FA-KES unit_id / re3d documentId), unit (FA-KES unit_id / re3d entity _id),
name, begin/end (re3d character offsets), lat, lon, country (ISO alpha-2), kind, split.
No article sentences are stored.  Coordinates are hand-written reference points (city centres;
for a country its ISO code is what counts, the point is only informative).

    python eval/places/build_gold.py [/work/shared]
"""
from __future__ import annotations

import csv
import hashlib
import json
import sys
from pathlib import Path

SHARED = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared")
OUT = Path(__file__).with_name("gold.jsonl")

# FA-KES `location` column (each article's main place, all in Syria)
FAKES = {
    "aleppo": (36.2021, 37.1343), "damascus": (33.5102, 36.2913), "idlib": (35.9306, 36.6339),
    "deir ezzor": (35.3359, 40.1408), "raqqa": (35.9528, 39.0079), "homs": (34.7268, 36.7234),
    "hasakeh": (36.5024, 40.7477), "hama": (35.1318, 36.7578), "daraa": (32.6189, 36.1021),
    "lattakia": (35.5317, 35.7901), "quneitra": (33.1258, 35.8246), "tartous": (34.8890, 35.8866),
}

# re3d Location values that name a populated place, region or country (generic phrases,
# buildings, rivers, mountains and coordinates left out).  name -> (lat, lon, country, kind)
C = "country"
RE3D = {
    "Syria": (35.0, 38.5, "SY", C), "Iraq": (33.0, 44.0, "IQ", C), "Uzbekistan": (41.0, 64.0, "UZ", C),
    "Ukraine": (49.0, 32.0, "UA", C), "Saudi Arabia": (24.0, 45.0, "SA", C), "Turkey": (39.0, 35.0, "TR", C),
    "Lebanon": (33.9, 35.9, "LB", C), "Kuwait": (29.3, 47.7, "KW", C), "Libya": (27.0, 17.0, "LY", C),
    "France": (46.5, 2.5, "FR", C), "Iran": (32.0, 53.0, "IR", C), "Jordan": (31.0, 36.5, "JO", C),
    "the United Arab Emirates": (24.0, 54.0, "AE", C),
    "Aleppo": (36.2021, 37.1343, "SY", "city"), "eastern Aleppo": (36.2021, 37.1343, "SY", "city"),
    "Paris": (48.8566, 2.3522, "FR", "city"), "Tikrit": (34.6071, 43.6782, "IQ", "city"),
    "Mosul": (36.335, 43.119, "IQ", "city"), "the city of Mosul": (36.335, 43.119, "IQ", "city"),
    "The city of Mosul": (36.335, 43.119, "IQ", "city"), "Husaybah": (34.42, 41.0, "IQ", "city"),
    "the city of Husaybah": (34.42, 41.0, "IQ", "city"), "Baghdad": (33.3152, 44.3661, "IQ", "city"),
    "Baghdad, Iraq": (33.3152, 44.3661, "IQ", "city"), "Damascus": (33.5102, 36.2913, "SY", "city"),
    "Sinjar": (36.3209, 41.8767, "IQ", "city"), "London": (51.5074, -0.1278, "GB", "city"),
    "Karabilah": (34.39, 40.95, "IQ", "city"), "insurgent-held Karabilah": (34.39, 40.95, "IQ", "city"),
    "Geneva": (46.2044, 6.1432, "CH", "city"), "Brussels": (50.8503, 4.3517, "BE", "city"),
    "al-Hilla": (32.4637, 44.4196, "IQ", "city"), "Madaya": (33.6886, 36.0975, "SY", "city"),
    "Tashkent": (41.2995, 69.2401, "UZ", "city"), "Karrada": (33.30, 44.42, "IQ", "city"),
    "Palmyra": (34.5560, 38.2739, "SY", "city"), "Sarmin": (35.9044, 36.7255, "SY", "city"),
    "Marea": (36.478, 37.190, "SY", "city"), "Sousse": (35.8256, 10.6084, "TN", "city"),
    "Anbar, Iraq": (33.37, 42.35, "IQ", "admin1"), "Anbar province": (33.37, 42.35, "IQ", "admin1"),
    "Al Anbar": (33.37, 42.35, "IQ", "admin1"), "Amiens": (49.8941, 2.2958, "FR", "city"),
    "Kobane": (36.8908, 38.3536, "SY", "city"), "Rabiyah": (36.80, 42.10, "IQ", "city"),
    "Zumar": (36.64, 42.59, "IQ", "city"), "Hibhib": (33.783, 44.50, "IQ", "city"),
    "Hibhib Village": (33.783, 44.50, "IQ", "city"), "Baquba": (33.7466, 44.6437, "IQ", "city"),
    "Stockholm": (59.3293, 18.0686, "SE", "city"), "Amarah": (31.8356, 47.1448, "IQ", "city"),
    "Basra": (30.5085, 47.7804, "IQ", "city"), "Samarra": (34.1959, 43.8857, "IQ", "city"),
    "Al-Qa'im": (34.37, 41.09, "IQ", "city"), "the city of Ubaydi": (34.38, 41.30, "IQ", "city"),
    "Diyala Province": (33.9, 45.0, "IQ", "admin1"), "the Diyala Province": (33.9, 45.0, "IQ", "admin1"),
    "Canberra": (-35.2809, 149.13, "AU", "city"), "Astana": (51.1694, 71.4491, "KZ", "city"),
    "Al-Raqqa province": (35.9, 38.9, "SY", "admin1"),
}


def split_of(doc: str) -> str:
    return "dev" if int(hashlib.sha1(doc.encode()).hexdigest(), 16) % 2 == 0 else "test"


def main() -> None:
    rows = []
    with open(SHARED / "corpus/fakes-syria-war-news/FA-KES-Dataset.csv", encoding="latin-1", newline="") as f:
        for line, r in enumerate(csv.DictReader(f), 1):
            lat, lon = FAKES[r["location"]]
            rows.append({"source": "fakes", "doc": r["unit_id"], "line": line, "unit": r["unit_id"],
                         "name": r["location"], "lat": lat, "lon": lon, "country": "SY", "kind": "city",
                         "split": split_of(r["unit_id"])})
    base = SHARED / "data/re3d-partial"
    line_of: dict[str, int] = {}
    n = 0
    for folder in sorted(p for p in base.iterdir() if (p / "documents.json").exists()):
        for raw in open(folder / "documents.json", encoding="utf-8-sig"):
            n += 1
            line_of[json.loads(raw)["_id"]] = n
        for raw in open(folder / "entities.json", encoding="utf-8-sig"):
            e = json.loads(raw)
            if e["type"] != "Location" or e["confidence"] < 0.5 or e["value"] not in RE3D:
                continue
            lat, lon, cc, kind = RE3D[e["value"]]
            rows.append({"source": "re3d", "doc": e["documentId"], "line": line_of[e["documentId"]], "unit": e["_id"],
                         "name": e["value"], "begin": e["begin"], "end": e["end"], "lat": lat, "lon": lon,
                         "country": cc, "kind": kind, "split": split_of(e["documentId"])})
    with open(OUT, "w") as out:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} rows -> {OUT}")


if __name__ == "__main__":
    main()
