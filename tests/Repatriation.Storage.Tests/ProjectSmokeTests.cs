namespace Repatriation.Storage.Tests;

public class ProjectSmokeTests
{
    [Fact]
    public void Assembly_Loads_HasName() => Assert.Equal("Repatriation.Storage.Tests", typeof(ProjectSmokeTests).Assembly.GetName().Name);
}
