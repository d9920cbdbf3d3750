namespace ManageBooking.Tests.Infrastructure;

/// <summary>
/// Runs the Node scripts of tests/ManageBooking.Tests/Node with the independent implementations npm installed there
/// (./test.sh runs npm ci against the lock file): the OpenAPI validator and client generator, the Standard Webhooks
/// verifier, the Nu HTML Checker.
/// </summary>
public static class NodeTools
{
    /// <summary>The Node folder of the test sources, found from the build output by the solution file.</summary>
    public static string Folder => LazyFolder.Value;

    private static readonly Lazy<string> LazyFolder = new(FindFolder);

    /// <summary>Runs <paramref name="script"/> with node; returns its standard output, failing the test on a non-zero exit.</summary>
    public static async Task<string> RunAsync(string script, string? input = null, params string[] arguments)
    {
        var (exitCode, output, errors) = await RunProcessAsync("node", [Path.Combine(Folder, script), .. arguments], input);
        Assert.True(exitCode == 0, $"node {script} exited with {exitCode}:\n{errors}\n{output}");
        return output;
    }

    /// <summary>Runs any program from the Node folder; returns its exit code and what it wrote.</summary>
    public static Task<(int ExitCode, string Output, string Errors)> RunProcessAsync(string program, IReadOnlyList<string> arguments, string? input = null)
        => Processes.RunAsync(program, arguments, input, Folder);

    private static string FindFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "src.sln")))
        {
            directory = directory.Parent;
        }

        Assert.True(directory is not null, "The repository's root (src.sln) is not above the test's build output.");
        var folder = Path.Combine(directory!.FullName, "tests", "ManageBooking.Tests", "Node");
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules")), $"{folder}/node_modules is missing: run ./test.sh, which installs it with npm ci.");
        return folder;
    }
}
