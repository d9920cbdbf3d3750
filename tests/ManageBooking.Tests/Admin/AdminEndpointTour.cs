using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ManageBooking.Models.Outbox;
using ManageBooking.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Tests.Admin;

/// <summary>
/// One real request to every admin endpoint the site maps, made as a given role: what the role's permissions allow
/// answers and takes effect; everything else answers 403 and changes nothing. The list of requests must cover every
/// mapped admin endpoint, so a new endpoint fails the tour until it is added here.
/// </summary>
public sealed class AdminEndpointTour(ManageBookingApp app, HttpClient administrator)
{
    /// <summary>Reachable before signing in: the sign-in pages and the one-time set-password link.</summary>
    public static readonly string[] OpenRoutes = ["admin/login", "admin/setup", "admin/denied", "admin/password/{token}"];

    /// <summary>
    /// What each role may do, written out here rather than read from the code's own tables, so a permission given to
    /// the wrong role (or an action guarded by the wrong one) fails the tour.
    /// </summary>
    private static readonly Dictionary<string, string[]> Grants = new(StringComparer.Ordinal)
    {
        [Permissions.AdministratorRole] = ["ViewBookings", "ManageBookings", "ManageBookingPages", "ManageNotifications", "ManageSettings", "ManageStaff"],
        [Permissions.BookingManagerRole] = ["ViewBookings", "ManageBookings"],
        [Permissions.EditorRole] = ["ManageBookingPages", "ManageSettings"],
    };

    /// <param name="Route">The endpoint's route template, as mapped.</param>
    /// <param name="Requires">The permission the action needs, by this test's account (null: being signed in).</param>
    /// <param name="Url">The concrete address requested.</param>
    /// <param name="FormPage">For a POST: the page whose form (by its action) gives the fields, read as an administrator.</param>
    /// <param name="Values">Fields added to or replacing the form's.</param>
    /// <param name="Changes">Whether the action, when allowed, changes what the site stores.</param>
    /// <param name="Shows">Whether the POST, when allowed, answers with a page (200) rather than redirecting: a preview.</param>
    private sealed record Step(string Method, string Route, string Url, string? Requires, string? FormPage, (string Name, string Value)[] Values, bool Changes = true, bool Shows = false);

    /// <summary>The mapped admin endpoints (method and route) with the permissions each requires; null for "signed in".</summary>
    public static IReadOnlyList<(string Method, string Route, IReadOnlyList<string?> Policies)> MappedEndpoints(ManageBookingApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Route: e.RoutePattern.RawText!.TrimStart('/')))
            .Where(e => e.Route.StartsWith("admin", StringComparison.OrdinalIgnoreCase) && !OpenRoutes.Contains(e.Route))
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (method, e.Route, (IReadOnlyList<string?>)[.. e.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy)])))];
    }

    /// <summary>
    /// Visits every admin endpoint as <paramref name="client"/>, signed in with <paramref name="role"/>, and returns what
    /// went wrong (empty when each answer matched the role).
    /// </summary>
    public async Task<IReadOnlyList<string>> RunAsync(HttpClient client, string role, string targetStaffId)
    {
        ArgumentNullException.ThrowIfNull(client);
        var ids = await ArrangeAsync();
        var steps = Steps(ids, targetStaffId, role);
        var problems = new List<string>();
        var mapped = MappedEndpoints(app);
        foreach (var missing in mapped.Where(m => !steps.Any(s => s.Method == m.Method && s.Route == m.Route)))
        {
            problems.Add($"{missing.Method} {missing.Route} is mapped but the tour does not visit it: add a step");
        }

        var held = Grants[role];
        foreach (var step in steps)
        {
            var endpoint = mapped.SingleOrDefault(m => m.Method == step.Method && m.Route == step.Route);
            if (endpoint.Route is null)
            {
                problems.Add($"{step.Method} {step.Route}: no such endpoint is mapped");
                continue;
            }

            var allowed = step.Requires is null || held.Contains(step.Requires);
            var before = await FingerprintAsync();
            using var response = step.Method == "GET"
                ? await client.GetAsync(new Uri(step.Url, UriKind.Relative))
                : await PostAsync(client, step);
            var after = await FingerprintAsync();
            var status = (int)response.StatusCode;
            var location = response.Headers.Location?.OriginalString ?? "";
            var name = $"{role}: {step.Method} {step.Url}";
            if (!allowed)
            {
                if (response.StatusCode != HttpStatusCode.Forbidden)
                {
                    problems.Add($"{name} should be forbidden but answered {status} {location}");
                }

                if (before != after)
                {
                    problems.Add($"{name} was forbidden yet changed the store");
                }

                continue;
            }

            // A page answers 200 (the admin's home sends on to the first screen the role may open); an action redirects.
            var redirectedWithin = response.StatusCode == HttpStatusCode.Redirect
                && !location.StartsWith("/admin/login", StringComparison.Ordinal) && !location.StartsWith("/admin/denied", StringComparison.Ordinal);
            var answered = step.Method == "GET" || step.Shows ? response.StatusCode == HttpStatusCode.OK || (step.Url == "/admin" && redirectedWithin)
                : step.Url == "/admin/logout" ? location == "/admin/login" && await SignedOutAsync(client)
                : redirectedWithin;
            if (!answered)
            {
                problems.Add($"{name} is allowed but answered {status} {location}: {Snippet(await response.Content.ReadAsStringAsync())}");
            }
            else if (step.Changes && step.Method != "GET" && before == after)
            {
                problems.Add($"{name} is allowed and answered {status} but changed nothing");
            }
        }

        return problems;
    }

    private static async Task<bool> SignedOutAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/admin/bookings", UriKind.Relative));
        var location = response.Headers.Location;
        return location is not null && (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString).StartsWith("/admin/login", StringComparison.Ordinal);
    }

    /// <summary>The messages a refused form shows, to say why.</summary>
    private static string Snippet(string body)
        => string.Join(" / ", new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body)
            .QuerySelectorAll(".mb-field-error, .mb-alert").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));

    /// <summary>
    /// The fields of the page's form (hidden ones too, but the administrator's antiforgery token), as the administrator
    /// sees them now, with the step's values; posted with the client's own antiforgery token from the admin layout.
    /// </summary>
    private async Task<HttpResponseMessage> PostAsync(HttpClient client, Step step)
    {
        var fields = new List<KeyValuePair<string, string>>();
        if (step.FormPage is not null)
        {
            var page = await HtmlPage.GetAsync(administrator, step.FormPage);
            var form = page.QuerySelectorAll<IHtmlFormElement>("form").FirstOrDefault(f => f.GetAttribute("action") == step.Url)
                ?? throw new InvalidOperationException($"{step.FormPage} has no form posting to {step.Url}");
            fields.AddRange(form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
                .Where(i => i.Name != "__RequestVerificationToken")
                .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)));
            fields.AddRange(HtmlPage.FormValues(form, step.Values).Select(v => new KeyValuePair<string, string>(v.Name, v.Value)));
        }
        else
        {
            fields.AddRange(step.Values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)));
        }

        using var start = await client.GetAsync(new Uri("/admin", UriKind.Relative));
        var home = await HtmlPage.GetAsync(client, start.Headers.Location!.OriginalString);
        var token = home.QuerySelector("form[action='/admin/logout'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        fields.Add(new("__RequestVerificationToken", token));
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(step.Url, UriKind.Relative), content);
    }

    private sealed record Ids(Guid Cancel, Guid Move, Guid Approve, Guid Decline, Guid Page, Guid Rule, Guid Failed, Guid DoomedRule)
    {
        public Guid CancelSession { get; init; }

        public Guid MoveSession { get; init; }

        /// <summary>A booking whose session has started, to mark attendance on.</summary>
        public Guid Attend { get; init; }
    }

    /// <summary>Bookings for each action (two awaiting approval), a failed delivery to retry.</summary>
    private async Task<Ids> ArrangeAsync()
    {
        using var anonymous = app.CreateClient();
        async Task BookAsync(string slug, string start, Dictionary<string, object>? answers = null)
        {
            using var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(
                anonymous,
                new Uri($"/api/booking-pages/{slug}/bookings", UriKind.Relative),
                new { name = "Ada Lovelace", email = "ada@example.com", timeZone = "Europe/London", starts = new[] { start }, answers });
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"booking answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var plans = new Dictionary<string, object> { ["plans"] = "A spring launch of our new bakery." };
        await BookAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        await BookAsync("30-minute-meeting", "2026-03-03T11:00:00-05:00");
        await BookAsync("marketing-call", "2026-03-03T13:00:00-05:00", plans);
        await BookAsync("marketing-call", "2026-03-04T13:00:00-05:00", plans);
        var (bookings, page, rule, failed) = await app.QueryAsync(async db => (
            await db.Bookings.OrderBy(b => b.FirstStartUtc).Select(b => b.Id).ToListAsync(),
            await db.BookingPages.Where(p => p.Slug == "30-minute-meeting").Select(p => p.Id).SingleAsync(),
            (await db.NotificationRules.OrderBy(r => r.Order).FirstAsync()).Id,
            await db.OutboxMessages.OrderBy(m => m.CreatedUtc).Select(m => m.Id).FirstAsync()));
        var doomed = new Models.Notifications.NotificationRule { Name = "Tour: to delete " + Guid.NewGuid(), Event = Models.Notifications.BookingEvent.Declined, Order = 1000 };
        await app.ArrangeAsync(async db =>
        {
            var message = await db.OutboxMessages.SingleAsync(m => m.Id == failed);
            message.Status = OutboxStatus.Failed;
            message.LastError = "Refused: the test made it fail";
            db.NotificationRules.Add(doomed);
        });

        // A session that has started (two hours before the clock's noon), as only one can be marked attended or missed.
        await BookAsync("30-minute-meeting", "2026-03-03T14:00:00-05:00");
        var attend = await app.QueryAsync(db => db.Bookings.Where(b => !bookings.Contains(b.Id)).Select(b => b.Id).SingleAsync());
        await app.ArrangeAsync(async db =>
        {
            var booking = await db.Bookings.Include(b => b.Sessions).SingleAsync(b => b.Id == attend);
            var session = booking.Sessions.Single();
            var shift = new DateTime(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc) - session.StartUtc;
            (session.StartUtc, session.EndUtc) = (session.StartUtc + shift, session.EndUtc + shift);
            (session.BlockedStartUtc, session.BlockedEndUtc) = (session.BlockedStartUtc + shift, session.BlockedEndUtc + shift);
            booking.FirstStartUtc = session.StartUtc;
        });
        var sessions = await app.QueryAsync(db => db.BookingSessions.Where(s => s.BookingId == bookings[0] || s.BookingId == bookings[1]).ToDictionaryAsync(s => s.BookingId, s => s.Id));
        return new Ids(bookings[0], bookings[1], bookings[2], bookings[3], page, rule, failed, doomed.Id)
        {
            CancelSession = sessions[bookings[0]],
            MoveSession = sessions[bookings[1]],
            Attend = attend,
        };
    }

    private static List<Step> Steps(Ids ids, string target, string role)
    {
        var invitee = role.Replace(' ', '-').ToLowerInvariant() + "-invitee@example.test";
        var booking = $"/admin/bookings/{ids.Move}";
        var review = $"{booking}/reschedule/review?session={ids.MoveSession}&start={Uri.EscapeDataString("2026-03-05T10:00:00-05:00")}";
        var cancel = $"/admin/bookings/{ids.Cancel}/cancel?session={ids.CancelSession}";
        return
        [
            new("GET", "admin", "/admin", null, null, []),
            new("GET", "admin/bookings", "/admin/bookings", "ViewBookings", null, []),
            new("GET", "admin/bookings/{id:guid}", booking, "ViewBookings", null, []),
            new("GET", "admin/bookings/export.csv", "/admin/bookings/export.csv?filter=all", "ViewBookings", null, []),
            new("GET", "admin/calendar", "/admin/calendar", "ViewBookings", null, []),
            new("GET", "admin/outbox", "/admin/outbox", "ViewBookings", null, []),
            new("GET", "admin/pages", "/admin/pages", "ManageBookingPages", null, []),
            new("GET", "admin/pages/{id:guid}", $"/admin/pages/{ids.Page}", "ManageBookingPages", null, []),
            new("GET", "admin/pages/new", "/admin/pages/new", "ManageBookingPages", null, []),
            new("GET", "admin/pages/policy-preview", "/admin/pages/policy-preview?ManageEnabled=true&CancelCutoffHours=24", "ManageBookingPages", null, []),
            new("GET", "admin/notifications", "/admin/notifications", "ManageNotifications", null, []),
            new("GET", "admin/notifications/{id:guid}", $"/admin/notifications/{ids.Rule}", "ManageNotifications", null, []),
            new("GET", "admin/notifications/new", "/admin/notifications/new", "ManageNotifications", null, []),
            new("GET", "admin/notifications/{id:guid}/delete", $"/admin/notifications/{ids.DoomedRule}/delete", "ManageNotifications", null, []),
            new("GET", "admin/settings", "/admin/settings", "ManageSettings", null, []),
            new("GET", "admin/theme", "/admin/theme", "ManageSettings", null, []),
            new("GET", "admin/staff", "/admin/staff", "ManageStaff", null, []),
            new("GET", "admin/staff/{id:guid}", $"/admin/staff/{target}", "ManageStaff", null, []),
            new("GET", "admin/staff/audit", "/admin/staff/audit", "ManageStaff", null, []),
            new("GET", "admin/bookings/{id:guid}/reschedule", $"{booking}/reschedule?session={ids.MoveSession}", "ManageBookings", null, []),
            new("GET", "admin/bookings/{id:guid}/reschedule/review", review, "ManageBookings", null, []),
            new("GET", "admin/bookings/{id:guid}/cancel", cancel, "ManageBookings", null, []),
            new("GET", "admin/bookings/new", "/admin/bookings/new", "ManageBookings", null, []),
            new("GET", "admin/bookings/new/{pageId:guid}", $"/admin/bookings/new/{ids.Page}", "ManageBookings", null, []),
            new("POST", "admin/bookings/{id:guid}/cancel", $"/admin/bookings/{ids.Cancel}/cancel", "ManageBookings", cancel, [("reason", "Tour: " + role)]),
            new("POST", "admin/bookings/{id:guid}/reschedule", $"{booking}/reschedule", "ManageBookings", review, [("reason", "Tour: " + role)]),
            new("POST", "admin/bookings/{id:guid}/attendance", $"/admin/bookings/{ids.Attend}/attendance", "ManageBookings", $"/admin/bookings/{ids.Attend}", [("attendance", "NoShow")]),
            new("POST", "admin/bookings/new/{pageId:guid}", $"/admin/bookings/new/{ids.Page}", "ManageBookings", $"/admin/bookings/new/{ids.Page}",
                [("Name", "Tour " + role), ("Email", "tour@example.com"), ("TimeZone", "Europe/London"), ("Starts", "2026-03-06T10:00:00-05:00")]),
            new("POST", "admin/bookings/{id:guid}/approve", $"/admin/bookings/{ids.Approve}/approve", "ManageBookings", $"/admin/bookings/{ids.Approve}", []),
            new("POST", "admin/bookings/{id:guid}/decline", $"/admin/bookings/{ids.Decline}/decline", "ManageBookings", $"/admin/bookings/{ids.Decline}", [("reason", "Tour: " + role)]),
            new("POST", "admin/bookings/{id:guid}/regenerate-link", $"{booking}/regenerate-link", "ManageBookings", booking, []),
            new("POST", "admin/bookings/{id:guid}/resend", $"{booking}/resend", "ManageBookings", booking, []),
            new("POST", "admin/bookings/{id:guid}/answers", $"/admin/bookings/{ids.Approve}/answers", "ManageBookings", $"/admin/bookings/{ids.Approve}", [("values", "Tour: " + role)]),
            new("POST", "admin/bookings/{id:guid}/location", $"{booking}/location", "ManageBookings", booking, [("kind", "InPerson"), ("value", "1 Tour Street, " + role)]),
            new("POST", "admin/bookings/{id:guid}/request-reschedule", $"{booking}/request-reschedule", "ManageBookings", booking, [("message", "Tour: " + role)]),
            new("POST", "admin/bookings/{id:guid}/notes", $"{booking}/notes", "ManageBookings", booking, [("note", "Tour: " + role)]),
            new("POST", "admin/pages/{id:guid}", $"/admin/pages/{ids.Page}", "ManageBookingPages", $"/admin/pages/{ids.Page}", [("Title", "Renamed by " + role)]),
            new("POST", "admin/pages/new", "/admin/pages/new", "ManageBookingPages", "/admin/pages/new", [("Title", "New by " + role), ("Slug", "new-by-" + role.Replace(' ', '-').ToLowerInvariant()), ("OwnerName", "Owner"), ("OwnerEmail", "owner@example.test")]),
            new("POST", "admin/notifications/{id:guid}", $"/admin/notifications/{ids.Rule}", "ManageNotifications", $"/admin/notifications/{ids.Rule}", [("Name", "Renamed by " + role)]),
            new("POST", "admin/notifications/{id:guid}/test", $"/admin/notifications/{ids.Rule}/test", "ManageNotifications", $"/admin/notifications/{ids.Rule}", [("address", "test@example.test")]),
            new("POST", "admin/notifications/new", "/admin/notifications/new", "ManageNotifications", "/admin/notifications/new", [("Name", "New by " + role), ("Event", "Approved")]),
            new("POST", "admin/notifications/{id:guid}/enabled", $"/admin/notifications/{ids.Rule}/enabled", "ManageNotifications", "/admin/notifications", []),
            new("POST", "admin/notifications/preview", "/admin/notifications/preview", "ManageNotifications", null, PreviewValues, Changes: false, Shows: true),
            new("POST", "admin/notifications/{id:guid}/delete", $"/admin/notifications/{ids.DoomedRule}/delete", "ManageNotifications", $"/admin/notifications/{ids.DoomedRule}/delete", []),
            new("POST", "admin/outbox/{id:guid}/retry", $"/admin/outbox/{ids.Failed}/retry", "ManageNotifications", null, []),
            new("POST", "admin/theme", "/admin/theme", "ManageSettings", "/admin/theme", [("SiteName", "Renamed by " + role)]),
            new("POST", "admin/staff/invite", "/admin/staff/invite", "ManageStaff", null, [("Email", invitee), ("Role", Permissions.EditorRole)]),
            new("POST", "admin/staff/{id:guid}/role", $"/admin/staff/{target}/role", "ManageStaff", null, [("role", Permissions.EditorRole)]),
            new("POST", "admin/staff/{id:guid}/password-link", $"/admin/staff/{target}/password-link", "ManageStaff", null, []),
            new("POST", "admin/staff/{id:guid}/disable", $"/admin/staff/{target}/disable", "ManageStaff", null, []),
            new("POST", "admin/staff/{id:guid}/enable", $"/admin/staff/{target}/enable", "ManageStaff", null, []),
            new("POST", "admin/staff/{id:guid}/remove", $"/admin/staff/{target}/remove", "ManageStaff", null, []),
            new("POST", "admin/logout", "/admin/logout", null, null, [], Changes: false),
        ];
    }

    /// <summary>A form with one email task, as the editor's Preview button posts it.</summary>
    private static readonly (string Name, string Value)[] PreviewValues =
    [
        ("Event", "Confirmed"), ("Tasks[0].Id", "3f2a1c5e-0d4b-4c8e-9a6f-1b2c3d4e5f60"), ("Tasks[0].Kind", "SendEmail"), ("Tasks[0].Recipients", "Customer"),
        ("Tasks[0].Subject", "Tour {{page.title}}"), ("Tasks[0].Body", "<p>Tour</p>"), ("PreviewTask", "3f2a1c5e-0d4b-4c8e-9a6f-1b2c3d4e5f60"),
    ];

    /// <summary>What the admin's actions change, in one string: bookings' history, deliveries, audit, accounts, pages, rules, theme.</summary>
    private Task<string> FingerprintAsync() => app.QueryAsync(async db => string.Join(
        "|",
        await db.BookingHistory.CountAsync(),
        await db.BookingNotes.CountAsync(),
        string.Join(",", (await db.OutboxMessages.Select(m => m.Status).ToListAsync()).GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}")),
        await db.AuditEntries.CountAsync(),
        string.Join(",", (await db.Users.Select(u => u.Email + u.SecurityStamp + u.LockoutEnd).ToListAsync()).Order(StringComparer.Ordinal)),
        await db.UserRoles.CountAsync(),
        string.Join(",", (await db.BookingPages.Select(p => p.Version).ToListAsync()).Order()),
        string.Join(",", (await db.NotificationRules.Select(r => r.Name).ToListAsync()).Order(StringComparer.Ordinal)),
        string.Join(",", await db.ThemeSettings.Select(t => t.Version).ToListAsync())));
}
