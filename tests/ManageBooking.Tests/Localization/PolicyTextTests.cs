using System.Globalization;
using ManageBooking.Localization;
using ManageBooking.Models;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;

namespace ManageBooking.Tests.Localization;

/// <summary>The policy in words, in English and in French, read from the module's own resources.</summary>
public sealed class PolicyTextTests
{
    private static readonly PolicyText Policy = new(new StringLocalizer<SharedText>(
        new ResourceManagerStringLocalizerFactory(Microsoft.Extensions.Options.Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));

    [Theory]
    [InlineData(0, null, "en", "Bookings can be cancelled any time before they start.", "Bookings can be rescheduled any time before they start.")]
    [InlineData(24, 2, "en", "Bookings can be cancelled up to 24 hours before they start.", "Bookings can be rescheduled up to 2 times, up to 24 hours before they start.")]
    [InlineData(1.5, 1, "en", "Bookings can be cancelled up to 1 hour 30 minutes before they start.", "Bookings can be rescheduled once, up to 1 hour 30 minutes before they start.")]
    [InlineData(48, 0, "en", "Bookings can be cancelled up to 2 days before they start.", "Bookings can't be rescheduled online.")]
    [InlineData(24, 2, "fr", "Les réservations peuvent être annulées jusqu’à 24 heures avant leur début.", "Les réservations peuvent être déplacées jusqu’à 2 fois, jusqu’à 24 heures avant leur début.")]
    [InlineData(0.25, null, "fr", "Les réservations peuvent être annulées jusqu’à 15 minutes avant leur début.", "Les réservations peuvent être déplacées jusqu’à 15 minutes avant leur début.")]
    public void ThePolicy_ReadsAsASentenceInTheReadersLanguage(double cutoffHours, int? maxReschedules, string culture, string cancel, string reschedule)
    {
        var settings = new ManageSettings
        {
            CancelCutoff = TimeSpan.FromHours(cutoffHours),
            RescheduleCutoff = TimeSpan.FromHours(cutoffHours),
            MaxReschedules = maxReschedules,
        };
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(cancel, Policy.Cancel(settings));
            Assert.Equal(reschedule, Policy.Reschedule(settings));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
