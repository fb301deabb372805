using System;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;

namespace OpenStackSnapshot.Client.Http
{
    /// <summary>What a transport exception says about the network: read here once for the retry rules, the messages and the reconciler.</summary>
    internal static class NetworkFailure
    {
        /// <summary>No connection was opened (refused, the name not resolved, no route): the request never reached the server.</summary>
        public static bool IsConnectFailure(Exception e)
        {
            for (var inner = e; inner != null; inner = inner.InnerException)
            {
                if (inner is SocketException socket)
                    return socket.SocketErrorCode == SocketError.ConnectionRefused || socket.SocketErrorCode == SocketError.HostNotFound
                        || socket.SocketErrorCode == SocketError.TryAgain || socket.SocketErrorCode == SocketError.NetworkUnreachable
                        || socket.SocketErrorCode == SocketError.HostUnreachable;
                if (inner is WebException web && IsNoConnection(web.Status)) return true; // .NET Framework's handler (Windows PowerShell)
            }
            return false;
        }

        /// <summary>The TLS handshake was refused (an untrusted or wrong certificate): it ends before anything is sent.</summary>
        public static AuthenticationException? TlsRefusal(Exception? e)
        {
            for (var inner = e; inner != null; inner = inner.InnerException)
                if (inner is AuthenticationException refused) return refused;
            return null;
        }

        /// <summary>
        /// The resolver answered that the host name does not exist (not "try again": a resolver that did not answer is
        /// an outage of its own).
        /// </summary>
        public static bool IsUnknownHost(Exception? e)
        {
            for (var inner = e; inner != null; inner = inner.InnerException)
            {
                if (inner is SocketException socket) return socket.SocketErrorCode == SocketError.HostNotFound;
                if (inner is WebException web && web.Status == WebExceptionStatus.NameResolutionFailure) return true;
            }
            return false;
        }

        private static bool IsNoConnection(WebExceptionStatus status) =>
            status == WebExceptionStatus.ConnectFailure || status == WebExceptionStatus.NameResolutionFailure;
    }
}
