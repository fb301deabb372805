namespace OpenStackSnapshot.Emulator.State;

/// <summary>One server a volume is attached to, as Nova's os-volumes summary shows it.</summary>
internal sealed record AttachmentView(string ServerId, string? Device);

/// <summary>
/// Attachments beyond the seed's (db-01 on its server), added by the test control so a test can give a server several
/// volumes or a volume several servers (multi-attach); a reset drops them.
/// </summary>
internal sealed class AttachmentStore
{
    private readonly object _gate = new();
    private readonly List<(string VolumeId, AttachmentView Attachment)> _added = [];

    /// <summary>The volume's attachments: the seeded one first, then those added, in order.</summary>
    public IReadOnlyList<AttachmentView> Of(VolumeView volume)
    {
        var all = new List<AttachmentView>();
        if (volume.IsAttached) all.Add(new AttachmentView(volume.ServerId!, volume.Device));
        lock (_gate) all.AddRange(_added.Where(a => a.VolumeId == volume.Id).Select(a => a.Attachment));
        return all;
    }

    /// <summary>The volume's status as both APIs show it: in-use while anything is attached.</summary>
    public string StatusOf(VolumeView volume) => Of(volume).Count > 0 ? "in-use" : volume.Status;

    /// <summary>Attaches a volume (the caller checked it exists) to a server: any id, the emulator has no servers.</summary>
    public void Attach(string volumeId, string serverId, string? device)
    {
        lock (_gate) _added.Add((volumeId, new AttachmentView(serverId, device)));
    }

    public void Clear()
    {
        lock (_gate) _added.Clear();
    }
}
