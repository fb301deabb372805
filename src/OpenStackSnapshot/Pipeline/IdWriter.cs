using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Commands;

namespace OpenStackSnapshot.Pipeline
{
    /// <summary>The by-id form of Get-OSSnapshot and Get-OSVolume, and Set-OSSnapshot: one call per id, in turn.</summary>
    internal static class IdWriter
    {
        /// <summary>Runs each id in turn, writing what it answers (null: nothing); one that fails is reported and the rest still come.</summary>
        public static void WriteEach<T>(OSCmdlet cmdlet, IEnumerable<string> ids, Func<string, CallContext, Task<T>> get)
        {
            foreach (var id in ids)
            {
                try
                {
                    var item = cmdlet.Run(call => get(id, call));
                    if (item != null) cmdlet.WriteObject(item);
                }
                catch (OpenStackException e)
                {
                    cmdlet.Report(e, id);
                }
            }
        }
    }
}
