using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using OpenStackSnapshot.Client.Auth;

namespace OpenStackSnapshot.Client.Json
{
    /// <summary>Keystone v3 POST /auth/tokens: the body we send and the token body we read.</summary>
    internal static class KeystoneJson
    {
        public static string TokenRequest(AuthMethod method)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream))
            {
                w.WriteStartObject();
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
                        w.WriteString("id", credential.Id);
                        w.WriteString("secret", AuthMethod.Reveal(credential.Secret));
                        w.WriteEndObject();
                        w.WriteEndObject(); // identity; no scope: it comes from the credential
                        break;
                    default:
                        throw new ArgumentException("Unknown authentication method " + method.GetType().Name);
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            return Encoding.UTF8.GetString(stream.ToArray());
        }

        private static void WritePassword(Utf8JsonWriter w, PasswordAuth p)
        {
            w.WriteStartArray("methods"); w.WriteStringValue("password"); w.WriteEndArray();
            w.WriteStartObject("password");
            w.WriteStartObject("user");
            w.WriteString("name", p.UserName);
            w.WriteStartObject("domain"); w.WriteString("name", p.UserDomainName); w.WriteEndObject();
            w.WriteString("password", AuthMethod.Reveal(p.Password));
            w.WriteEndObject();
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
                w.WriteStartObject("domain"); w.WriteString("name", p.ProjectDomainName); w.WriteEndObject();
            }
            w.WriteEndObject();
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
                ReadCatalog(token));
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
