using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace ManageBooking;

/// <summary>The Scheduling menu: the items the enabled features registered that the signed-in user may open, in order.</summary>
public sealed class AdminMenu(IEnumerable<AdminMenuItem> items, IAuthorizationService authorization, IHttpContextAccessor http)
{
    public async Task<IReadOnlyList<(string Label, string Url)>> VisibleItemsAsync()
    {
        var user = http.HttpContext?.User;
        if (user is null)
        {
            return [];
        }

        var visible = new List<(string, string)>();
        foreach (var item in items.OrderBy(i => i.Position))
        {
            if ((await authorization.AuthorizeAsync(user, item.Permission.Name)).Succeeded)
            {
                visible.Add((item.Label, item.Url));
            }
        }

        return visible;
    }
}
