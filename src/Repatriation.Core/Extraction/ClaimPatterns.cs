using System.Text.RegularExpressions;

namespace Repatriation.Core.Extraction;

/// <summary>
/// The source-generated patterns that find candidate claims. They only decide where a candidate
/// starts and ends; <see cref="FigureParser"/> and <see cref="DateParser"/> read its value, and the
/// extractor rejects identifiers, page numbers and list numbering by looking at the context.
/// Every repetition is bounded or over disjoint character classes, so no input backtracks badly.
/// </summary>
internal static partial class ClaimPatterns
{
    private const RegexOptions Words = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // A number may not continue a word, an identifier, a decimal, a time or a footnote glued to a word.
    private const string NotAfter = @"(?<![\p{L}\p{N}_.,:/=#&@’–-])";
    private const string NotBefore = @"(?![\p{L}0-9]|[.,][0-9]|:[0-9]|\()";

    private const string Digits = @"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?";
    private const string Scale = @"(?:\s*(?:million|billion|thousand|hundred)\b|(?:m|mn|bn|k)(?![\p{L}0-9]))";
    private const string Small =
        @"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine)\b)?" +
        @"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine)\b";
    private const string ScaleWord = @"(?:dozen|hundred|thousand|million|billion)\b";
    private const string WordNumber =
        @"\b(?:(?:half\s+a|a\s+quarter\s+of\s+a|a(?:\s+half)?)\s+" + ScaleWord + @"(?:\s+(?:thousand|million)\b)?" +
        @"|" + Small + @"(?:\s+and\s+a\s+half)?(?:\s+" + ScaleWord + @"){0,3})";
    private const string Currency = @"(?:US\$|\$|£|€)\s?";
    private const string Suffix = @"(?:\s?%|\s*per\s*cent\b|\s*percent\b|\s+(?:pounds(?:\s+sterling)?|dollars|roubles|rubles)\b)";
    private const string Amount = "(?:" + Currency + ")?(?:" + Digits + "(?:" + Scale + "|" + NotBefore + ")|" + WordNumber + ")" + Suffix + "?";
    private const string FigureSeparator = @"(?:\s*[-–—]\s*|\s+(?:to|and|or)\s+)";

    private const string FigureQualifier =
        @"(?:at\s+least|no\s+(?:fewer|less|more)\s+than|more\s+than|well\s+over|just\s+over|over|in\s+excess\s+of|upwards\s+of" +
        @"|a\s+minimum\s+of|nearly|almost|close\s+to|just\s+under|not\s+quite|about|some|around|approximately|approx\." +
        @"|roughly|c\.|ca\.|circa|an\s+estimated|estimated|perhaps|possibly|up\s+to|as\s+many\s+as|as\s+much\s+as" +
        @"|fewer\s+than|less\s+than|under|below|between|from|only|exactly|precisely|a\s+total\s+of)\s+";

    private const string Vague =
        @"\b(?:(?:several|a\s+few|few|a\s+couple\s+of|many)\s+(?:hundred|thousand|million)(?:\s+(?:thousand|million))?" +
        @"|(?:(?:many|countless|untold)\s+)?(?:tens|hundreds|thousands|millions|dozens)" +
        @"(?:\s*,?\s*(?:if\s+not|or\s+even|perhaps\s+even|and\s+possibly|or\s+possibly|possibly|maybe|or|even)\s+(?:tens|hundreds|thousands|millions))?" +
        @"(?:\s+(?:of|upon)\s+(?:thousands|millions))?)\b";

    private const string Fraction =
        @"(?:(?:a|one|two|three|four|five|seven|nine)[\s-](?:thirds|quarters|fifths|sixths|eighths|tenths)\b" +
        @"|(?:one|a)-(?:half|third|quarter|fifth|sixth|tenth)\b" +
        @"|(?:a|one)\s+(?:third|quarter|fifth|sixth|tenth)(?=\s+of\b)" +
        @"|half(?![\p{L}-]|\s+an?\s))";

    private const string ProportionWords =
        @"\b(?:(?:almost|nearly|virtually|practically)\s+all\b|(?:the|a)\s+(?:vast|great|large|small|narrow)\s+majority\b" +
        @"|(?:the|a)\s+majority\b|(?:the|a)\s+minority\b|most\b|" + Fraction + ")";

    /// <summary>Counts, ranges, percentages, proportions, money and vague quantities, with their qualifier.</summary>
    [GeneratedRegex(NotAfter + "(?:" + FigureQualifier + ")?(?:" + Vague + "|" + Amount + "(?:" + FigureSeparator + Amount + ")?|" + ProportionWords + ")", Words)]
    internal static partial Regex Figure();

    private const string Year = @"(?:19|20)[0-9]{2}(?![\p{L}0-9]|[.,][0-9]|:[0-9])";
    private const string Month =
        @"(?:January|February|March|April|May|June|July|August|September|October|November|December" +
        @"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![\p{L}])";
    private const string Day = @"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\p{L}0-9])";
    private const string Part = @"(?:early|mid|late|the\s+(?:end|beginning|start|middle)\s+of)";
    private const string Season = @"(?:spring|summer|autumn|fall|winter)";
    private const string FullDate = "(?:" + Day + @"\s+(?:of\s+)?" + Month + @",?\s+" + Year + "|" + Month + @"\s+" + Day + @",?\s+" + Year + ")";
    private const string IsoDate = @"(?:19|20)[0-9]{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?![0-9])";
    private const string MonthYear = "(?:" + Part + @"[\s-]*)?" + Month + @",?\s+(?:of\s+)?" + Year;
    private const string SeasonYear = @"(?:(?:early|mid|late)[\s-]*)?" + Season + @"\s+(?:of\s+)?" + Year + @"(?:\s*[/–-]\s*(?:" + Year + @"|[0-9]{2}(?![0-9])))?";
    private const string Decade = @"(?:(?:early|mid|late)[\s-]*)?(?:19|20)[0-9]0(?:s|’s|'s)\b";
    private const string PartYear = "(?:" + Part + @"[\s-]*)?" + Year;
    private const string DateAtom = "(?:" + IsoDate + "|" + FullDate + "|" + MonthYear + "|" + SeasonYear + "|" + Decade + "|" + PartYear + ")";
    private const string DateSeparator = @"(?:\s*[-–—/]\s*|\s+(?:to|until|till|through|and|or)\s+)";
    private const string DateQualifier =
        @"(?:between|from|c\.|ca\.|circa|about|around|approximately|before|after|by|until|till|since|as\s+of" +
        @"|as\s+early\s+as|as\s+late\s+as|not\s+later\s+than|no\s+later\s+than)\s+";

    /// <summary>Dates, months, seasons, years, decades and ranges of them (one candidate per range).</summary>
    [GeneratedRegex(NotAfter + "(?:" + DateQualifier + ")?(?:" +
        "(?:" + Day + @"(?:\s+(?:of\s+)?" + Month + ")?|" + Month + ")" + DateSeparator + "(?:" + FullDate + "|" + MonthYear + ")" +
        "|" + DateAtom + "(?:" + DateSeparator + "(?:" + DateAtom + @"|[0-9]{2}(?![0-9\p{L}])))?)", Words)]
    internal static partial Regex Date();

    /// <summary>Words that announce an attribution; the extractor reads the name around them.</summary>
    [GeneratedRegex(
        @"\b[Aa]ccording\s+to\s+" +
        @"|\b[Ii]n\s+the\s+words\s+of\s+" +
        @"|\bput\s+it\b" +
        @"|['’]s\s+(?:(?:19|20)[0-9]{2}\s+|(?:first|last|famous|classic|seminal|major|later|best-selling|controversial)\s+)?(?:book|study|memoir|memoirs|history|account|article|novel|monograph|essay|biography|diary|diaries|autobiography|dissertation|thesis|paper|documentary)\b" +
        @"|['’]s\s+(?=[“""‘]?\p{Lu})" +
        @"|,\s+in\s+(?=[“""‘]?\p{Lu})" +
        @"|\b(?:(?:was|were|been|is|are)\s+)?(?:written|signed|ordered|issued|decreed|authored|edited|compiled|published)\s+by\s+(?=\p{Lu}|the\s)" +
        @"|\bby\s+(?=\p{Lu})" +
        @"|\b(?:(?:has|had|have)\s+)?(?:wrote|written|writes|said|says|argued|argues|estimated|estimates|described|describes|recalled|recalls" +
        @"|claimed|claims|noted|notes|reported|reports|stated|states|calculated|calculates|signed|signs|ordered|orders|issued|issues" +
        @"|decreed|decrees|told|tells|asserted|asserts|insisted|insists|concluded|concludes|observed|observes|remarked|remarks" +
        @"|declared|declares|testified|testifies|admitted|admits|explained|explains|maintained|maintains|suggested|suggests" +
        @"|contended|contends|counted|counts|writing|describing|arguing|estimating|noting|claiming|recalling|reporting|stating" +
        @"|calculating|recounting|signing|ordering|issuing)\b",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    internal static partial Regex AttributionCue();
}
