namespace Repatriation.Functions.Tests;

public class ProjectSmokeTests
{
    [Fact]
    public void Assembly_Loads_HasName() => Assert.Equal("Repatriation.Functions.Tests", typeof(ProjectSmokeTests).Assembly.GetName().Name);
}
