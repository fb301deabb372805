using System;
using System.Collections.Generic;

namespace OpenStackSnapshot.Client.Auth
{
    /// <summary>A Keystone token and what came with it. The value never leaves the client.</summary>
    internal sealed class AccessToken
    {
        public AccessToken(string value, DateTime expiresAt, string? userName, string? projectId, string? projectName,
            IReadOnlyList<string> roles, IReadOnlyList<CatalogEndpoint> catalog)
        {
            Roles = roles;
            Value = value;
            ExpiresAt = expiresAt;
            UserName = userName;
            ProjectId = projectId;
            ProjectName = projectName;
            Catalog = catalog;
        }

        public string Value { get; }
        public DateTime ExpiresAt { get; }
        public string? UserName { get; }
        public string? ProjectId { get; }
        public string? ProjectName { get; }
        /// <summary>The user's role names on the project, as the token lists them.</summary>
        public IReadOnlyList<string> Roles { get; }
        public IReadOnlyList<CatalogEndpoint> Catalog { get; }
    }

    /// <summary>One endpoint of one service in the token's catalog.</summary>
    internal sealed class CatalogEndpoint
    {
        public CatalogEndpoint(string serviceType, string @interface, string? region, string url)
        {
            ServiceType = serviceType;
            Interface = @interface;
            Region = region;
            Url = url;
        }

        public string ServiceType { get; }
        public string Interface { get; }
        public string? Region { get; }
        public string Url { get; }
    }
}
