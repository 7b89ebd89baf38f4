using Repatriation.Core.Extraction;

namespace Repatriation.Core.Tests.Extraction;

public class NonClaimsLineStartTests
{
    [Fact]
    public void LineStart_EveryOffsetAndReach_AgreesWithAWalkBack()
    {
        // Lines of every length from empty to past the reach, and a text that opens without a newline.
        var random = new Random(11);
        var text = string.Concat(Enumerable.Range(0, 60).Select(_ => new string('x', random.Next(0, 90)) + "\n"));

        for (var reach = 0; reach <= 45; reach += 5)
        {
            for (var offset = 0; offset <= text.Length; offset++)
            {
                Assert.True(WalkBack(text, offset, reach) == NonClaims.LineStart(text, offset, reach), $"offset {offset}, reach {reach}");
            }
        }
    }

    [Theory]
    [InlineData("Published 1945", 10, 40, 0)]
    [InlineData("Title\nPublished 1945", 16, 40, 6)]
    [InlineData("a long line of prose before the year 1945", 37, 20, -1)]
    public void LineStart_Examples_FindsTheLineOrGivesUp(string text, int offset, int reach, int expected) =>
        Assert.Equal(expected, NonClaims.LineStart(text, offset, reach));

    private static int WalkBack(string text, int offset, int reach)
    {
        var p = offset;
        while (p > 0 && text[p - 1] != '\n')
        {
            if (offset - p > reach)
            {
                return -1;
            }

            p--;
        }

        return p;
    }
}
