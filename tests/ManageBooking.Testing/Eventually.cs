namespace ManageBooking.Tests.Infrastructure;

/// <summary>
/// Waits for something another process does (a background send, a start-up), checking it again and again until a
/// generous deadline: the deadline only bounds a hung test, it is never the assertion.
/// </summary>
public static class Eventually
{
    public static async Task<bool> ReachedAsync(Func<Task<bool>> condition, TimeSpan deadline)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var until = DateTime.UtcNow + deadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        return true;
    }
}
