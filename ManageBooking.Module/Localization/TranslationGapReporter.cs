using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace ManageBooking.Localization;

/// <summary>
/// Wraps the resource localizers so that a customer-facing string with no translation in the reader's language is
/// logged as a warning: English text on a French page is a bug, and it should show in the logs, not only to customers.
/// English needs no lookup to succeed (the keys are English), and only <see cref="SharedText"/> is checked, since the
/// admin area is English for now.
/// </summary>
public sealed partial class TranslationGapReporter(IStringLocalizerFactory inner, ILogger<TranslationGapReporter> logger) : IStringLocalizerFactory
{
    // Once per language and string for the process's life: a gap is a defect to fix, not an event to count.
    private readonly ConcurrentDictionary<(string Culture, string Key), bool> _reported = new();

    public IStringLocalizer Create(Type resourceSource)
    {
        var localizer = inner.Create(resourceSource);
        return resourceSource == typeof(SharedText) ? new Reporting(localizer, this) : localizer;
    }

    public IStringLocalizer Create(string baseName, string location) => inner.Create(baseName, location);

    private void Check(LocalizedString text)
    {
        var culture = CultureInfo.CurrentUICulture;
        if (text.ResourceNotFound && culture.TwoLetterISOLanguageName is not ("en" or "iv") && _reported.TryAdd((culture.Name, text.Name), true))
        {
            LogGap(logger, culture.Name, text.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No {Culture} translation for \"{Key}\"")]
    private static partial void LogGap(ILogger logger, string culture, string key);

    private sealed class Reporting(IStringLocalizer inner, TranslationGapReporter reporter) : IStringLocalizer
    {
        public LocalizedString this[string name] => Checked(inner[name]);

        public LocalizedString this[string name, params object[] arguments] => Checked(inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        private LocalizedString Checked(LocalizedString text)
        {
            reporter.Check(text);
            return text;
        }
    }
}
