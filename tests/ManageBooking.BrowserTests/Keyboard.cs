using System.Text.Json;
using Microsoft.Playwright;

namespace ManageBooking.BrowserTests;

/// <summary>Moves through a page with the Tab key only, checking on every stop that focus can be seen.</summary>
public static class Keyboard
{
    /// <summary>
    /// The focused control, and whether its ring shows: a slot's radio is invisible and rings the time beside it. The
    /// ring must be at least 2px wide and reach 3:1 against the page (WCAG 2.4.7 and 1.4.11).
    /// </summary>
    private const string FocusScript = """
        () => {
          const el = document.activeElement;
          if (!el || el === document.body) return { description: 'body', visible: true };
          const ringed = el.matches('.mb-slot input') ? el.nextElementSibling : el;
          const style = getComputedStyle(ringed);
          const rgb = c => (c.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
          const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
            .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
          const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
          const page = rgb(getComputedStyle(document.body).backgroundColor);
          const box = ringed.getBoundingClientRect();
          const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
          return {
            description: `${el.tagName.toLowerCase()} "${(el.innerText || el.value || el.getAttribute('aria-label') || el.name || '').trim().split('\n')[0].slice(0, 40)}"`,
            visible: ring && ratio(rgb(style.outlineColor), page) >= 3 && box.width > 0 && box.height > 0,
            contrast: ratio(rgb(style.outlineColor), page),
          };
        }
        """;

    /// <summary>Presses Tab until the control matching <paramref name="selector"/> has focus; fails on an invisible focus on the way.</summary>
    public static async Task TabToAsync(IPage page, string selector, int maxPresses = 80)
    {
        ArgumentNullException.ThrowIfNull(page);

        // A page just posted to may still be loading its stylesheets, and until they apply the focus ring is the
        // browser's thin default: a loaded machine once saw exactly that. Asked of the document itself, polled: waiting
        // for Playwright's load event once missed a document that had committed while the wait began, and timed out.
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
        var path = new List<string>();
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<JsonElement>(FocusScript);
            var description = focus.GetProperty("description").GetString()!;
            path.Add(description);
            Assert.True(focus.GetProperty("visible").GetBoolean(), $"Focus on {description} cannot be seen ({page.Url}).");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {selector} on {page.Url}; it went: {string.Join(" → ", path)}");
    }
}
