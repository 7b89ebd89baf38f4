namespace Repatriation.Core.Extraction;

/// <summary>
/// The vocabulary the extractor tells claims from non-claims by. Lookups take spans so that checking
/// the word next to a candidate allocates nothing.
/// </summary>
internal static class Words
{
    /// <summary>Capitalised words that start sentences or clauses and are never part of a name.</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Stop = Set(StringComparer.Ordinal,
        "The", "A", "An", "In", "On", "At", "By", "For", "From", "With", "But", "And", "Or", "However", "When", "While",
        "Whilst", "After", "Before", "During", "Although", "Though", "Since", "As", "If", "This", "That", "These",
        "Those", "It", "He", "She", "They", "We", "I", "You", "His", "Her", "Their", "Its", "Our", "My", "Some", "Many",
        "Most", "All", "Both", "Each", "Every", "No", "Not", "Yet", "Thus", "Hence", "Meanwhile", "Later", "Then",
        "There", "Here", "What", "Who", "Which", "Why", "How", "Where", "Unsurprisingly", "Regarding", "According",
        "Also", "Indeed", "Moreover", "Furthermore", "Nevertheless", "Still", "Even", "Only", "Such", "Among", "Under",
        "Between", "Upon", "Despite", "Instead", "Perhaps", "Later", "Finally", "Today", "Now", "One", "Another",
        "Whatever", "Nor", "So", "To", "Of", "Once", "Neither", "Either", "None", "Everyone", "Nobody", "Somebody",
        "Someone", "Anyone", "Everybody", "Rereading", "Reading", "Writing", "Recalling", "Describing", "Quoting");

    /// <summary>Ranks and offices that precede a name but are no part of it ("Lieutenant General Gryzlov signed").</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Ranks = Set(StringComparer.Ordinal,
        "General", "Gen.", "Lieutenant", "Lt.", "Lieut.", "Colonel", "Col.", "Major", "Maj.", "Captain", "Capt.", "Brigadier",
        "Brig.", "Admiral", "Adm.", "Marshal", "Field", "Sergeant", "Sgt.", "Corporal", "Private", "Commander", "Cdr.",
        "President", "Prime", "Minister", "Secretary", "Foreign", "Ambassador", "Premier", "Chancellor", "Ataman",
        "Professor", "Prof.", "Dr", "Dr.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Deputy", "Commissar", "Marshall",
        "Senator", "Congressman", "Governor", "Judge", "Justice", "Bishop", "Father", "Chief", "Home", "War", "State");

    /// <summary>Capitalised words that name peoples, places, institutions and events rather than people.</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NonPerson = Set(StringComparer.Ordinal,
        "Soviet", "Soviets", "British", "Britain", "American", "Americans", "America", "Russian", "Russians", "Russia",
        "German", "Germans", "Germany", "Allied", "Allies", "Western", "Eastern", "Red", "White", "Cossack", "Cossacks",
        "Ukrainian", "Ukrainians", "Ukraine", "Polish", "Poles", "Poland", "Yugoslav", "Yugoslavia", "French", "France",
        "English", "England", "Communist", "Communists", "Nazi", "Nazis", "NKVD", "SMERSH", "Gulag", "Gulags", "Army",
        "Union", "War", "World", "Government", "Office", "Ministry", "Committee", "Commission", "Conference",
        "Agreement", "Order", "Operation", "Camp", "Moscow", "London", "Washington", "Yalta", "Lienz", "Dachau",
        "Plattling", "Kempten", "Europe", "USSR", "UK", "US", "USA", "Stalinist", "January", "February", "March",
        "April", "May", "June", "July", "August", "September", "October", "November", "December", "Monday", "Tuesday",
        "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Christmas", "Easter", "God", "Church", "Chapter",
        "Article", "Section", "Part", "Parliament", "Cabinet", "Kremlin", "State", "Department", "Division", "Corps",
        "Regiment", "Brigade", "Republic", "Federation", "Empire", "Reich", "Wehrmacht", "Keelhaul", "Fort", "Dix",
        "Austria", "Italy", "Norway", "Carinthia", "Drau", "Spittal", "Judenburg", "Graz", "Vienna", "Berlin",
        "Potsdam", "Tehran", "Civil", "Second", "First", "Great", "Patriotic", "POWs", "POW", "Jewish", "Jews",
        "Orthodox", "Catholic", "Baltic", "Latvian", "Lithuanian", "Estonian", "Belarusian", "Georgian", "Armenian",
        "Kalmyk", "Kalmyks", "Tatar", "Tatars", "Chechen", "Chechens", "Vlasovite", "Vlasovites", "Home", "House",
        "Commons", "Lords", "Times", "Guardian", "Telegraph", "Independent", "Review", "Journal", "Press", "University",
        "Archive", "Archives", "Museum", "Library", "Institute", "Council", "Court", "Tribunal", "Supreme", "Command",
        "Headquarters", "Eighth", "Fifth", "Third", "Fourth", "Sixth", "Seventh", "Ninth", "Tenth", "Democrat",
        "Republican", "Labour", "Conservative", "Tory", "Whitehall", "Downing", "Street", "Europeans", "European",
        "Asia", "Siberia", "Kolyma", "Vorkuta", "Magadan", "Austrian", "Italian", "Norwegian", "Swiss", "Swedish",
        "Liechtenstein", "Canadian", "Canada", "Australian", "Scottish", "Irish", "Welsh", "Ally", "Axis", "Human", "Rights",
        "Nations", "United", "Cross", "Commissariat", "Defence", "Defense", "Affairs", "Internal", "People", "People's",
        "Peoples", "Security", "Refugee", "Refugees", "Relief", "Administration", "Red Cross", "Embassy", "Legation", "Mission",
        "Board", "Bureau", "Agency", "Service", "Services", "Police", "Navy", "Air", "Force", "Forces", "Staff", "Headquarter");

    /// <summary>Nouns that, right after a year-like number, show the number counts people or things.</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CountNouns = Set(StringComparer.OrdinalIgnoreCase,
        "men", "women", "children", "people", "persons", "soldiers", "prisoners", "pows", "cossacks", "officers",
        "civilians", "refugees", "troops", "émigrés", "emigres", "inmates", "deaths", "victims", "families", "russians",
        "ukrainians", "individuals", "dead", "killed", "executed", "returnees", "repatriates", "citizens", "others",
        "more", "of", "died", "suicides", "trains", "wagons", "lorries", "trucks", "guards", "cases",
        "kilometres", "kilometers", "miles", "km", "tons", "tonnes", "dollars", "pounds", "roubles", "rubles");

    /// <summary>
    /// Words before a number that make it part of an identifier (document, page, volume, list, article):
    /// "No. 270", "p. 258", "Article 58", "f. 9526", "Order 270".
    /// </summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> IdentifierPrefixes = Set(StringComparer.OrdinalIgnoreCase,
        "p.", "pp.", "vol.", "vols.", "vol", "vols", "no.", "nos.", "nos", "no", "ch.", "chap.", "art.", "arts.", "fig.",
        "figs.", "sec.", "para.", "paras.", "op.", "f.", "d.", "ff.", "fol.", "fols.", "n.", "nn.", "l.", "ll.", "col.",
        "cols.", "t.", "ed.", "doc.", "§", "§§", "№", "#", "chapter", "chapters", "section", "sections", "article",
        "articles", "clause", "clauses", "paragraph", "paragraphs", "directive", "decree", "resolution", "protocol",
        "appendix", "annex", "volume", "volumes", "issue", "page", "pages", "footnote", "footnotes", "fond", "opis",
        "delo", "listy", "stalag", "oflag");

    /// <summary>Identifier words that only mark an identifier when capitalised ("Order 270", not "in order 270 men…").</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CapitalisedIdentifierPrefixes = Set(StringComparer.Ordinal,
        "Order", "Orders", "Camp", "War", "Number", "Army", "Corps", "Division", "Group", "Front", "Fleet", "Convoy", "Train",
        "Transport", "Block", "Barrack", "Barracks", "Hut", "Room", "Platform", "Gate", "Route", "Highway", "Part", "Parts",
        "Table", "Figure", "Note", "Notes", "Item", "Items", "Series", "Box", "File", "Reel", "Folder", "Sheet", "Line",
        "Verse", "List", "Edition", "Tome", "Book", "Plate", "Map", "Exhibit", "Document", "Telegram", "Memorandum",
        "Report", "Instruction", "Ordinance", "Law", "Code", "Rule", "Regulation", "Step", "Phase", "Stage", "Version",
        "Issue", "Act", "Directive", "Decree", "Resolution", "Protocol", "Annex", "Appendix");

    /// <summary>Words that come before "half" when it names part of a period, not a share ("the second half of 1945").</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> HalfOfPeriod = Set(StringComparer.OrdinalIgnoreCase,
        "first", "second", "latter", "former", "other", "the", "one", "a");

    /// <summary>Adjectives and adverbs after "most" that make it a superlative, not a share ("most likely", "most famous").</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SuperlativeAfterMost = Set(StringComparer.OrdinalIgnoreCase,
        "important", "famous", "notable", "likely", "prominent", "significant", "recent", "common", "notorious",
        "infamous", "powerful", "senior", "effective", "brutal", "tragic", "controversial", "difficult", "reliable",
        "cited", "quoted", "detailed", "complete", "comprehensive", "authoritative", "influential", "shameful",
        "disgraceful", "shocking", "striking", "serious", "dramatic", "vivid", "accurate", "precise", "careful",
        "thorough", "widely", "often", "frequently", "probably", "certainly", "clearly", "notably", "of", "part");

    /// <summary>Words before "most" that make it a superlative or an idiom ("the most", "at most").</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BeforeSuperlativeMost = Set(StringComparer.OrdinalIgnoreCase,
        "the", "at", "a", "one", "among", "his", "her", "their", "its", "our", "my", "your", "whose", "what", "which",
        "this", "that", "those", "these");

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(StringComparer comparer, params string[] words) =>
        new HashSet<string>(words, comparer).GetAlternateLookup<ReadOnlySpan<char>>();
}
