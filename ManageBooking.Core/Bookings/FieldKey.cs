namespace ManageBooking.Bookings;

/// <summary>
/// The input a failure is about, by the name the API's JSON gives it. Pages and forms map a key to their own field, so
/// a message lands beside the right field whatever its wording or language.
/// </summary>
public sealed record FieldKey(string Name)
{
    public static readonly FieldKey CustomerName = new("name");
    public static readonly FieldKey Email = new("email");
    public static readonly FieldKey Phone = new("phone");
    public static readonly FieldKey TimeZone = new("timeZone");
    public static readonly FieldKey Starts = new("starts");
    public static readonly FieldKey Start = new("start");
    public static readonly FieldKey SessionId = new("sessionId");
    public static readonly FieldKey SessionIds = new("sessionIds");
    public static readonly FieldKey Reason = new("reason");
    public static readonly FieldKey From = new("from");
    public static readonly FieldKey To = new("to");
    public static readonly FieldKey Date = new("date");
    public static readonly FieldKey Body = new("body");
    public static readonly FieldKey Address = new("address");
    public static readonly FieldKey Location = new("location");
    public static readonly FieldKey Role = new("role");
    public static readonly FieldKey Password = new("password");
    public static readonly FieldKey Note = new("note");
    public static readonly FieldKey Message = new("message");
    public static readonly FieldKey Attendance = new("attendance");
    public static readonly FieldKey Page = new("page");
    public static readonly FieldKey Culture = new("culture");

    /// <summary>The answers object as a whole.</summary>
    public static readonly FieldKey Answers = new("answers");

    /// <summary>The key of a question whose answer a change is about.</summary>
    public static readonly FieldKey QuestionKey = new("key");

    /// <summary>The answer to one of a page's questions, as the API's answers object names it ("answers.budget").</summary>
    public static FieldKey Answer(string questionKey) => new("answers." + questionKey);

    public override string ToString() => Name;
}
