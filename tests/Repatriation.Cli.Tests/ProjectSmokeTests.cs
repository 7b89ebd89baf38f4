namespace Repatriation.Cli.Tests;

public class ProjectSmokeTests
{
    [Fact]
    public void Assembly_Loads_HasName() => Assert.Equal("Repatriation.Cli.Tests", typeof(ProjectSmokeTests).Assembly.GetName().Name);
}
