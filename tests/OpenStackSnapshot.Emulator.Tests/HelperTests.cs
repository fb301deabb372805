using System.Text.Json;
using OpenStackSnapshot.Emulator.Http;
using Xunit;

namespace OpenStackSnapshot.Emulator.Tests;

/// <summary>The pure helpers: Python's repr of JSON values and the command line.</summary>
public sealed class HelperTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Theory]
    [InlineData("null", "None")]
    [InlineData("true", "True")]
    [InlineData("\"it's\"", "\"it's\"")]
    [InlineData("\"a\\\"b'c\"", "'a\"b\\'c'")]
    [InlineData("\"tab\\there\\n\"", "'tab\\there\\n'")]
    [InlineData("\"caf\u00e9 \\u0007\"", "'caf\u00e9 \\x07'")]
    [InlineData("12", "12")]
    [InlineData("-0", "0")]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890")]
    [InlineData("1.0", "1.0")]
    [InlineData("1e2", "100.0")]
    [InlineData("0.0001", "0.0001")]
    [InlineData("0.00001", "1e-05")]
    [InlineData("1e16", "1e+16")]
    [InlineData("1234567890123456.0", "1234567890123456.0")]
    [InlineData("-2.5", "-2.5")]
    [InlineData("[1, \"a\", {}]", "[1, 'a', {}]")]
    [InlineData("{\"b\": 1, \"a\": [null], \"b\": 2}", "{'b': 2, 'a': [None]}")]
    public void Repr_prints_json_values_as_python_does(string json, string expected)
    {
        Assert.Equal(expected, PythonRepr.Repr(Parse(json)));
    }

    [Fact]
    public void Str_prints_a_top_level_string_bare()
    {
        Assert.Equal("string", PythonRepr.Str(Parse("\"string\"")));
        Assert.Equal("{'a': 'b'}", PythonRepr.Str(Parse("{\"a\": \"b\"}")));
        Assert.Equal("None", PythonRepr.Str(null));
    }

    [Fact]
    public void Command_line_reads_every_option_in_both_spellings()
    {
        var parsed = CommandLine.Parse(["--port", "8774", "--page-limit=5", "--snapshot-delay-ms", "250",
            "--token-ttl-seconds=60", "--compute-url-with-project", "true", "--exit-on-stdin-close"]);

        Assert.Equal(8774, parsed.Options.Port);
        Assert.Equal(5, parsed.Options.PageLimit);
        Assert.Equal(250, parsed.Options.SnapshotDelayMs);
        Assert.Equal(60, parsed.Options.TokenTtlSeconds);
        Assert.True(parsed.Options.ComputeUrlWithProject);
        Assert.True(parsed.ExitOnStdinClose);
    }

    [Fact]
    public void Command_line_defaults_match_the_readme()
    {
        var parsed = CommandLine.Parse([]);

        Assert.Equal(0, parsed.Options.Port);
        Assert.Equal(1000, parsed.Options.PageLimit);
        Assert.Equal(0, parsed.Options.SnapshotDelayMs);
        Assert.Equal(3600, parsed.Options.TokenTtlSeconds);
        Assert.False(parsed.Options.ComputeUrlWithProject);
        Assert.False(parsed.ExitOnStdinClose);
        Assert.False(CommandLine.Parse(["--compute-url-with-project", "false"]).Options.ComputeUrlWithProject);
    }

    [Theory]
    [InlineData("--port")]
    [InlineData("--port", "x")]
    [InlineData("--page-limit", "0")]
    [InlineData("--bogus")]
    [InlineData("--compute-url-with-project=maybe")]
    public void Command_line_rejects_bad_input(params string[] args)
    {
        Assert.Throws<FormatException>(() => CommandLine.Parse(args));
    }
}
