using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace ManageBooking.Admin.Services;

/// <summary>
/// The path segment of a set-password link: the account's id and Identity's password-reset token (bound to the account's
/// security stamp, so it works once: setting the password changes the stamp), base64url so it is one URL-safe segment.
/// </summary>
public static class AccountLinkToken
{
    public const string PathPrefix = "admin/password/";

    public static string Encode(string userId, string identityToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(identityToken);
        return WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(userId + "\n" + identityToken));
    }

    /// <summary>False for anything that is not one of these, without saying why.</summary>
    public static bool TryDecode(string? token, out string userId, out string identityToken)
    {
        userId = "";
        identityToken = "";
        if (string.IsNullOrEmpty(token) || token.Length > 4000)
        {
            return false;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
            return false;
        }

        var split = text.IndexOf('\n', StringComparison.Ordinal);
        if (split <= 0 || split == text.Length - 1)
        {
            return false;
        }

        userId = text[..split];
        identityToken = text[(split + 1)..];
        return true;
    }
}
