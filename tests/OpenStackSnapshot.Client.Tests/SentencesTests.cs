using OpenStackSnapshot.Client.Errors;
using Xunit;

namespace OpenStackSnapshot.Client.Tests;

/// <summary>Messages put together from sentences end each one: a note appended never runs on from the text before it.</summary>
public class SentencesTests
{
    [Theory]
    [InlineData(new[] { "Connection refused (127.0.0.1:5)", "It was sent 4 times over 5 s" },
        "Connection refused (127.0.0.1:5). It was sent 4 times over 5 s.")]
    [InlineData(new[] { "Snapshot x could not be found.", "Check the id." }, "Snapshot x could not be found. Check the id.")]
    [InlineData(new[] { "Unavailable (HTTP 503, GET http://a/b, request id req-1)", "It was sent 2 times over 1 s" },
        "Unavailable (HTTP 503, GET http://a/b, request id req-1). It was sent 2 times over 1 s.")]
    [InlineData(new[] { "Is it there?", "Stop!", "A long page cut…", "(said so.)" }, "Is it there? Stop! A long page cut… (said so.)")]
    [InlineData(new[] { "  padded  ", null, "", "  ", "next" }, "padded. next.")]
    [InlineData(new[] { "one" }, "one.")]
    public void Join_EndsEverySentence_AndSkipsEmptyOnes(string?[] parts, string expected) =>
        Assert.Equal(expected, Sentences.Join(parts));

    [Fact]
    public void Join_OfNothing_IsEmpty() => Assert.Equal(string.Empty, Sentences.Join(null, " "));

    [Fact]
    public void AnExhaustedRetry_SaysHowOftenItWasSent_AfterAFullStop()
    {
        var e = new OpenStackException(
            OpenStackErrorKind.ConnectionFailed,
            "Could not reach http://127.0.0.1:5 for POST http://127.0.0.1:5/v3/auth/tokens: Connection refused (127.0.0.1:5)",
            null,
            new Exchange("POST", "http://127.0.0.1:5/v3/auth/tokens", retries: 9, triedFor: TimeSpan.FromSeconds(120)));

        Assert.Equal(
            "Could not reach http://127.0.0.1:5 for POST http://127.0.0.1:5/v3/auth/tokens: Connection refused (127.0.0.1:5). "
            + "It was sent 10 times over 120 s.",
            e.Message);
    }

    [Fact]
    public void EveryMessage_EndsAsASentence_EvenWithoutRetries() =>
        Assert.Equal(
            "Could not reach it: Connection refused.",
            new OpenStackException(OpenStackErrorKind.ConnectionFailed, "Could not reach it: Connection refused").Message);
}
