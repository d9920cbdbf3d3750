namespace ManageBooking.Data;

/// <summary>Something a feature puts in the store at start-up, after the migrations; it must be safe to run every time.</summary>
public interface IStoreSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
