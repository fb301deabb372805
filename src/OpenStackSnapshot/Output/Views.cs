using System.Management.Automation;

namespace OpenStackSnapshot.Output
{
    /// <summary>Which of the format file's views an object is shown with, where its type alone does not decide.</summary>
    internal static class Views
    {
        /// <summary>The object wrapped with <paramref name="typeName"/> first among its type names (such as a type's #AllProjects view).</summary>
        public static object As(object item, string typeName)
        {
            var shown = PSObject.AsPSObject(item);
            if (!shown.TypeNames.Contains(typeName)) shown.TypeNames.Insert(0, typeName);
            return shown;
        }
    }
}
