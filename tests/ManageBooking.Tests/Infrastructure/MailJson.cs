using System.Text.Json;

namespace ManageBooking.Tests.Infrastructure;

/// <summary>Reads the parts of a decoded message.</summary>
public static class MailJson
{
    public static string Html(this JsonElement message) => Part(message, "text/html").GetProperty("text").GetString()!;

    public static string Text(this JsonElement message) => Part(message, "text/plain").GetProperty("text").GetString()!;

    public static JsonElement Calendar(this JsonElement message) => Part(message, "text/calendar");

    public static string Subject(this JsonElement message) => message.GetProperty("subject").GetString()!;

    private static JsonElement Part(JsonElement message, string type)
        => message.GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("type").GetString() == type);
}
