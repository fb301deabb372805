namespace OpenStackSnapshot.Emulator;

/// <summary>A Keystone user with its one project and the roles it holds there.</summary>
public sealed record SeedUser(string Id, string Name, string Password, string ProjectId, IReadOnlyList<string> Roles);

/// <summary>A project and its block-storage quotas (Cinder's per-project limits): snapshots, volumes, and the GiB both use.</summary>
public sealed record SeedProject(string Id, string Name, int SnapshotQuota, int VolumeQuota = 1000, int GigabytesQuota = 100_000);

/// <summary>A block-storage volume as Nova's os-volumes shows it; attached volumes name their server and device.</summary>
public sealed record SeedVolume(
    string Id, string ProjectId, string Name, string Status, int Size, string? ServerId = null, string? Device = null)
{
    public bool IsAttached => ServerId is not null;
}

/// <summary>An application credential: it carries its own project and roles, so it takes no scope.</summary>
public sealed record SeedAppCredential(
    string Id, string Name, string Secret, string UserId, string ProjectId, IReadOnlyList<string> Roles);

/// <summary>
/// The fixed identities and volumes every emulator starts with (README "Seeded identities"), public so
/// tests can name them instead of repeating literals.
/// </summary>
public static class Seed
{
    public const string DomainId = "default";
    public const string DomainName = "Default";
    public const string RegionOne = "RegionOne";
    public const string RegionTwo = "RegionTwo";

    public const string DemoProjectId = "3f1c5a7e9b2d4c6e8a0b1c2d3e4f5a6b";
    public const string TinyProjectId = "7a8b9c0d1e2f4a3b5c6d7e8f9a0b1c2d";
    /// <summary>The cloud admin's project (Keystone's bootstrap project): block storage's all_tenants needs an admin.</summary>
    public const string AdminProjectId = "0a1b2c3d4e5f4a6b8c7d9e0f1a2b3c4d";

    public const string DemoUserId = "d3e1b2c4a5f64789b0c1d2e3f4a5b6c7";
    public const string ReaderUserId = "e4f2c3d5b6a74890c1d2e3f4a5b6c7d8";
    public const string TinyUserId = "f5a3d4e6c7b84901d2e3f4a5b6c7d8e9";
    public const string AdminUserId = "a6b4e5f7d8c94a12e3f4a5b6c7d8e9f0";

    public const string MemberRole = "member";
    public const string ReaderRole = "reader";
    public const string MemberRoleId = "9b1d3f5a7c9e4b2d8f0a1c3e5b7d9f1a";
    public const string ReaderRoleId = "2c4e6a8b0d1f4e3a9c5b7d9f1a3c5e7b";
    public const string AdminRole = "admin";
    public const string AdminRoleId = "5d7f9b1c3e5a4d6f8b0c2e4a6c8e0b2d";

    public const string AppCredentialId = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    public const string AppCredentialName = "demo-appcred";
    public const string AppCredentialSecret = "appcred-secret";

    public const string VolumeData01 = "521752a6-acf6-4b2d-bc7a-119f9148cd8c";
    public const string VolumeData02 = "6f0f9a2e-3c4d-4e5f-8a6b-7c8d9e0f1a2b";
    public const string VolumeLogs = "8b1e4c7d-2a3f-4b5c-9d6e-0f1a2b3c4d5e";
    public const string VolumeDb01 = "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f";
    public const string VolumeTiny01 = "d4e5f6a7-b8c9-4dae-9f01-2b3c4d5e6f70";

    /// <summary>The server the in-use volume db-01 is attached to, and where.</summary>
    public const string Db01ServerId = "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b";
    public const string Db01Device = "/dev/vdb";

    /// <summary>The only availability zone, as a cloud without zones configured has it.</summary>
    public const string AvailabilityZone = "nova";

    /// <summary>Cinder's default volume type, the only one: its name, and its id (a made volume carries the name).</summary>
    public const string VolumeTypeName = "__DEFAULT__";
    public static readonly string VolumeTypeId = StableIds.Uuid("volume-type", "__DEFAULT__");

    /// <summary>Cinder's created_at for every seeded volume: UTC without a zone, as Cinder sends it.</summary>
    public const string VolumeCreatedAt = "2025-06-01T10:00:00.000000";

    public static IReadOnlyList<SeedProject> Projects { get; } =
    [
        new(DemoProjectId, "demo", SnapshotQuota: 1000),
        new(TinyProjectId, "tiny", SnapshotQuota: 1, VolumeQuota: 2, GigabytesQuota: 3),
        new(AdminProjectId, "admin", SnapshotQuota: 1000),
    ];

    public static IReadOnlyList<SeedUser> Users { get; } =
    [
        new(DemoUserId, "demo", "demo-secret", DemoProjectId, [MemberRole, ReaderRole]),
        new(ReaderUserId, "reader", "reader-secret", DemoProjectId, [ReaderRole]),
        new(TinyUserId, "tiny", "tiny-secret", TinyProjectId, [MemberRole, ReaderRole]),
        // Keystone's admin role implies member and reader; the token lists all three, as Keystone's does.
        new(AdminUserId, "admin", "admin-secret", AdminProjectId, [AdminRole, MemberRole, ReaderRole]),
    ];

    public static IReadOnlyList<SeedAppCredential> AppCredentials { get; } =
    [
        new(AppCredentialId, AppCredentialName, AppCredentialSecret, DemoUserId, DemoProjectId, [MemberRole, ReaderRole]),
    ];

    public static IReadOnlyList<SeedVolume> Volumes { get; } =
    [
        new(VolumeData01, DemoProjectId, "data-01", "available", 100),
        new(VolumeData02, DemoProjectId, "data-02", "available", 10),
        new(VolumeLogs, DemoProjectId, "logs", "available", 20),
        new(VolumeDb01, DemoProjectId, "db-01", "in-use", 50, Db01ServerId, Db01Device),
        new(VolumeTiny01, TinyProjectId, "tiny-01", "available", 1),
    ];

    public static string RoleId(string roleName) => roleName switch
    {
        MemberRole => MemberRoleId,
        AdminRole => AdminRoleId,
        _ => ReaderRoleId,
    };

    public static SeedProject? ProjectById(string? id) => Projects.FirstOrDefault(p => p.Id == id);

    public static SeedUser? UserById(string? id) => Users.FirstOrDefault(u => u.Id == id);
}
