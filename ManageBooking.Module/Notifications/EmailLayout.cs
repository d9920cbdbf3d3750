using System.Net;

namespace ManageBooking.Notifications;

/// <summary>The frame around every email body: inline styles, since mail clients ignore style sheets.</summary>
public static class EmailLayout
{
    public static string Wrap(string bodyHtml, string title)
        => $"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>{WebUtility.HtmlEncode(title)}</title></head>
            <body style="margin:0;padding:24px;background:#f5f6f8;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1b1f24;line-height:1.5">
            <div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #d3d8df;border-radius:10px;padding:24px">
            {bodyHtml}
            </div>
            <p style="max-width:560px;margin:16px auto 0;color:#4d5561;font-size:13px">Sent by ManageBooking.</p>
            </body></html>
            """;
}
