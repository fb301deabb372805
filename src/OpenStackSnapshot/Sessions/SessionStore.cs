using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using OpenStackSnapshot.Client;

namespace OpenStackSnapshot.Sessions
{
    /// <summary>
    /// The sessions of each runspace: one runspace's Connect-OSCloud never changes where another's cmdlets go
    /// (a runbook host runs several). A session object itself may still be shared: -Session $using:s.
    /// </summary>
    internal static class SessionStore
    {
        private static readonly ConditionalWeakTable<Runspace, RunspaceSessions> Stores = new ConditionalWeakTable<Runspace, RunspaceSessions>();
        // Code with no runspace (none of ours today) gets a store of its own rather than a null.
        private static readonly RunspaceSessions Detached = new RunspaceSessions();
        // Every store made, weakly, so Remove-Module can close all sessions of all runspaces.
        private static readonly List<WeakReference<RunspaceSessions>> Made = new List<WeakReference<RunspaceSessions>>();

        public static RunspaceSessions Current => Runspace.DefaultRunspace is { } runspace
            ? Stores.GetValue(runspace, _ => Track(new RunspaceSessions()))
            : Detached;

        /// <summary>Remove-Module: every session of every runspace is closed (connections disposed, secrets wiped).</summary>
        public static void CloseAll()
        {
            List<RunspaceSessions> stores;
            lock (Made)
            {
                stores = new List<RunspaceSessions> { Detached };
                foreach (var weak in Made)
                {
                    if (weak.TryGetTarget(out var store)) stores.Add(store);
                }
                // The runspaces' stores live on (the table keeps them), so they stay tracked for the next Remove-Module.
                Made.RemoveAll(weak => !weak.TryGetTarget(out _));
            }
            foreach (var store in stores) store.CloseAll();
        }

        private static RunspaceSessions Track(RunspaceSessions store)
        {
            lock (Made)
            {
                Made.RemoveAll(weak => !weak.TryGetTarget(out _));
                Made.Add(new WeakReference<RunspaceSessions>(store));
            }
            return store;
        }
    }

    /// <summary>One runspace's named sessions, and its default: the one connected last, or chosen by Select-OSSession.</summary>
    internal sealed class RunspaceSessions
    {
        private readonly object _gate = new object();
        private readonly Dictionary<string, OpenStackSession> _byName = new Dictionary<string, OpenStackSession>(StringComparer.OrdinalIgnoreCase);
        // Sessions whose name moved to a newer one: no longer listed, still open, and closed by Remove-Module.
        private readonly List<OpenStackSession> _unlisted = new List<OpenStackSession>();
        private OpenStackSession? _default;

        /// <summary>Null once closed, also when another runspace closed it through -Session $using:s.</summary>
        public OpenStackSession? Default
        {
            get { lock (_gate) return _default is { IsClosed: false } open ? open : null; }
        }

        /// <summary>Adds the session under its name (which an earlier session of that name loses), as the default unless told not to.</summary>
        public void Add(OpenStackSession session, bool makeDefault = true)
        {
            lock (_gate)
            {
                if (_byName.TryGetValue(session.Name, out var earlier) && !ReferenceEquals(earlier, session)) _unlisted.Add(earlier);
                _unlisted.RemoveAll(s => s.IsClosed);
                _byName[session.Name] = session;
                if (makeDefault) _default = session;
            }
        }

        public bool IsDefault(OpenStackSession session) => ReferenceEquals(Default, session);

        public void Remove(OpenStackSession session)
        {
            lock (_gate)
            {
                if (_byName.TryGetValue(session.Name, out var held) && ReferenceEquals(held, session)) _byName.Remove(session.Name);
                _unlisted.Remove(session);
                if (ReferenceEquals(_default, session)) _default = null;
            }
        }

        public void CloseAll()
        {
            List<OpenStackSession> sessions;
            lock (_gate)
            {
                sessions = _byName.Values.Concat(_unlisted).ToList();
                if (_default != null && !sessions.Contains(_default)) sessions.Add(_default);
                _byName.Clear();
                _unlisted.Clear();
                _default = null;
            }
            foreach (var session in sessions) session.Dispose();
        }

        public OpenStackSession? Find(string name)
        {
            lock (_gate) return _byName.TryGetValue(name, out var session) && !session.IsClosed ? session : null;
        }

        public IReadOnlyList<OpenStackSession> All
        {
            get { lock (_gate) return _byName.Values.Where(s => !s.IsClosed).OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList(); }
        }
    }
}
