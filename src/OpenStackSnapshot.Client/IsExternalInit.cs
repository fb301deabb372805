namespace System.Runtime.CompilerServices
{
    /// <summary>
    /// Lets the netstandard2.0 and net472 builds compile <c>init</c>. Declared in every build, net8.0's too: an init
    /// setter's signature names this type, and the module, compiled against netstandard2.0, must find the same one on .NET 8.
    /// </summary>
    internal static class IsExternalInit
    {
    }
}
