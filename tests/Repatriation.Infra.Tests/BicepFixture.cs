using System.Text.Json;

namespace Repatriation.Infra.Tests;

/// <summary>Compiles and lints infra/ once for every test in the collection (each CLI run takes seconds).</summary>
public sealed class BicepFixture : IAsyncLifetime
{
    public const string MainTemplate = "main.bicep";
    public const string MainParameters = "main.bicepparam";
    public const string DropFolderTemplate = "dropfolder.bicep";

    public BicepResult Build { get; private set; } = null!;

    public BicepResult BuildParams { get; private set; } = null!;

    public BicepResult LintTemplate { get; private set; } = null!;

    public BicepResult LintParameters { get; private set; } = null!;

    public ArmTemplate Template { get; private set; } = null!;

    public BicepResult DropFolderBuild { get; private set; } = null!;

    public BicepResult DropFolderLint { get; private set; } = null!;

    /// <summary>The drop-folder subscription's template; its parameters have no values (they are deployment names).</summary>
    public ArmTemplate DropFolder { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var build = BicepCli.RunAsync(["build", MainTemplate, "--stdout"]);
        var buildParams = BicepCli.RunAsync(["build-params", MainParameters, "--stdout"]);
        var lintTemplate = BicepCli.RunAsync(["lint", MainTemplate]);
        var lintParameters = BicepCli.RunAsync(["lint", MainParameters]);
        var dropFolderBuild = BicepCli.RunAsync(["build", DropFolderTemplate, "--stdout"]);
        var dropFolderLint = BicepCli.RunAsync(["lint", DropFolderTemplate]);
        await Task.WhenAll(build, buildParams, lintTemplate, lintParameters, dropFolderBuild, dropFolderLint);
        (Build, BuildParams, LintTemplate, LintParameters) = (build.Result, buildParams.Result, lintTemplate.Result, lintParameters.Result);
        (DropFolderBuild, DropFolderLint) = (dropFolderBuild.Result, dropFolderLint.Result);

        Template = Build.ExitCode == 0 && BuildParams.ExitCode == 0
            ? new ArmTemplate(Build.StandardOutput, ParametersJson(BuildParams))
            : throw new InvalidOperationException($"Bicep could not compile infra/:\n{Build}\n{BuildParams}");
        DropFolder = DropFolderBuild.ExitCode == 0
            ? new ArmTemplate(DropFolderBuild.StandardOutput, """{"parameters": {}}""")
            : throw new InvalidOperationException($"Bicep could not compile infra/{DropFolderTemplate}:\n{DropFolderBuild}");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>build-params --stdout prints {"parametersJson": "…", "templateJson": "…"}, each a JSON document as a string.</summary>
    public static string ParametersJson(BicepResult buildParams) =>
        JsonDocument.Parse(buildParams.StandardOutput).RootElement.GetProperty("parametersJson").GetString()!;
}

[CollectionDefinition(Name)]
public sealed class BicepCollection : ICollectionFixture<BicepFixture>
{
    public const string Name = "Bicep";
}
