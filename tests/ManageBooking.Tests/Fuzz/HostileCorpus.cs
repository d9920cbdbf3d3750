using System.Globalization;
using System.Text;

namespace ManageBooking.Tests.Fuzz;

/// <summary>The hostile values of hostile-values.txt (dates at the edges of time, control and bidi characters, emoji fragments, injections, FTS5 syntax, odd emails).</summary>
public static class HostileCorpus
{
    public static IReadOnlyList<string> Values { get; } = Load();

    private static List<string> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fuzz", "hostile-values.txt");
        return [.. File.ReadAllLines(path, Encoding.UTF8).Where(l => !l.StartsWith("#!", StringComparison.Ordinal)).Select(l => l == @"\e" ? "" : Unescape(l))];
    }

    /// <summary>\\, \n, \r, \t and \uXXXX, which may spell a lone surrogate that no UTF-8 file can hold.</summary>
    private static string Unescape(string line)
    {
        var text = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] != '\\' || i + 1 >= line.Length)
            {
                text.Append(line[i]);
                continue;
            }

            var next = line[++i];
            switch (next)
            {
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case 'u':
                    text.Append((char)int.Parse(line.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default: text.Append(next); break;
            }
        }

        return text.ToString();
    }
}
