namespace Repatriation.Api.Tests;

public class ProjectSmokeTests
{
    [Fact]
    public void Assembly_Loads_HasName() => Assert.Equal("Repatriation.Api.Tests", typeof(ProjectSmokeTests).Assembly.GetName().Name);
}
