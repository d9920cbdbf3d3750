using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using ManageBooking.Options;
using Microsoft.Extensions.Logging;

namespace ManageBooking.Security;

/// <summary>
/// The site's link keys: secret material that lives outside the database. Manage links are signed with the current key
/// (older keys still open the links they signed), and other secrets at rest can derive their own key from it with
/// <see cref="DeriveKey"/>, so that a copy of the database alone unlocks nothing.
/// </summary>
/// <remarks>
/// The keys come from configuration (<c>ManageBooking:LinkKeys:0</c> current, <c>:1</c> … older). Without them a SQLite
/// site (one node) uses one key file, <c>App_Data/manage-link.key</c>, created on first start and readable by the
/// site's user alone. Several PostgreSQL nodes must share one key, so a PostgreSQL site refuses to start without it.
/// </remarks>
public sealed partial class LinkKeyRing
{
    public const string ConfigurationKey = ManageBookingOptions.SectionName + ":LinkKeys";

    /// <summary>Where the embedded default keeps its key, relative to the site's content root.</summary>
    public const string KeyFilePath = "App_Data/manage-link.key";

    /// <summary>256 bits: as much as the HMAC-SHA256 that signs links can use.</summary>
    public const int MinimumKeyBytes = 32;

    private readonly ReadOnlyMemory<byte>[] _keys;

    private LinkKeyRing(ReadOnlyMemory<byte>[] keys, string source)
    {
        _keys = keys;
        Source = source;
    }

    /// <summary>Every accepted key, the current one first.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Keys => _keys;

    /// <summary>The key new links are signed with.</summary>
    public ReadOnlyMemory<byte> Current => _keys[0];

    /// <summary>Where the keys came from (the configuration key or the key file's path), for start-up messages; never the key.</summary>
    public string Source { get; }

    /// <summary>
    /// A key of <paramref name="length"/> bytes for another use (<paramref name="purpose"/> names it), derived from the
    /// current link key with HKDF-SHA256: the same on every node that shares the link key, and useless for signing links.
    /// </summary>
    public byte[] DeriveKey(string purpose, int length = 32) => Derive(Current, purpose, length);

    /// <summary>
    /// The same derivation from every accepted key, the current one first: what an older link key sealed stays open
    /// while that key is still configured.
    /// </summary>
    public IReadOnlyList<byte[]> DeriveKeys(string purpose, int length = 32) => [.. _keys.Select(key => Derive(key, purpose, length))];

    private static byte[] Derive(ReadOnlyMemory<byte> key, string purpose, int length)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, key.ToArray(), length, salt: [], info: Encoding.UTF8.GetBytes("ManageBooking:" + purpose));
    }

    /// <summary>
    /// Checks the configured keys as soon as configuration is read, so a bad or missing key stops the site before it
    /// touches the database. Throws with a message that names the key to set.
    /// </summary>
    public static void Validate(ManageBookingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = Parse(options.LinkKeys);
        if (configured.Length == 0 && options.Database.Provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException(
                $"ManageBooking:Database:Provider is Postgres but {ConfigurationKey}:0 is not set. Every node must sign manage links with the same key: " +
                $"set {ConfigurationKey}:0 (environment variable ManageBooking__LinkKeys__0) to the same {MinimumKeyBytes} random bytes in base64 on every node, " +
                "for example the output of `openssl rand -base64 32`. Keep it out of the database and of its backups.");
        }
    }

    /// <summary>The configured keys, or the key file under <paramref name="contentRootPath"/> (created when missing).</summary>
    public static LinkKeyRing Load(ManageBookingOptions options, string contentRootPath, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        Validate(options);
        var configured = Parse(options.LinkKeys);
        if (configured.Length > 0)
        {
            return new LinkKeyRing(configured, ConfigurationKey);
        }

        var path = Path.GetFullPath(Path.Combine(contentRootPath, KeyFilePath));
        var key = ReadOrCreateKeyFile(path, logger);
        return new LinkKeyRing([key], path);
    }

    private static ReadOnlyMemory<byte>[] Parse(string[]? texts)
    {
        var keys = new List<ReadOnlyMemory<byte>>();
        for (var i = 0; i < (texts?.Length ?? 0); i++)
        {
            var text = texts![i]?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                throw new InvalidOperationException($"{ConfigurationKey}:{i} is empty. Remove it, or set it to {MinimumKeyBytes} random bytes in base64 (`openssl rand -base64 32`).");
            }

            keys.Add(Decode(text) ?? throw new InvalidOperationException(
                $"{ConfigurationKey}:{i} is not a key: it must be at least {MinimumKeyBytes} random bytes in base64 (`openssl rand -base64 32`)."));
        }

        return [.. keys];
    }

    /// <summary>Standard or URL-safe base64 of at least <see cref="MinimumKeyBytes"/> bytes; null otherwise.</summary>
    private static byte[]? Decode(string text)
    {
        byte[] bytes;
        if (Base64Url.IsValid(text) && !text.Contains('='))
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        else
        {
            var buffer = new byte[text.Length];
            if (!Convert.TryFromBase64String(text, buffer, out var written))
            {
                return null;
            }

            bytes = buffer[..written];
        }

        return bytes.Length >= MinimumKeyBytes ? bytes : null;
    }

    private static byte[] ReadOrCreateKeyFile(string path, ILogger logger)
    {
        if (!File.Exists(path) && CreateKeyFile(path))
        {
            LogKeyFileCreated(logger, path);
        }
        else if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
        {
            LogKeyFileOpen(logger, path);
        }

        return Decode(File.ReadAllText(path).Trim())
            ?? throw new InvalidOperationException($"The link key file {path} does not hold a key. Restore it from a backup, or delete it to make a new one (every manage link sent so far then stops working).");
    }

    /// <summary>
    /// Writes the key to a private temporary file and renames it into place, under a lock file that one process holds at
    /// a time: of several processes starting at once, the first makes the key and the others, finding it there once they
    /// hold the lock, make none. (File.Move's no-overwrite is not atomic everywhere: .NET may check, then rename, and two
    /// processes could each put their own key in place and start with different keys.) The key file only ever appears
    /// whole, by a rename, so a process that finds it without taking the lock reads a complete key.
    /// </summary>
    private static bool CreateKeyFile(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var turn = TakeTurn(path + ".lock");
        if (File.Exists(path))
        {
            return false;
        }

        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream, Encoding.ASCII))
        {
            writer.WriteLine(Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinimumKeyBytes)));
        }

        File.Move(temporary, path, overwrite: false);
        return true;
    }

    /// <summary>
    /// The lock file, opened for this process alone (an exclusive flock on Unix, a share mode on Windows), waiting while
    /// another holds it: it is held only for the few milliseconds a key takes to write.
    /// </summary>
    private static FileStream TakeTurn(string lockPath)
    {
        var giveUp = Environment.TickCount64 + 30_000;
        while (true)
        {
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                return new FileStream(lockPath, options);
            }
            catch (IOException) when (Environment.TickCount64 < giveUp)
            {
                Thread.Sleep(10);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the manage-link key file {Path}. Back it up apart from the database: without it no manage link sent so far opens. Several nodes need ManageBooking:LinkKeys:0 instead.")]
    private static partial void LogKeyFileCreated(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The manage-link key file {Path} can be read by other users of this machine; make it readable by the site's user alone (chmod 600).")]
    private static partial void LogKeyFileOpen(ILogger logger, string path);
}
