using System.Collections.Concurrent;
using CsCheck;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Models;
using OpenStackSnapshot.Client.Paging;
using OpenStackSnapshot.Client.Snapshots;
using Xunit;
using Xunit.Abstractions;

namespace OpenStackSnapshot.Client.Tests.Fuzz;

/// <summary>
/// Thousands of generated answers through every client call: each call ends in its result or in an
/// OpenStackException of a defined kind, in bounded time; never another exception. The cases come from CsCheck's
/// generators driven by one fixed seed, so every run sends the same thousands of answers and a failure names its case.
/// </summary>
public class ResponseFuzzTests(ITestOutputHelper output)
{
    /// <summary>How the cases ended (a result, or the error kind): printed, and checked to reach both results and errors.</summary>
    private readonly ConcurrentDictionary<string, int> _ends = new();
    private readonly ConcurrentDictionary<string, string> _firstMessage = new();

    private const string Seed = "0N0XIzNsQ0O2";
    private static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(30);

    /// <summary>Keystone signs in normally (unless fuzzed too); every other request gets the same fuzzed answer.</summary>
    private sealed class FuzzTransport(FuzzedAnswer compute, FuzzedAnswer? token = null) : HttpMessageHandler
    {
        public int Sent;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Sent);
            var keystone = request.RequestUri!.ToString() == FakeTransport.TokensUrl;
            HttpResponseMessage response;
            if (keystone && token == null) response = ValidToken();
            else if (keystone) { response = token!.ToResponse(); response.Headers.TryAddWithoutValidation("X-Subject-Token", "gAAAAA-fuzz"); }
            else response = compute.ToResponse();
            response.RequestMessage = request;
            return Task.FromResult(response);
        }

        private static HttpResponseMessage ValidToken()
        {
            var body = FakeTransport.TokenBody(DateTime.UtcNow.AddHours(1), FakeTransport.Catalog());
            var response = FakeTransport.Respond(201, body, "application/json", "req-keystone-0001");
            response.Headers.TryAddWithoutValidation("X-Subject-Token", "gAAAAA-fuzz");
            return response;
        }
    }

    private static readonly Func<OpenStackSession, Task>[] Calls =
    {
        s => s.Snapshots.GetAsync("fe06e9f2-e6b0-47d1-a63e-c0a15ad51994", TestCloud.Call()),
        s => s.Snapshots.CreateAsync(new NewSnapshot(TestCloud.VolumeId, "n"), TestCloud.Call()),
        s => s.Snapshots.CreateAsync(new NewSnapshot(TestCloud.VolumeId), TestCloud.Call()),
        s => s.Snapshots.DeleteAsync("fe06e9f2-e6b0-47d1-a63e-c0a15ad51994", TestCloud.Call()),
        s => ReadAll(s.Snapshots.List()),
        s => s.Volumes.GetAsync(TestCloud.VolumeId, TestCloud.Call()),
        s => ReadAll(s.Volumes.List()),
        s => new SnapshotWait(s.Snapshots, WaitGoal.Available, new[] { "fe06e9f2-e6b0-47d1-a63e-c0a15ad51994" }).PollAsync(TestCloud.Call()),
        s => new SnapshotWait(s.Snapshots, WaitGoal.Deleted, new[] { "a", "b" }).PollAsync(TestCloud.Call()),
    };

    private static async Task ReadAll<T>(Pager<T> pager)
    {
        while (await pager.NextAsync(TestCloud.Call()) != null) { }
    }

    /// <summary>The call's end: null for a result, the kind for an OpenStackException; anything else fails the case.</summary>
    private async Task Ends(Func<Task> call)
    {
        var run = call();
        if (await Task.WhenAny(run, Task.Delay(CallLimit)) != run) Assert.Fail($"the call did not end within {CallLimit.TotalSeconds} s");
        var end = "result";
        try
        {
            await run;
        }
        catch (OpenStackException e)
        {
            Assert.True(Enum.IsDefined(e.Kind), $"undefined kind {e.Kind}");
            Assert.False(string.IsNullOrWhiteSpace(e.Message), "an empty message");
            end = e.Kind.ToString();
            _firstMessage.TryAdd(end, e.Message);
        }
        _ends.AddOrUpdate(end, 1, (_, n) => n + 1);
    }

    /// <summary>The fuzz reached both sides: results, and several kinds of error, unreadable answers among them.</summary>
    private void Reached(int cases, params string[] ends)
    {
        output.WriteLine(string.Join(", ", _ends.OrderByDescending(e => e.Value).Select(e => $"{e.Key} {e.Value}")));
        foreach (var (kind, message) in _firstMessage) output.WriteLine($"  {kind}: {message}");
        Assert.Equal(cases, _ends.Values.Sum());
        foreach (var end in ends) Assert.True(_ends.ContainsKey(end), $"no case ended as {end}");
    }

    /// <summary>
    /// The cases, one after another from one seeded PCG. (CsCheck's Sample seeds only its first iteration and draws
    /// the rest at random, which made which error kinds were reached differ from run to run.)
    /// </summary>
    private static async Task Replay<T>(Gen<T> gen, int cases, Func<T, Task> check)
    {
        var pcg = PCG.Parse(Seed);
        for (var i = 0; i < cases; i++)
        {
            var value = gen.Generate(pcg, null!, out _);
            try
            {
                await check(value);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"case {i} of seed {Seed}, {value}: {e.Message}");
            }
        }
    }

    private async Task Through(FuzzedAnswer answer, int call, int retries)
    {
        var fake = new FuzzTransport(answer);
        var options = TestCloud.Options(new FakeTransport());
        options.Transport = () => fake;
        options.Retries(retries);
        options.RetryBudget = TimeSpan.FromSeconds(1);
        using var session = await OpenStackSession.ConnectAsync(options, TestCloud.Call());
        await Ends(() => Calls[call](session));
    }

    [Fact]
    public async Task EveryCall_UnderAnyAnswer_EndsInItsResultOrAnOpenStackException()
    {
        await Replay(Gen.Select(FuzzedAnswers.Answer, Gen.Int[0, Calls.Length - 1]), 3000, c => Through(c.Item1, c.Item2, retries: 0));
        Reached(3000, "result", "InvalidResponse", "NotFound", "ServerError", "ServiceUnavailable", "BadRequest", "AuthenticationFailed");
    }

    [Fact]
    public async Task EveryCall_WithRetries_UnderAnswersThatAskForNoWait_Ends()
    {
        await Replay(Gen.Select(FuzzedAnswers.AnswerWithNoWait, Gen.Int[0, Calls.Length - 1]), 1000, c => Through(c.Item1, c.Item2, retries: 2));
        Reached(1000, "result", "InvalidResponse", "ServiceUnavailable");
    }

    [Fact]
    public async Task SignIn_UnderAnyTokenAnswer_EndsInASessionOrAnOpenStackException()
    {
        await Replay(FuzzedAnswers.Answer, 1000, async answer =>
        {
            var options = TestCloud.Options(new FakeTransport());
            var fake = new FuzzTransport(answer, token: answer);
            options.Transport = () => fake;
            await Ends(async () => (await OpenStackSession.ConnectAsync(options, TestCloud.Call())).Dispose());
        });
        Reached(1000, "result", "InvalidResponse", "AuthenticationFailed");
    }
}
