using ManageBooking.Models;

namespace ManageBooking.Admin.Services;

/// <summary>What became of a page edit: saved, refused with problems by field ("" for the whole form), in conflict, or no such page.</summary>
public sealed record PageEditOutcome(PageEditResult Result, BookingPage? Page, IReadOnlyDictionary<string, string[]> Errors)
{
    private static readonly IReadOnlyDictionary<string, string[]> None = new Dictionary<string, string[]>();

    public static PageEditOutcome NotFound { get; } = new(PageEditResult.NotFound, null, None);

    public static PageEditOutcome Saved(BookingPage page) => new(PageEditResult.Saved, page, None);

    public static PageEditOutcome Invalid(BookingPage? page, IReadOnlyDictionary<string, string[]> errors) => new(PageEditResult.Invalid, page, errors);

    public static PageEditOutcome Conflict(BookingPage page, IReadOnlyDictionary<string, string[]> errors) => new(PageEditResult.Conflict, page, errors);
}
