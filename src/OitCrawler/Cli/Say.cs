namespace OitCrawler.Cli;

/// <summary>The console languages of <c>--lang</c>: Thai, English, or Thai with the English beneath (the default).</summary>
internal enum ConsoleLanguage
{
    Both,
    Th,
    En,
}

/// <summary>
/// What a command prints, one language per line: the Thai line, then the English one beneath it
/// (<c>--lang both</c>, the default), or only one of them.
/// </summary>
internal sealed class Say(TextWriter stdout, TextWriter stderr)
{
    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    public ConsoleLanguage Language { get; set; } = ConsoleLanguage.Both;

    /// <summary>A line of the command's result, on stdout.</summary>
    public void Line(string thai, string english) => Write(Out, string.Empty, thai, english);

    /// <summary>A progress note or warning, on stderr (so stdout stays the result).</summary>
    public void Note(string thai, string english) => Write(Error, string.Empty, thai, english);

    /// <summary>An error, on stderr, each line starting <c>oitcrawler: </c>.</summary>
    public void Fail(string thai, string english) => Write(Error, "oitcrawler: ", thai, english);

    /// <summary>Both texts as one string for the language: for text handed on (exception messages, reports).</summary>
    public string Pick(string thai, string english) => Language switch
    {
        ConsoleLanguage.Th => thai,
        ConsoleLanguage.En => english,
        _ => thai + Environment.NewLine + english,
    };

    private void Write(TextWriter writer, string prefix, string thai, string english)
    {
        if (Language != ConsoleLanguage.En)
        {
            writer.WriteLine(prefix + thai);
        }

        if (Language != ConsoleLanguage.Th)
        {
            writer.WriteLine(prefix + english);
        }
    }
}

/// <summary>A bad command line or set-up: the message says, in Thai and in English, what is wrong and what was expected.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string thai, string english)
        : base(english)
    {
        Thai = thai;
    }

    public UsageException()
        : this("ใช้คำสั่งไม่ถูกต้อง", "bad usage")
    {
    }

    public UsageException(string message)
        : this(message, message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
        Thai = message;
    }

    public string Thai { get; }
}
