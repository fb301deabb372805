namespace OpenStackSnapshot.Client.Snapshots.Retention
{
    /// <summary>What retention does with one snapshot.</summary>
    public enum RetentionAction
    {
        /// <summary>An available snapshot a rule keeps.</summary>
        Keep,
        /// <summary>An available snapshot no rule keeps, or one in error.</summary>
        Remove,
        /// <summary>Neither kept nor removed: in a status block storage will not delete (creating, deleting, ...), or of unknown age.</summary>
        Leave,
    }
}
