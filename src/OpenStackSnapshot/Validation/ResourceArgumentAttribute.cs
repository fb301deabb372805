using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Validation
{
    /// <summary>
    /// An id parameter that takes ids and, from the pipeline, any object that names one of its resource by a property, but
    /// refuses the other resource's objects, whose Id names something else. A volume's Id is a volume's, and its SnapshotId
    /// only says what it was made from; a snapshot's Id is a snapshot's, and its VolumeId is the volume it belongs to. Taking
    /// them by property name would act on the wrong thing, so each is refused with what to type instead.
    /// </summary>
    public abstract class ResourceArgumentAttribute : ArgumentTransformationAttribute
    {
        /// <summary>The properties that name the wanted resource, in the order they are read.</summary>
        private protected abstract string[] IdProperties { get; }

        /// <summary>The other resource's type (its full name, deserialized copies included), and why it is refused.</summary>
        private protected abstract Type RefusedType { get; }

        private protected abstract string Refusal(string id);

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (inputData is IList list && !(inputData is string)) return list.Cast<object?>().Select(One).ToArray();
            return One(inputData);
        }

        private object? One(object? input)
        {
            var value = input is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : input;
            switch (value)
            {
                case null:
                case string _:
                    return value;
                case Snapshot snapshot when RefusedType != typeof(Snapshot):
                    return snapshot.Id;
                case Volume volume when RefusedType != typeof(Volume):
                    return volume.Id;
                case var other when RefusedType.IsInstanceOfType(other) || IsDeserialized(input, RefusedType):
                    throw new ArgumentTransformationMetadataException(Refusal(IdOf(input, "Id") ?? "<id>"));
                default:
                    return IdProperties.Select(name => IdOf(input, name)).FirstOrDefault(id => id != null) ?? value;
            }
        }

        private static bool IsDeserialized(object? input, Type type) =>
            input is PSObject copy && copy.TypeNames.Contains("Deserialized." + type.FullName);

        private static string? IdOf(object? input, string property)
        {
            var found = PSObject.AsPSObject(input!).Properties[property]?.Value;
            return found == null ? null : LanguagePrimitives.ConvertTo<string>(found);
        }
    }

    /// <summary>A snapshot id: strings, snapshot objects, objects with a SnapshotId, snapshot_id or Id; never a volume.</summary>
    public sealed class SnapshotArgumentAttribute : ResourceArgumentAttribute
    {
        private protected override string[] IdProperties { get; } = { "SnapshotId", "snapshot_id", "Id" };

        private protected override Type RefusedType => typeof(Volume);

        private protected override string Refusal(string id) =>
            $"A volume ({id}) was given where a snapshot is expected: its Id is the volume's, not a snapshot's. "
            + "Give one of its snapshots instead, such as its newest: "
            + $"Get-OSSnapshot -VolumeId {id} | Sort-Object CreatedAt | Select-Object -Last 1.";
    }

    /// <summary>A volume id: strings, volume objects, objects with a VolumeId, volume_id or Id; never a snapshot.</summary>
    public sealed class VolumeArgumentAttribute : ResourceArgumentAttribute
    {
        private protected override string[] IdProperties { get; } = { "VolumeId", "volume_id", "Id" };

        private protected override Type RefusedType => typeof(Snapshot);

        private protected override string Refusal(string id) =>
            $"A snapshot ({id}) was given where a volume is expected: its Id is the snapshot's, not a volume's. "
            + $"Remove-OSSnapshot deletes snapshots; to act on the snapshot's volume, give its VolumeId (Get-OSVolume -VolumeId <VolumeId>).";
    }
}
