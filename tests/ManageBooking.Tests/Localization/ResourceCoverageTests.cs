using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using ManageBooking.Localization;
using ManageBooking.Models;
using ManageBooking.Policies;

namespace ManageBooking.Tests.Localization;

/// <summary>
/// The French resource holds every string the customer views ask for, including branches no page test happens to
/// render, and every refusal and status the code passes through the localizer.
/// </summary>
public sealed partial class ResourceCoverageTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");

    private static readonly ResourceSet Translations = new ResourceManager("ManageBooking.Resources.Localization.SharedText", typeof(SharedText).Assembly)
        .GetResourceSet(French, createIfNotExists: true, tryParents: false)
        ?? throw new InvalidOperationException("No French resources in the module.");

    public static TheoryData<string> CustomerViews()
    {
        var root = RepositoryRoot();
        var views = new TheoryData<string>();
        // The customer-facing feature's views and the theme; the admin's are English only (AdminText).
        foreach (var folder in new[] { "ManageBooking.Module/BookingPages/Views", "ManageBooking.Theme/Views" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cshtml", SearchOption.AllDirectories))
            {
                views.Add(Path.GetRelativePath(root, file));
            }
        }

        return views;
    }

    [Theory]
    [MemberData(nameof(CustomerViews))]
    public void EveryStringOfACustomerView_HasAFrenchTranslation(string view)
    {
        var keys = Localized().Matches(File.ReadAllText(Path.Combine(RepositoryRoot(), view))).Select(m => Regex.Unescape(m.Groups[1].Value)).ToList();

        var missing = keys.Where(k => string.IsNullOrEmpty(Translations.GetString(k))).ToList();

        Assert.True(missing.Count == 0, $"{view} has no French for: {string.Join(" | ", missing)}");
    }

    [Fact]
    public void EveryRefusalAndStatus_HasAFrenchTranslation()
    {
        var keys = Enum.GetValues<Refusal>().Where(r => r != Refusal.None).SelectMany(r => new[] { RefusalText.Title(r), RefusalText.Detail(r) })
            .Concat(Enum.GetNames<BookingStatus>());

        var missing = keys.Where(k => string.IsNullOrEmpty(Translations.GetString(k))).ToList();

        Assert.True(missing.Count == 0, "No French for: " + string.Join(" | ", missing));
    }

    [Fact]
    public void EveryTranslation_KeepsTheArgumentsOfItsEnglishText()
    {
        foreach (System.Collections.DictionaryEntry entry in Translations)
        {
            var english = Arguments().Matches((string)entry.Key).Select(m => m.Value).Order();
            var french = Arguments().Matches((string)entry.Value!).Select(m => m.Value).Order();
            Assert.True(english.SequenceEqual(french), $"\"{entry.Value}\" does not use the arguments of \"{entry.Key}\"");
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "src.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run the tests from inside the repository.");
    }

    [GeneratedRegex("""\bT\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex Localized();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Arguments();
}
