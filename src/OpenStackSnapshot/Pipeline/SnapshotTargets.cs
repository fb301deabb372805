using System.Collections.Generic;
using System.Linq;
using OpenStackSnapshot.Client.Models;

namespace OpenStackSnapshot.Pipeline
{
    /// <summary>
    /// What one pipeline item names to Remove- and Wait-OSSnapshot: snapshot objects bind to -InputObject, ids (strings,
    /// or objects with an Id/SnapshotId property) to -Id.
    /// </summary>
    internal static class SnapshotTargets
    {
        internal const string IdSet = "Id";
        internal const string ObjectSet = "InputObject";

        /// <summary>Each id, with its object when one was given.</summary>
        public static IEnumerable<(string Id, Snapshot? Known)> Of(string parameterSet, string[] ids, Snapshot[] objects) =>
            parameterSet == ObjectSet
                ? objects.Select(snapshot => (snapshot.Id, (Snapshot?)snapshot))
                : ids.Select(id => (id, (Snapshot?)null));
    }
}
