using System.Text.RegularExpressions;
using Xunit;

namespace OpenStackSnapshot.Client.Tests;

/// <summary>
/// The client speaks only of OpenStack: which cmdlet or parameter to use is the cmdlet layer's to say (ErrorMap's
/// ParameterAdvice), so a message written in the client never names one.
/// </summary>
public class ClientWordsTests
{
    private static readonly Regex Literal = new(@"\$?@?""(?:[^""\\\n]|\\.)*""", RegexOptions.Compiled);
    private static readonly Regex PowerShellWords =
        new(@"\b(Connect|Disconnect|Get|New|Remove|Wait)-OS[A-Z]\w*|(^|[\s(])-[A-Z][a-z]+[A-Za-z]*\b", RegexOptions.Compiled);

    private static string ClientSources()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var client = Path.Combine(dir.FullName, "src", "OpenStackSnapshot.Client");
            if (File.Exists(Path.Combine(dir.FullName, "OpenStackSnapshot.sln")) && Directory.Exists(client)) return client;
        }
        throw new DirectoryNotFoundException("src/OpenStackSnapshot.Client was not found above the test's folder.");
    }

    [Fact]
    public void NoStringInTheClient_NamesACmdletOrAParameter()
    {
        var files = Directory.GetFiles(ClientSources(), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToList();
        Assert.True(files.Count > 20, "the client's sources were found");
        var found = (from file in files
                     from line in File.ReadLines(file).Select((text, i) => (text, number: i + 1))
                     where !line.text.TrimStart().StartsWith("//", StringComparison.Ordinal)
                     from Match literal in Literal.Matches(line.text)
                     where PowerShellWords.IsMatch(literal.Value)
                     select $"{Path.GetFileName(file)}:{line.number}: {literal.Value}").ToList();
        Assert.Empty(found);
    }

    [Theory]
    [InlineData("\"Add -Force to snapshot it\"")]
    [InlineData("$\"run Connect-OSCloud again\"")]
    [InlineData("\"raise -TimeoutSec\"")]
    public void TheCheck_CatchesCmdletAndParameterNames(string literal) => Assert.Matches(PowerShellWords, literal);

    [Theory]
    [InlineData("\"X-Auth-Token\"")]
    [InlineData("\"-----BEGIN CERTIFICATE-----\"")]
    [InlineData("\"parameter -\"")]
    public void TheCheck_LeavesHeadersAndPemAlone(string literal) => Assert.DoesNotMatch(PowerShellWords, literal);
}
