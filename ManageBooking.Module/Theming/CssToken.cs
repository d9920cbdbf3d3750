namespace ManageBooking.Theming;

/// <summary>One token of a style sheet, as CSS Syntax Level 3 reads it: where it is, and its value with escapes decoded.</summary>
internal readonly record struct CssToken(CssTokenKind Kind, int Start, int End, string Value);

/// <summary>The token kinds the sanitiser tells apart; numbers, hashes and the like are <see cref="Other"/>.</summary>
internal enum CssTokenKind
{
    Whitespace,
    Comment,
    String,
    Url,
    BadUrl,
    Ident,
    Function,
    AtKeyword,
    Colon,
    Semicolon,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    OpenBrace,
    CloseBrace,
    Other,
}
