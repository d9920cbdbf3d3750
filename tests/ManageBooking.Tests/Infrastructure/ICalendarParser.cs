using System.Diagnostics;
using System.Text.Json;

namespace ManageBooking.Tests.Infrastructure;

/// <summary>
/// Parses iCalendar text with a real parser, Debian's python3-icalendar (./test.sh installs it), through
/// Calendars/ics_parse.py: what a calendar program would read, not what this project's writer meant to write.
/// </summary>
public static class ICalendarParser
{
    private const string Python = "/usr/bin/python3";
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "Calendars", "ics_parse.py");

    /// <summary>One parsed calendar per text: method, component names, and the events with their properties.</summary>
    public static IReadOnlyList<JsonElement> Parse(params string[] calendars)
    {
        ArgumentNullException.ThrowIfNull(calendars);
        var folder = Directory.CreateTempSubdirectory("managebooking-ics-");
        try
        {
            var files = calendars.Select((text, i) =>
            {
                var path = Path.Combine(folder.FullName, $"{i}.ics");
                File.WriteAllText(path, text);
                return path;
            }).ToList();
            var start = new ProcessStartInfo(Python, [Script, .. files]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(start) ?? throw new InvalidOperationException(Python + " did not start");
            var output = process.StandardOutput.ReadToEnd();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"The iCalendar parser refused the file (is python3-icalendar installed? ./test.sh installs it): {errors}");
            }

            return [.. JsonDocument.Parse(output).RootElement.EnumerateArray().Select(e => e.Clone())];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
