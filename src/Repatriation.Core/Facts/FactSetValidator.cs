using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Repatriation.Core.Input;

namespace Repatriation.Core.Facts;

/// <summary>One problem in a fact set, located by its JSON path ("$.facts[3].sources").</summary>
public sealed record FactSetProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// Checks a fact set's JSON against its schema (facts/factset.schema.json) and its semantic rules
/// (unique ids, resolvable references, sources cited, value or date per measure kind, ordered intervals;
/// units that fit the kind; generic verbs kept in actions and dated events named specifically (<see cref="TermRules"/>);
/// weak only for popular sources and contested only with a note; no fact said twice; credits that cite the
/// credited person's work; sourced offices), and reports every problem with its JSON path rather than stopping at the first.
/// </summary>
public static partial class FactSetValidator
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = FactSetJson.Options.AllowTrailingCommas,
        CommentHandling = JsonCommentHandling.Skip,
    };

    // Built once: building registers the schema by its $id, and a second registration of the same id would clash.
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(ShippedFactSet.ReadSchemaJson(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    public static IReadOnlyList<FactSetProblem> Validate(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            return [new FactSetProblem("$", $"not valid JSON: {FirstSentence(e.Message)}")];
        }

        using (document)
        {
            var problems = CheckSchema(document.RootElement);
            FactSet factSet;
            try
            {
                factSet = FactSetJson.Parse(json);
            }
            catch (JsonException e)
            {
                // The schema problems already explain why the model cannot be read; add the reader's own only when it found something else.
                if (problems.Count == 0)
                {
                    problems.Add(new FactSetProblem(e.Path ?? "$", FirstSentence(e.Message)));
                }

                return problems;
            }

            return Merge(problems, CheckSemantics(factSet));
        }
    }

    public static IReadOnlyList<FactSetProblem> Validate(FactSet factSet)
    {
        ArgumentNullException.ThrowIfNull(factSet);
        using var document = JsonDocument.Parse(FactSetJson.Serialize(factSet));
        return Merge(CheckSchema(document.RootElement), CheckSemantics(factSet));
    }

    /// <summary>Schema problems win: a semantic problem at a path the schema already flagged would only repeat it.</summary>
    private static List<FactSetProblem> Merge(List<FactSetProblem> schemaProblems, List<FactSetProblem> semanticProblems)
    {
        var flagged = schemaProblems.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        var merged = new List<FactSetProblem>(schemaProblems);
        merged.AddRange(semanticProblems.Where(p => !flagged.Contains(p.Path)));

        // Document order reads best: $.facts[2] before $.facts[10], a fact's members together.
        return merged.Distinct().OrderBy(p => p.Path, PathOrder.Instance).ToList();
    }

    private sealed partial class PathOrder : IComparer<string>
    {
        public static readonly PathOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = Segments().Matches(x ?? "");
            var b = Segments().Matches(y ?? "");
            for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
            {
                var (sa, sb) = (a[i].Value, b[i].Value);
                var order = int.TryParse(sa, out var na) && int.TryParse(sb, out var nb)
                    ? na.CompareTo(nb)
                    : string.CompareOrdinal(sa, sb);
                if (order != 0)
                {
                    return order;
                }
            }

            return a.Count.CompareTo(b.Count);
        }

        [GeneratedRegex(@"[^.\[\]$']+", RegexOptions.None, RegexBudget.Milliseconds)]
        private static partial Regex Segments();
    }

    private static List<FactSetProblem> CheckSchema(JsonElement root)
    {
        var results = Schema.Value.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var problems = new List<FactSetProblem>();
        if (results.IsValid)
        {
            return problems;
        }

        foreach (var node in (results.Details ?? []).Prepend(results))
        {
            if (node.Errors is null)
            {
                continue;
            }

            var pointer = node.InstanceLocation.ToString();
            var path = ToJsonPath(pointer);
            var value = ValueAt(root, pointer);
            foreach (var (keyword, message) in node.Errors)
            {
                problems.AddRange(Describe(path, keyword, message, value));
            }
        }

        return problems;
    }

    /// <summary>Turns the schema library's generic messages into ones that say what to write instead.</summary>
    private static IEnumerable<FactSetProblem> Describe(string path, string keyword, string message, JsonElement? value)
    {
        var shown = value is { ValueKind: JsonValueKind.String } s ? $"'{s.GetString()}'" : value?.GetRawText() ?? "the value";
        var member = path[(path.LastIndexOfAny(['.', '[']) + 1)..].TrimEnd(']');
        switch (keyword)
        {
            case "required":
                // Point at the missing member itself ("$.sources[2].author"), as an editor would look for it.
                var names = QuotedName().Matches(message).Select(m => m.Groups[1].Value).ToList();
                if (names.Count > 0)
                {
                    return names.Select(n => new FactSetProblem($"{path}.{n}", "is required but missing"));
                }

                break;
            case "additionalProperties":
            case "false":
                return [new FactSetProblem(path, "is not a known property (check the spelling against factset.schema.json)")];
            case "pattern" when member == "id":
                return [new FactSetProblem(path, $"{shown} is not a valid id: use lower-case ASCII words joined by hyphens, e.g. zemskov-viktor")];
            case "pattern" when member is "from" or "to":
                return [new FactSetProblem(path, $"{shown} is not an ISO date or prefix (1945, 1945-02, 1945-02-11)")];
            case "pattern" when path.Contains(".seenAt[", StringComparison.Ordinal):
                return [new FactSetProblem(path, $"{shown} is not an http(s) address")];
            case "pattern":
                return [new FactSetProblem(path, "must not be empty or blank")];
            case "enum" when EnumValues.TryGetValue(member, out var allowed):
                return [new FactSetProblem(path, $"{shown} is not one of: {string.Join(", ", allowed)}")];
            case "minItems" when member == "sources":
                return [new FactSetProblem(path, "cites no source; every entry needs at least one")];
        }

        return [new FactSetProblem(path, message.Contains("false schema", StringComparison.OrdinalIgnoreCase)
            ? "is not a known property (check the spelling against factset.schema.json)"
            : message)];
    }

    private static readonly Dictionary<string, IReadOnlyList<string>> EnumValues = new(StringComparer.Ordinal)
    {
        ["kind"] = MeasureKinds.All,
        ["status"] = QuotationStatuses.All,
        ["reliability"] = SourceReliabilities.All,
        ["unit"] = MeasureUnits.All,
    };

    private static JsonElement? ValueAt(JsonElement root, string pointer)
    {
        var current = root;
        foreach (var raw in pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var i) && i < current.GetArrayLength())
            {
                current = current[i];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>"/facts/12/sources/0/source" becomes "$.facts[12].sources[0].source".</summary>
    internal static string ToJsonPath(string pointer)
    {
        var path = "$";
        if (string.IsNullOrEmpty(pointer) || pointer == "#")
        {
            return path;
        }

        foreach (var raw in pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            path += segment.All(char.IsAsciiDigit) ? $"[{segment}]"
                : PlainName().IsMatch(segment) ? $".{segment}"
                : $"['{segment.Replace("'", "\\'", StringComparison.Ordinal)}']";
        }

        return path;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.TrimEnd('.');
    }

    private static List<FactSetProblem> CheckSemantics(FactSet set)
    {
        var rules = new SemanticRules(set);
        rules.Run();
        return rules.Problems;
    }

    [GeneratedRegex("\"([^\"]+)\"", RegexOptions.None, RegexBudget.Milliseconds)]
    private static partial Regex QuotedName();

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$", RegexOptions.None, RegexBudget.Milliseconds)]
    private static partial Regex PlainName();

    /// <summary>The rules the schema cannot express: they need the whole document (ids, references, measure kinds).</summary>
    private sealed class SemanticRules(FactSet set)
    {
        public List<FactSetProblem> Problems { get; } = [];

        private Dictionary<string, Source> _sources = [];
        private Dictionary<string, Person> _people = [];
        private Dictionary<string, MeasureAction> _actions = [];
        private HashSet<string> _works = [];
        private Dictionary<string, Population> _populations = [];
        private Dictionary<string, Place> _places = [];
        private Dictionary<string, Measure> _measures = [];

        public void Run()
        {
            if (string.IsNullOrWhiteSpace(set.Version))
            {
                Add("$.version", "the version is empty");
            }

            if (string.IsNullOrWhiteSpace(set.Id))
            {
                Add("$.id", "the fact-set id is empty");
            }

            _sources = UniqueIds("sources", "source", set.Sources ?? [], s => s.Id);
            _people = UniqueIds("people", "person", set.People ?? [], p => p.Id);
            _actions = UniqueIds("actions", "action", set.Actions ?? [], a => a.Id);
            _populations = UniqueIds("populations", "population", set.Populations ?? [], p => p.Id);
            _places = UniqueIds("places", "place", set.Places ?? [], p => p.Id);
            _measures = UniqueIds("measures", "measure", set.Measures ?? [], m => m.Id);
            UniqueIds("facts", "fact", set.Facts ?? [], f => f.Id);
            _works = UniqueIds("works", "work", set.Works ?? [], w => w.Id).Keys.ToHashSet(StringComparer.Ordinal);
            UniqueIds("quotations", "quotation", set.Quotations ?? [], q => q.Id);
            UniqueIds("acts", "act", set.Acts ?? [], a => a.Id);
            UniqueIds("offices", "office", set.Offices ?? [], o => o.Id);

            CheckSources();
            CheckActions();
            CheckHierarchy("populations", "population", set.Populations ?? [], p => p.Id, p => p.Parent, _populations.ContainsKey);
            CheckHierarchy("places", "place", set.Places ?? [], p => p.Id, p => p.Parent, _places.ContainsKey);
            CheckMeasures();
            CheckMeasureTerms();
            CheckFacts();
            CheckDuplicateFacts();
            CheckWorks();
            CheckQuotations();
            CheckActs();
            CheckOffices();
        }

        private void Add(string path, string message) => Problems.Add(new FactSetProblem(path, message));

        private Dictionary<string, T> UniqueIds<T>(string collection, string noun, IReadOnlyList<T> items, Func<T, string?> id)
        {
            var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            var byId = new Dictionary<string, T>(StringComparer.Ordinal);
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is null)
                {
                    continue; // the schema reports the null entry
                }

                var value = id(items[i]);
                if (string.IsNullOrWhiteSpace(value))
                {
                    Add($"$.{collection}[{i}].id", $"the {noun} has no id");
                    continue;
                }

                if (firstIndex.TryGetValue(value, out var first))
                {
                    Add($"$.{collection}[{i}].id", $"duplicate {noun} id '{value}' (first used at $.{collection}[{first}])");
                    continue;
                }

                firstIndex[value] = i;
                byId[value] = items[i];
            }

            return byId;
        }

        private void CheckSources()
        {
            var sources = set.Sources ?? [];
            for (var i = 0; i < sources.Count; i++)
            {
                if (sources[i] is null)
                {
                    continue; // the schema reports the null entry
                }

                if (string.IsNullOrWhiteSpace(sources[i].Author))
                {
                    Add($"$.sources[{i}].author", "every source needs an author (a person, institution or site)");
                }

                if (string.IsNullOrWhiteSpace(sources[i].Title))
                {
                    Add($"$.sources[{i}].title", "every source needs a title");
                }
            }
        }

        private void CheckHierarchy<T>(string collection, string noun, IReadOnlyList<T> items, Func<T, string?> id,
            Func<T, string?> parent, Func<string, bool> exists)
        {
            var parentOf = items.Where(x => x is not null && id(x) is not null).GroupBy(x => id(x)!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => parent(g.First()), StringComparer.Ordinal);
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is null)
                {
                    continue; // the schema reports the null entry
                }

                var p = parent(items[i]);
                if (p is null)
                {
                    continue;
                }

                if (!exists(p))
                {
                    Add($"$.{collection}[{i}].parent", $"unknown parent {noun} '{p}'");
                    continue;
                }

                // Walk up from this entry; coming back to it means the hierarchy loops.
                var start = id(items[i]);
                var chain = new List<string> { start ?? "?" };
                for (var current = p; current is not null && chain.Count <= parentOf.Count + 1;
                     current = parentOf.GetValueOrDefault(current))
                {
                    chain.Add(current);
                    if (current == start)
                    {
                        Add($"$.{collection}[{i}].parent", $"the {noun} hierarchy has a cycle: {string.Join(" -> ", chain)}");
                        break;
                    }
                }
            }
        }

        private void CheckMeasures()
        {
            var measures = set.Measures ?? [];
            for (var i = 0; i < measures.Count; i++)
            {
                if (measures[i] is null)
                {
                    continue; // the schema reports the null entry
                }

                var m = measures[i];
                var path = $"$.measures[{i}]";
                if (!MeasureKinds.All.Contains(m.Kind))
                {
                    Add($"{path}.kind", $"unknown measure kind '{m.Kind}' (expected {string.Join(", ", MeasureKinds.All)})");
                }

                var hasTerms = m.Terms?.Any(t => !string.IsNullOrWhiteSpace(t)) == true;
                if (m.Action is not null && !_actions.ContainsKey(m.Action))
                {
                    Add($"{path}.action", $"unknown action '{m.Action}'");
                }

                if (m.Kind == MeasureKinds.Date)
                {
                    // An event is named by its own phrase, or by what happened (action) and where or to whom.
                    if (!hasTerms && (m.Action is null || (m.Place is null && m.Population is null)))
                    {
                        Add($"{path}.terms", "a date measure needs a term naming its event ('Fort Dix riot'), or an action with a place or population, or no claim can reach it");
                    }
                }
                else if (!hasTerms && m.Action is null)
                {
                    Add($"{path}.terms", "a measure needs at least one term or an action naming what it measures, or no claim can reach it");
                }

                if (m.Unit is null)
                {
                    Add($"{path}.unit", $"a measure needs a unit ({string.Join(", ", MeasureUnits.ForKind(m.Kind).DefaultIfEmpty("see MeasureUnits"))}) so that figures are compared only with their own kind");
                }
                else if (MeasureKinds.All.Contains(m.Kind) && MeasureUnits.All.Contains(m.Unit) && !MeasureUnits.ForKind(m.Kind).Contains(m.Unit))
                {
                    Add($"{path}.unit", $"'{m.Unit}' is not a unit of a {m.Kind} measure (expected {string.Join(", ", MeasureUnits.ForKind(m.Kind))})");
                }

                if (m.Population is not null && !_populations.ContainsKey(m.Population))
                {
                    Add($"{path}.population", $"unknown population '{m.Population}'");
                }

                if (m.Place is not null && !_places.ContainsKey(m.Place))
                {
                    Add($"{path}.place", $"unknown place '{m.Place}'");
                }
            }
        }

        private void CheckFacts()
        {
            var facts = set.Facts ?? [];
            for (var i = 0; i < facts.Count; i++)
            {
                if (facts[i] is null)
                {
                    continue; // the schema reports the null entry
                }

                var f = facts[i];
                var path = $"$.facts[{i}]";
                CheckSourceRefs(path, f.Sources);
                if (f.EstimateBy is not null && !_people.ContainsKey(f.EstimateBy))
                {
                    Add($"{path}.estimateBy", $"unknown person '{f.EstimateBy}'");
                }

                CheckStanding(path, f);
                CheckCredit(path, f);

                CheckValue(path, f.Value);
                CheckDate($"{path}.date", f.Date);
                CheckDate($"{path}.period", f.Period);

                if (f.Measure is null || !_measures.TryGetValue(f.Measure, out var measure))
                {
                    Add($"{path}.measure", $"unknown measure '{f.Measure}'");
                    continue;
                }

                if (measure.Kind == MeasureKinds.Date)
                {
                    if (f.Date is null)
                    {
                        Add($"{path}.date", $"measure '{measure.Id}' is a date measure, so the fact needs a date");
                    }

                    if (f.Value is not null)
                    {
                        Add($"{path}.value", $"measure '{measure.Id}' is a date measure; give 'date', not 'value'");
                    }
                }
                else if (MeasureKinds.All.Contains(measure.Kind))
                {
                    if (f.Value is null)
                    {
                        Add($"{path}.value", $"measure '{measure.Id}' is a {measure.Kind} measure, so the fact needs a value");
                    }

                    if (f.Date is not null)
                    {
                        Add($"{path}.date", $"only date measures take 'date'; measure '{measure.Id}' is a {measure.Kind} (use 'period' for when it applies)");
                    }

                    if (measure.Kind == MeasureKinds.Percentage && f.Value is { } v && (v.Low < 0 || v.High > 100))
                    {
                        Add($"{path}.value", "a percentage lies between 0 and 100");
                    }

                    if (measure.Periodic && f.Period is null)
                    {
                        Add($"{path}.period", $"measure '{measure.Id}' is periodic, so each fact needs the period it covers");
                    }
                }
            }
        }

        private void CheckValue(string path, FactValue? value)
        {
            if (value is not null && value.Low > value.High)
            {
                Add($"{path}.value", $"low ({value.Low}) is greater than high ({value.High})");
            }
        }

        private void CheckDate(string path, FactDate? date)
        {
            if (date is null)
            {
                return;
            }

            var fromOk = date.From is not null && FactDates.TryParseBound(date.From, out _, out _);
            if (!fromOk)
            {
                Add($"{path}.from", $"'{date.From}' is not an ISO date or prefix (1945, 1945-02, 1945-02-11)");
            }

            var toOk = date.To is null || FactDates.TryParseBound(date.To, out _, out _);
            if (!toOk)
            {
                Add($"{path}.to", $"'{date.To}' is not an ISO date or prefix (1945, 1945-02, 1945-02-11)");
            }

            if (fromOk && toOk && !FactDates.TryParse(date, out _))
            {
                Add(path, $"'from' ({date.From}) is after 'to' ({date.To})");
            }
        }

        private void CheckSourceRefs(string path, IReadOnlyList<SourceRef>? refs)
        {
            if (refs is null || refs.Count == 0)
            {
                Add($"{path}.sources", "cites no source; every entry needs at least one");
                return;
            }

            for (var j = 0; j < refs.Count; j++)
            {
                if (refs[j]?.Source is not { } id || !_sources.ContainsKey(id))
                {
                    Add($"{path}.sources[{j}].source", $"unknown source '{refs[j]?.Source}'");
                }
            }
        }

        private void CheckPeople(string path, IReadOnlyList<string>? ids)
        {
            for (var j = 0; j < (ids?.Count ?? 0); j++)
            {
                if (!_people.ContainsKey(ids![j]))
                {
                    Add($"{path}[{j}]", $"unknown person '{ids[j]}'");
                }
            }
        }

        private void CheckActions()
        {
            var actions = set.Actions ?? [];
            for (var i = 0; i < actions.Count; i++)
            {
                if (actions[i] is { } a && (a.Terms is null || !a.Terms.Any(t => !string.IsNullOrWhiteSpace(t))))
                {
                    Add($"$.actions[{i}].terms", "an action needs at least one term: the verbs and phrases texts use for it");
                }
            }
        }

        /// <summary>
        /// Terms must point at one measure: a generic verb shared by many measures lives in an action, and a dated
        /// event is named specifically, so that a right date for another event is not read as a contradiction.
        /// </summary>
        private void CheckMeasureTerms()
        {
            var measures = set.Measures ?? [];
            var actionTerms = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var action in (set.Actions ?? []).Where(a => a is not null))
            {
                foreach (var term in action.Terms ?? [])
                {
                    actionTerms.TryAdd(TermRules.Key(term), action.Id);
                }
            }

            var measuresByTerm = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            for (var i = 0; i < measures.Count; i++)
            {
                foreach (var key in (measures[i]?.Terms ?? []).Select(TermRules.Key).Where(k => k.Length > 0).Distinct())
                {
                    if (!measuresByTerm.TryGetValue(key, out var ids))
                    {
                        measuresByTerm[key] = ids = [];
                    }

                    if (!ids.Contains(measures[i].Id))
                    {
                        ids.Add(measures[i].Id); // a repeated id is reported as such, not as a shared term
                    }
                }
            }

            var names = Names();
            var dateTermOwner = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < measures.Count; i++)
            {
                var m = measures[i];
                var terms = m?.Terms ?? [];
                for (var j = 0; j < terms.Count; j++)
                {
                    var key = TermRules.Key(terms[j] ?? "");
                    if (key.Length == 0)
                    {
                        continue;
                    }

                    var path = $"$.measures[{i}].terms[{j}]";
                    if (actionTerms.TryGetValue(key, out var actionId))
                    {
                        Add(path, $"'{terms[j]}' is a term of action '{actionId}': give the measure \"action\": \"{actionId}\" and keep its own terms for phrases specific to it");
                    }
                    else if (measuresByTerm[key].Count > TermRules.MaxMeasuresPerTerm)
                    {
                        var others = measuresByTerm[key].Where(id => id != m!.Id).ToList();
                        Add(path, $"'{terms[j]}' names {measuresByTerm[key].Count} measures (also {string.Join(", ", others.Take(4))}{(others.Count > 4 ? ", ..." : "")}): "
                            + "a term shared by more than two measures names none of them; declare it once in an action and give these measures that action");
                    }

                    if (m!.Kind != MeasureKinds.Date)
                    {
                        continue;
                    }

                    if (TermRules.WhyNotAnEventName(terms[j], names) is { } why)
                    {
                        Add(path, $"'{terms[j]}' {why}: a date measure's term must name its event specifically ('Fort Dix riot', 'amnesty decree of September 1955'), "
                            + "or name it by action and place or population; otherwise a right date for another event reads as a contradiction");
                    }
                    else if (dateTermOwner.TryGetValue(key, out var other) && other != m.Id)
                    {
                        Add(path, $"'{terms[j]}' also names date measure '{other}': a date for one event would be judged against the other's; give each event its own name");
                    }
                    else
                    {
                        dateTermOwner.TryAdd(key, m.Id);
                    }
                }
            }
        }

        /// <summary>Keys of every place, group and person name: alone, they name no event.</summary>
        private HashSet<string> Names()
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            IEnumerable<string> All(string? name, IReadOnlyList<string>? more) => (more ?? []).Append(name ?? "");
            foreach (var key in (set.Places ?? []).Where(p => p is not null).SelectMany(p => All(p.Name, p.Terms))
                         .Concat((set.Populations ?? []).Where(p => p is not null).SelectMany(p => All(p.Name, p.Terms)))
                         .Concat((set.People ?? []).Where(p => p is not null).SelectMany(p => All(p.Name, p.Aliases)))
                         .Select(TermRules.Key))
            {
                names.Add(key);
            }

            return names;
        }

        /// <summary>
        /// weak: the fact rests on popular or weak sources, and only then. contested: a scholarly or archival figure
        /// others dispute, with a note naming who.
        /// </summary>
        private void CheckStanding(string path, Fact f)
        {
            var cited = (f.Sources ?? []).Select(r => r?.Source is { } id && _sources.TryGetValue(id, out var s) ? s : null)
                .OfType<Source>().ToList();
            if (cited.Count == 0)
            {
                return; // the source references are reported already
            }

            var scholarly = cited.Where(s => SourceReliabilities.IsScholarly(s.Reliability)).Select(s => $"{s.Id} ({s.Reliability})").ToList();
            if (f.Weak && scholarly.Count > 0)
            {
                Add($"{path}.weak", $"is weak but cites {string.Join(", ", scholarly)}: weak is only for facts resting on popular or weak sources; "
                    + "for a scholarly or archival figure that others dispute use \"contested\": true with a note naming who disputes it");
            }
            else if (f.Weak && !cited.Any(s => SourceReliabilities.IsPopular(s.Reliability)))
            {
                Add($"{path}.weak", "is weak but cites no popular or weak source: weak means the fact rests on blogs, blurbs, abstracts or popular sites; "
                    + "drop it, or use \"contested\": true with a note naming who disputes the figure");
            }
            else if (!f.Weak && cited.All(s => SourceReliabilities.IsPopular(s.Reliability)))
            {
                Add($"{path}.weak", $"rests only on popular or weak sources ({string.Join(", ", cited.Select(s => s.Id))}): mark it \"weak\": true with a note saying why");
            }

            if (f.Weak && f.Contested)
            {
                Add($"{path}.contested", "a fact is weak (it rests on popular sources) or contested (scholars dispute it), not both");
            }

            if ((f.Weak || f.Contested) && string.IsNullOrWhiteSpace(f.Note))
            {
                Add($"{path}.note", f.Weak ? "a weak fact needs a note saying why its sources are weak" : "a contested fact needs a note naming who contests it");
            }
        }

        /// <summary>A fact that credits a person cites that person's own work, not only an encyclopedia that reports it.</summary>
        private void CheckCredit(string path, Fact f)
        {
            if (f.EstimateBy is null || !_people.TryGetValue(f.EstimateBy, out var person))
            {
                return;
            }

            var cited = (f.Sources ?? []).Select(r => r?.Source is { } id && _sources.TryGetValue(id, out var s) ? s : null).OfType<Source>().ToList();
            var surname = FactIndex.NormaliseName(person.Name).Split(' ').LastOrDefault() ?? "";
            bool ByPerson(Source s) => surname.Length > 0 && FactIndex.NormaliseName(s.Author).Split(' ').Contains(surname);
            if (cited.Count > 0 && cited.All(s => s.Reliability == SourceReliabilities.Reference && !ByPerson(s)))
            {
                Add($"{path}.estimateBy", $"credits '{person.Id}' but cites only encyclopedias ({string.Join(", ", cited.Select(s => s.Id))}): "
                    + $"cite {person.Name}'s own work (the encyclopedia's address goes in that source's seenAt), or drop estimateBy");
            }
        }

        /// <summary>Two facts of one measure with the same value or date, period and estimator say one thing twice.</summary>
        private void CheckDuplicateFacts()
        {
            var facts = set.Facts ?? [];
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            var seenIds = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < facts.Count; i++)
            {
                var f = facts[i];
                if (f?.Measure is null || !_measures.TryGetValue(f.Measure, out var measure) || (f.Id is not null && !seenIds.Add(f.Id)))
                {
                    continue; // unknown measures and repeated ids are reported as such
                }

                // A date is not an estimate: the same date from two sources is one fact with two sources.
                var estimator = measure.Kind == MeasureKinds.Date ? "" : f.EstimateBy ?? FactIndex.NormaliseName(f.EstimateByName ?? "");
                var key = string.Join('|', f.Measure, Describe(f.Value), Describe(f.Date), Describe(f.Period), estimator);
                if (first.TryGetValue(key, out var k))
                {
                    Add($"$.facts[{i}]", $"says the same as $.facts[{k}] ('{facts[k].Id}'): same measure, {(f.Date is null ? "value" : "date")}, period and estimator; merge their sources into one fact");
                }
                else
                {
                    first[key] = i;
                }
            }

            static string Describe(object? value) => value switch
            {
                FactValue v => $"{v.Low}-{v.High}",
                FactDate d => $"{d.From}/{d.To}",
                _ => "",
            };
        }

        private void CheckOffices()
        {
            var offices = set.Offices ?? [];
            for (var i = 0; i < offices.Count; i++)
            {
                if (offices[i] is not { } o)
                {
                    continue; // the schema reports the null entry
                }

                var path = $"$.offices[{i}]";
                CheckSourceRefs(path, o.Sources);
                if (o.Person is null || !_people.ContainsKey(o.Person))
                {
                    Add($"{path}.person", $"unknown person '{o.Person}'");
                }

                if (string.IsNullOrWhiteSpace(o.Office))
                {
                    Add($"{path}.office", "an office needs its title");
                }

                if (o.From is not null)
                {
                    CheckDate(path, new FactDate { From = o.From, To = o.To });
                }
                else if (o.To is not null && !FactDates.TryParseBound(o.To, out _, out _))
                {
                    Add($"{path}.to", $"'{o.To}' is not an ISO date or prefix (1945, 1945-02, 1945-02-11)");
                }

                CheckDate($"{path}.heldOn", o.HeldOn);
            }
        }

        private void CheckWorks()
        {
            var works = set.Works ?? [];
            for (var i = 0; i < works.Count; i++)
            {
                if (works[i] is null)
                {
                    continue; // the schema reports the null entry
                }

                var path = $"$.works[{i}]";
                CheckSourceRefs(path, works[i].Sources);
                if (works[i].Authors is null || works[i].Authors.Count == 0)
                {
                    Add($"{path}.authors", "a work needs at least one author");
                }

                CheckPeople($"{path}.authors", works[i].Authors);
            }
        }

        private void CheckQuotations()
        {
            var quotations = set.Quotations ?? [];
            for (var i = 0; i < quotations.Count; i++)
            {
                if (quotations[i] is null)
                {
                    continue; // the schema reports the null entry
                }

                var q = quotations[i];
                var path = $"$.quotations[{i}]";
                CheckSourceRefs(path, q.Sources);
                if (q.Speaker is null || !_people.ContainsKey(q.Speaker))
                {
                    Add($"{path}.speaker", $"unknown person '{q.Speaker}'");
                }

                if (q.Work is not null && !_works.Contains(q.Work))
                {
                    Add($"{path}.work", $"unknown work '{q.Work}'");
                }

                if (!QuotationStatuses.All.Contains(q.Status))
                {
                    Add($"{path}.status", $"unknown status '{q.Status}' (expected {string.Join(", ", QuotationStatuses.All)})");
                }
            }
        }

        private void CheckActs()
        {
            var acts = set.Acts ?? [];
            for (var i = 0; i < acts.Count; i++)
            {
                if (acts[i] is null)
                {
                    continue; // the schema reports the null entry
                }

                var a = acts[i];
                var path = $"$.acts[{i}]";
                CheckSourceRefs(path, a.Sources);
                if (a.Actors is null || a.Actors.Count == 0)
                {
                    Add($"{path}.actors", "an act needs at least one actor");
                }

                CheckPeople($"{path}.actors", a.Actors);
                CheckPeople($"{path}.wronglyCredited", a.WronglyCredited);
                CheckDate($"{path}.date", a.Date);
            }
        }
    }
}

/// <summary>Thrown when a fact set fails validation; carries every problem found.</summary>
public sealed class InvalidFactSetException(string origin, IReadOnlyList<FactSetProblem> problems)
    : Exception($"The fact set from {origin} is invalid: {string.Join("; ", problems.Take(5))}{(problems.Count > 5 ? $" (and {problems.Count - 5} more)" : "")}")
{
    public IReadOnlyList<FactSetProblem> Problems { get; } = problems;
}

/// <summary>Parses and validates fact-set JSON into a snapshot; the one path every host loads through.</summary>
public static class FactSetLoader
{
    public static FactSetSnapshot Load(string json, string origin, string? etag, DateTimeOffset loadedAt)
    {
        var problems = FactSetValidator.Validate(json);
        if (problems.Count > 0)
        {
            throw new InvalidFactSetException(origin, problems);
        }

        return new FactSetSnapshot(FactSetJson.Parse(json), etag, loadedAt, origin);
    }

    public static FactSetSnapshot LoadShipped(TimeProvider? time = null) =>
        Load(ShippedFactSet.ReadJson(), ShippedFactSet.Origin, null, (time ?? TimeProvider.System).GetUtcNow());
}
