namespace Repatriation.Core.Tests;

public class ProjectSmokeTests
{
    [Fact]
    public void Assembly_Loads_HasName() => Assert.Equal("Repatriation.Core.Tests", typeof(ProjectSmokeTests).Assembly.GetName().Name);
}
