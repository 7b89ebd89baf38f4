using System.Text;

namespace Repatriation.Cli;

/// <summary>
/// Book-length manuscripts for the batch benchmark and the job tests, built from paragraphs of the kind an
/// author writing about the repatriations submits: figures, dates, attributions and quotations, some of them
/// right and some not, so the checker has real work. Chapter headings let the per-chapter summary work too.
/// </summary>
internal static class BenchManuscripts
{
    public static readonly IReadOnlyList<string> Paragraphs =
    [
        "At the Yalta Conference in February 1945 Churchill, Roosevelt and Stalin agreed that Soviet citizens liberated by the Western Allies would be handed over to the Soviet authorities. The agreement on prisoners of war and civilians was signed on 11 February 1945, and few of those who signed it foresaw how it would be carried out.",
        "By the end of 1945 more than two million Soviet citizens had been returned from the western zones of Germany and Austria. Some historians put the number repatriated from the western zones at about 2,272,000 by March 1946, a figure that includes prisoners of war, forced labourers and refugees.",
        "The handover of the Cossacks at Lienz began on 1 June 1945. British troops of the 8th Army moved the inhabitants of the Peggetz camp onto lorries and trains bound for the Soviet zone at Judenburg, and several hundred people died in the days that followed, some by their own hand.",
        "Nikolai Tolstoy wrote The Victims of Yalta in 1977, and Nicholas Bethell published The Last Secret in 1974. Both books drew on British files that had only recently been opened, and both argued that the Foreign Office had known what awaited those who were sent back.",
        "In June 1945 Soviet prisoners held at Fort Dix in New Jersey barricaded themselves in their barracks rather than board the ship that was to take them home. Three of them hanged themselves, and the rest were eventually handed over in a second attempt at the end of August.",
        "At Dachau in January 1946 American soldiers used tear gas to remove former Red Army soldiers from a church where they had gathered. Eleven men killed themselves before they could be loaded onto the trains, and others were wounded trying to do the same.",
        "The forcible repatriation at Plattling took place in February 1946, when some 1,600 men who had served in the Russian Liberation Army were taken from their camp at dawn and driven to the Soviet zone. Julius Epstein later called the whole policy Operation Keelhaul, the title of his book of 1973.",
        "Alexander Solzhenitsyn wrote that the Western Allies had handed over people who had never been Soviet citizens at all, émigrés who had left Russia after the civil war. Churchill said in 1945 that \"the Cossacks must be returned at once,\" an attribution no archive has confirmed.",
        "Estimates of how many of the returned were sent to camps vary widely. One Soviet study gives about 20 percent sentenced to forced labour, while other writers speak of several million people disappearing into the Gulag, a figure far beyond what the archives support.",
        "Between 1945 and 1947 the policy changed slowly. After December 1945 the Americans limited forcible return to those who had been captured in German uniform, had been Soviet citizens on 1 September 1939, or had collaborated with the enemy, and by 1947 forcible repatriation had effectively ended.",
        "The Soviet repatriation commission under General Golikov claimed that nearly 5.5 million citizens had been returned from abroad by 1953. Historians accept that the total, including those liberated by the Red Army itself, was of that order, though the share returned against their will cannot be known exactly.",
        "Lord Aldington, who as Brigadier Toby Low had been chief of staff of 5th Corps, sued Nikolai Tolstoy for libel in 1989 and was awarded £1.5 million in damages, a sum later found by the European Court of Human Rights to violate Tolstoy's freedom of expression.",
    ];

    /// <summary>About <paramref name="characters"/> characters of prose in chapters; <paramref name="seed"/> varies the order.</summary>
    public static string Generate(int characters, int seed = 0)
    {
        var text = new StringBuilder(characters + 2048);
        var chapter = 0;
        var i = seed;
        while (text.Length < characters)
        {
            if ((i - seed) % 24 == 0)
            {
                text.Append("Chapter ").Append(++chapter).Append("\n\n");
            }

            text.Append(Paragraphs[i % Paragraphs.Count]).Append("\n\n");
            i += 5; // coprime with the paragraph count, so neighbours change
        }

        return text.ToString();
    }
}
