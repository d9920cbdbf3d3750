namespace ManageBooking.Admin.ViewModels;

/// <summary>The editor with the policy as the customer will read it.</summary>
public sealed record BookingPageEditViewModel(Guid? Id, string Slug, BookingPageForm Form, PolicyPreview Preview)
{
    public IReadOnlyList<(Guid Id, string Name)> Calendars { get; init; } = [];

    public bool IsNew => Id is null;

    public string Action => IsNew ? "/admin/pages/new" : $"/admin/pages/{Id}";
}
