namespace Repatriation.Infra.Tests;

public class ProjectSmokeTests
{
    [Fact]
    public void Assembly_Loads_HasName() => Assert.Equal("Repatriation.Infra.Tests", typeof(ProjectSmokeTests).Assembly.GetName().Name);
}
