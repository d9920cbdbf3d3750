namespace ManageBooking.BookingPages.ViewModels;

/// <summary>What the booking form posts.</summary>
public sealed class BookingFormModel
{
    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? TimeZone { get; set; }

    /// <summary>The first day of the week being shown, to show the same week again after an error.</summary>
    public string? Date { get; set; }

    public List<string> Starts { get; set; } = [];
}
