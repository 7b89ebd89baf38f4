using System.Text.Json.Nodes;

namespace Repatriation.Core.Tests.Facts;

/// <summary>
/// A small fact set that passes every rule, using every collection once. Tests break one thing in it and
/// assert the exact path of the problem, so a rule that stops firing (or fires elsewhere) fails a test.
/// </summary>
internal static class FactSetSample
{
    // Index map (tests assert paths against it):
    // sources[0] scholarly (by Doe), [1] no reliability (by Roe), [2] weak (a blog), [3] reference (an encyclopedia)
    // actions[0] returned
    // populations[0] all, [1] pows (parent all); places[0] europe, [1] lienz (parent europe)
    // measures[0] count (action returned), [1] date, [2] percentage, [3] periodic count (action returned, no own terms)
    // facts[0] count, [1] date, [2] percentage, [3] periodic; offices[0] Roe, minister
    public const string Json = """
    {
      "id": "sample",
      "version": "2026.11.26",
      "sources": [
        { "id": "doe-2001-book", "author": "John Doe", "title": "A Book", "year": 2001, "reliability": "scholarly", "seenAt": ["https://example.org/book"] },
        { "id": "roe-1999-paper", "author": "Richard Roe", "title": "A Paper" },
        { "id": "blog-2010-post", "author": "A blogger", "title": "A Post", "reliability": "weak" },
        { "id": "enc-2020-entry", "author": "Encyclopedia contributors", "title": "An Entry", "reliability": "reference" }
      ],
      "people": [
        { "id": "doe-john", "name": "John Doe", "aliases": ["Doe"] },
        { "id": "roe-richard", "name": "Richard Roe" }
      ],
      "actions": [
        { "id": "returned", "name": "returned home", "terms": ["returned", "sent back"] }
      ],
      "populations": [
        { "id": "all", "name": "Everyone", "terms": ["people"] },
        { "id": "pows", "name": "Prisoners of war", "terms": ["POWs"], "parent": "all" }
      ],
      "places": [
        { "id": "europe", "name": "Europe", "terms": ["Europe"] },
        { "id": "lienz", "name": "Lienz", "terms": ["Lienz"], "parent": "europe" }
      ],
      "measures": [
        { "id": "pows-returned", "name": "POWs returned", "kind": "count", "unit": "persons", "terms": ["returned from Lienz"], "action": "returned", "population": "pows", "place": "lienz" },
        { "id": "treaty-signed", "name": "Treaty signed", "kind": "date", "unit": "date", "terms": ["Treaty of Lienz"] },
        { "id": "pows-released-share", "name": "Share released", "kind": "percentage", "unit": "percent", "terms": ["released"], "population": "pows" },
        { "id": "returned-per-year", "name": "Returned per year", "kind": "count", "unit": "persons", "action": "returned", "periodic": true }
      ],
      "facts": [
        { "id": "doe-returned", "measure": "pows-returned", "statement": "Doe counts 1,000 to 1,200.",
          "value": { "low": 1000, "high": 1200, "qualifier": "about" }, "estimateBy": "doe-john", "estimateByName": "Doe",
          "sources": [ { "source": "doe-2001-book", "page": "12" } ] },
        { "id": "treaty-date", "measure": "treaty-signed", "statement": "Signed in February 1945.",
          "date": { "from": "1945-02-11" }, "sources": [ { "source": "roe-1999-paper" } ] },
        { "id": "released-share", "measure": "pows-released-share", "statement": "A fifth were released.",
          "value": { "low": 20, "high": 20 }, "sources": [ { "source": "doe-2001-book" } ] },
        { "id": "returned-1946", "measure": "returned-per-year", "statement": "In 1946, 500 returned.",
          "value": { "low": 500, "high": 500 }, "period": { "from": "1946" }, "sources": [ { "source": "doe-2001-book" } ] }
      ],
      "works": [
        { "id": "a-book", "title": "A Book", "authors": ["doe-john"], "year": 2001, "sources": [ { "source": "doe-2001-book" } ] }
      ],
      "quotations": [
        { "id": "doe-words", "text": "Words as written", "speaker": "doe-john", "work": "a-book", "status": "verified",
          "sources": [ { "source": "doe-2001-book", "page": "3" } ] }
      ],
      "acts": [
        { "id": "roe-signed", "verb": "signed", "description": "Roe signed the treaty.", "terms": ["treaty"],
          "actors": ["roe-richard"], "wronglyCredited": ["doe-john"], "date": { "from": "1945-02", "to": "1945-03" },
          "sources": [ { "source": "roe-1999-paper" } ] }
      ],
      "offices": [
        { "id": "roe-minister", "person": "roe-richard", "office": "Minister of Treaties", "terms": ["the Minister"], "organisation": "A government",
          "from": "1944", "to": "1946", "heldOn": { "from": "1945-02" }, "sources": [ { "source": "roe-1999-paper" } ] }
      ]
    }
    """;

    public static JsonObject Node() => JsonNode.Parse(Json)!.AsObject();

    /// <summary>Applies one change to the sample and returns its JSON.</summary>
    public static string With(Action<JsonObject> change)
    {
        var root = Node();
        change(root);
        return root.ToJsonString();
    }

    public static JsonObject At(this JsonObject root, string collection, int index) => root[collection]![index]!.AsObject();
}
