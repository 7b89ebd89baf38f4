#!/usr/bin/env python3
"""Builds facts/repatriation.json from the curated parts in facts/parts/.

    python3 facts/merge_parts.py [--version 2026.11.26]

Each part holds the fact-set collections for one half of the curation (figures.json: figures and dated events with
their actions, measures, populations, places and sources; attributions.json: people, works, quotations, acts and the
offices people held). Entries are
merged by id. When both parts define the same id (a source or a person both halves cite, an event both date) the
lists that name things (aliases, terms, seenAt, alternative titles and years, wronglyCredited) are united and every
other field comes from the part that owns that collection; the differences are printed so a curator can look.
Run `dotnet run --project src/Repatriation.Cli -- facts validate facts/repatriation.json` afterwards; the tests in
tests/Repatriation.Core.Tests/Facts check that the shipped file is exactly this merge.
"""
import argparse
import json
import pathlib
from collections import OrderedDict

COLLECTIONS = ["sources", "people", "actions", "populations", "places", "measures", "facts", "works", "quotations", "acts",
               "offices"]
UNITED = {"aliases", "terms", "seenAt", "alternativeTitles", "alternativeYears", "wronglyCredited"}
# Which part's wording wins when both define the same id.
OWNER = {"sources": "figures", "actions": "figures", "populations": "figures", "places": "figures", "measures": "figures",
         "facts": "figures", "people": "attributions", "works": "attributions", "quotations": "attributions",
         "acts": "attributions", "offices": "attributions"}
PART_ORDER = ["figures", "attributions"]
HEADER = OrderedDict(
    id="repatriation-1944-1947",
    title="Forced repatriation of Soviet citizens, Cossacks and emigres by the Western Allies, 1944-1947",
    description="Curated, sourced figures, dates, attributions and quotations used to check texts about the "
                "repatriation of Soviet citizens after the Second World War. Statements are the team's own words; "
                "every entry cites at least one source.",
)


def merge(parts):
    merged = {c: OrderedDict() for c in COLLECTIONS}
    owners = {c: {} for c in COLLECTIONS}
    notes = []
    for name in PART_ORDER:
        for collection in COLLECTIONS:
            for item in parts[name].get(collection, []):
                current = merged[collection].get(item["id"])
                if current is None:
                    merged[collection][item["id"]] = OrderedDict(item)
                    owners[collection][item["id"]] = name
                    continue
                owner_wins = OWNER[collection] != name
                for key, value in item.items():
                    if key in UNITED:
                        combined = list(current.get(key, []))
                        combined += [v for v in value if v not in combined]
                        current[key] = combined
                    elif key not in current:
                        current[key] = value
                    elif current[key] != value:
                        kept = current[key] if owner_wins else value
                        notes.append(f"{collection}/{item['id']}.{key}: kept {json.dumps(kept, ensure_ascii=False)[:80]}")
                        current[key] = kept
    return {c: list(v.values()) for c, v in merged.items()}, notes


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", help="the fact-set version, e.g. 2026.12.05 (default: keep the current one)")
    args = parser.parse_args()
    root = pathlib.Path(__file__).resolve().parent
    target = root / "repatriation.json"
    version = args.version or json.loads(target.read_text(encoding="utf-8"))["version"]
    parts = {name: json.loads((root / "parts" / f"{name}.json").read_text(encoding="utf-8")) for name in PART_ORDER}
    collections, notes = merge(parts)
    document = OrderedDict(HEADER)
    document["version"] = version
    document.move_to_end("version", last=False)
    document.move_to_end("id", last=False)
    document.update(collections)
    target.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for note in notes:
        print(note)
    print(f"{target.name}: " + ", ".join(f"{len(v)} {k}" for k, v in collections.items()))


if __name__ == "__main__":
    main()
