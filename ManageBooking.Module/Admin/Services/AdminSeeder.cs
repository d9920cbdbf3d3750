using System.Security.Claims;
using ManageBooking.Data;
using ManageBooking.Options;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageBooking.Admin.Services;

/// <summary>Keeps the default roles and their permissions (adding any a later version brings), and creates the configured first administrator.</summary>
public sealed partial class AdminSeeder(
    RoleManager<IdentityRole> roles,
    UserManager<IdentityUser> users,
    IOptions<AdminOptions> options,
    ILogger<AdminSeeder> logger) : IStoreSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var (name, permissions) in Permissions.DefaultRoles)
        {
            var role = await roles.FindByNameAsync(name);
            if (role is null)
            {
                role = new IdentityRole(name);
                Check(await roles.CreateAsync(role));
            }

            // A permission added in a later version (Manage staff) reaches the roles of an existing site too.
            var held = (await roles.GetClaimsAsync(role)).Where(c => c.Type == Permissions.ClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var permission in permissions.Where(p => !held.Contains(p.Name)))
            {
                Check(await roles.AddClaimAsync(role, new Claim(Permissions.ClaimType, permission.Name)));
            }
        }

        var email = options.Value.Email;
        var password = options.Value.Password;
        if (!string.IsNullOrWhiteSpace(email) && !string.IsNullOrEmpty(password) && await users.FindByEmailAsync(email) is null)
        {
            var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            Check(await users.CreateAsync(user, password));
            Check(await users.AddToRoleAsync(user, Permissions.AdministratorRole));
            LogCreated(email);
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Setting up the admin failed: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the administrator {Email} from configuration")]
    private partial void LogCreated(string email);
}
