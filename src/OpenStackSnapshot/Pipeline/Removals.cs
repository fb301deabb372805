using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using OpenStackSnapshot.Client.Errors;
using OpenStackSnapshot.Client.Http;
using OpenStackSnapshot.Commands;

namespace OpenStackSnapshot.Pipeline
{
    /// <summary>
    /// Remove-OSSnapshot's and Remove-OSVolume's removals, one way for both: each item removed once, asked by
    /// ShouldProcess, deleted through the pipeline's <see cref="InFlightQueue"/> (with -PassThru an id alone is read first,
    /// to write the item as it was), then handed to the <see cref="Waiter"/>. Here, and only here, -Wait takes an item
    /// already gone as done: what -Wait asks for is that it be gone.
    /// </summary>
    internal sealed class Removals<T> where T : class
    {
        private readonly OSCmdlet _cmdlet;
        private readonly string _noun;
        private readonly InFlightQueue _inFlight;
        private readonly Waiter _waiter;
        private readonly bool _passThru;
        private readonly Func<T, string?> _nameOf;
        private readonly Func<string, CallContext, Task<T>> _get;
        private readonly Func<string, CallContext, Task> _delete;
        private readonly HashSet<string> _requested = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <param name="cmdlet">The cmdlet that asks, writes and reports.</param>
        /// <param name="noun">What an item is called in the prompt and the log ("snapshot", "volume").</param>
        /// <param name="throttleLimit">-ThrottleLimit: how many deletes are in flight at once.</param>
        /// <param name="waiter">The pipeline's -Wait: each item deleted (or, with -Wait, found gone) is added to it.</param>
        /// <param name="passThru">-PassThru: an item given by id alone is read before it is deleted.</param>
        /// <param name="nameOf">An item's name, for the prompt.</param>
        /// <param name="get">Reads one item by id.</param>
        /// <param name="delete">Deletes one item by id.</param>
        public Removals(OSCmdlet cmdlet, string noun, int throttleLimit, Waiter waiter, bool passThru, Func<T, string?> nameOf,
            Func<string, CallContext, Task<T>> get, Func<string, CallContext, Task> delete)
        {
            _cmdlet = cmdlet;
            _noun = noun;
            _inFlight = new InFlightQueue(cmdlet, throttleLimit);
            _waiter = waiter;
            _passThru = passThru;
            _nameOf = nameOf;
            _get = get;
            _delete = delete;
        }

        /// <summary>
        /// Removes one item (<paramref name="known"/> when it came as an object); once its delete ended, in input order,
        /// <paramref name="removed"/> gets its id and the item as it was (null when only its id was known, or it was gone).
        /// </summary>
        public void Remove(string id, T? known, Action<string, T?> removed)
        {
            var said = char.ToUpperInvariant(_noun[0]) + _noun.Substring(1);
            // A second DELETE of the same item could only fail, and that failure would read as the first one's.
            if (!_requested.Add(id))
            {
                _cmdlet.WriteVerboseLine($"{said} {id} was given again: it is removed once.");
                return;
            }
            var name = known == null ? null : _nameOf(known);
            var label = name != null ? $"{_noun} {id} ({name})" : $"{_noun} {id}";
            if (!_cmdlet.ShouldProcess(label, "Remove")) return;
            var lookUp = _passThru && known == null;
            var wait = _waiter.Waits;
            _inFlight.Submit(async call =>
            {
                // -PassThru writes the item as it was; an id alone is looked up first (a 404 ends it here).
                var shown = known;
                try
                {
                    if (lookUp) shown = await _get(id, call).ConfigureAwait(false);
                    await _delete(id, call).ConfigureAwait(false);
                }
                catch (OpenStackException gone) when (wait && gone.Kind == OpenStackErrorKind.NotFound)
                {
                    // -Wait asks for the item to be gone, and it is: no error, as the verbose line says.
                    call.Log?.Verbose($"{said} {id} is already gone: nothing to delete.");
                }
                return shown;
            }, shown =>
            {
                _waiter.Add(id);
                removed(id, shown);
            }, id);
        }

        /// <summary>Finishes every delete still in flight (at the end of the input), before the wait.</summary>
        public void FinishAll() => _inFlight.FinishAll();
    }
}
