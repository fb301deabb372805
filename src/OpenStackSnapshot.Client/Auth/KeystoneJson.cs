using System;
using System.Collections.Generic;
using System.Text.Json;
using OpenStackSnapshot.Client.Wire;

namespace OpenStackSnapshot.Client.Auth
{
    /// <summary>Keystone v3 POST /auth/tokens: the body we send and the token body we read.</summary>
    internal static class KeystoneJson
    {
        public static string TokenRequest(AuthMethod method) => JsonWrite.Object(w =>
        {
            w.WriteStartObject("auth");
            w.WriteStartObject("identity");
            switch (method)
            {
                case PasswordAuth password:
                    WritePassword(w, password);
                    break;
                case ApplicationCredentialAuth credential:
                    w.WriteStartArray("methods"); w.WriteStringValue("application_credential"); w.WriteEndArray();
                    w.WriteStartObject("application_credential");
                    if (!string.IsNullOrEmpty(credential.Id))
                    {
                        w.WriteString("id", credential.Id);
                    }
                    else
                    {
                        w.WriteString("name", credential.Name);
                        WriteUser(w, credential.UserName, credential.UserId, credential.UserDomainName, credential.UserDomainId);
                    }
                    w.WriteString("secret", AuthMethod.Reveal(credential.Secret));
                    w.WriteEndObject();
                    w.WriteEndObject(); // identity; no scope: it comes from the credential
                    break;
                default:
                    throw new ArgumentException("Unknown authentication method " + method.GetType().Name);
            }
            w.WriteEndObject(); // auth
        });

        private static void WritePassword(Utf8JsonWriter w, PasswordAuth p)
        {
            w.WriteStartArray("methods"); w.WriteStringValue("password"); w.WriteEndArray();
            w.WriteStartObject("password");
            WriteUser(w, p.UserName, p.UserId, p.UserDomainName, p.UserDomainId, p.Password);
            w.WriteEndObject();
            w.WriteEndObject(); // identity
            w.WriteStartObject("scope");
            w.WriteStartObject("project");
            if (!string.IsNullOrEmpty(p.ProjectId))
            {
                w.WriteString("id", p.ProjectId);
            }
            else
            {
                w.WriteString("name", p.ProjectName);
                WriteDomain(w, p.ProjectDomainName, p.ProjectDomainId);
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }

        /// <summary>A user by id (unique, so no domain), or by name within a domain.</summary>
        private static void WriteUser(Utf8JsonWriter w, string? name, string? id, string? domainName, string? domainId,
            System.Security.SecureString? password = null)
        {
            w.WriteStartObject("user");
            if (!string.IsNullOrEmpty(id))
            {
                w.WriteString("id", id);
            }
            else
            {
                w.WriteString("name", name);
                WriteDomain(w, domainName, domainId);
            }
            if (password != null) w.WriteString("password", AuthMethod.Reveal(password));
            w.WriteEndObject();
        }

        private static void WriteDomain(Utf8JsonWriter w, string? name, string? id)
        {
            w.WriteStartObject("domain");
            if (!string.IsNullOrEmpty(id)) w.WriteString("id", id);
            else w.WriteString("name", string.IsNullOrEmpty(name) ? "Default" : name);
            w.WriteEndObject();
        }

        public static AccessToken ReadToken(string subjectToken, JsonElement root)
        {
            var token = ResponseShape.Member(root, "token", JsonValueKind.Object);
            var expires = JsonRead.UtcTime(token, "expires_at") ?? DateTime.UtcNow.AddHours(1);
            var user = JsonRead.Property(token, "user");
            var project = JsonRead.Property(token, "project");
            return new AccessToken(
                subjectToken,
                expires,
                user is { } u ? JsonRead.Text(u, "name") : null,
                project is { } p ? JsonRead.Text(p, "id") : null,
                project is { } q ? JsonRead.Text(q, "name") : null,
                ReadRoles(token),
                ReadCatalog(token));
        }

        private static IReadOnlyList<string> ReadRoles(JsonElement token)
        {
            var roles = new List<string>();
            if (JsonRead.Property(token, "roles") is { ValueKind: JsonValueKind.Array } list)
                foreach (var role in list.EnumerateArray())
                    if (JsonRead.Text(role, "name") is string name) roles.Add(name);
            return roles;
        }

        private static IReadOnlyList<CatalogEndpoint> ReadCatalog(JsonElement token)
        {
            var endpoints = new List<CatalogEndpoint>();
            if (!(JsonRead.Property(token, "catalog") is { ValueKind: JsonValueKind.Array } catalog)) return endpoints;
            foreach (var service in catalog.EnumerateArray())
            {
                var type = JsonRead.Text(service, "type");
                if (type == null || !(JsonRead.Property(service, "endpoints") is { ValueKind: JsonValueKind.Array } list)) continue;
                foreach (var endpoint in list.EnumerateArray())
                {
                    var url = JsonRead.Text(endpoint, "url");
                    if (url == null) continue;
                    endpoints.Add(new CatalogEndpoint(type, JsonRead.Text(endpoint, "interface") ?? "public",
                        JsonRead.Text(endpoint, "region_id") ?? JsonRead.Text(endpoint, "region"), url));
                }
            }
            return endpoints;
        }
    }
}
