using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ManageBooking.Data;

/// <summary>
/// A compiled EF query (EF.CompileAsyncQuery) made once per model. A compiled query refuses to run against a model other
/// than the one it was compiled for, and one process can hold two (SQLite and PostgreSQL sites side by side, as the
/// tests run them); a site has one, so it compiles each query once.
/// </summary>
public sealed class PerModelQuery<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    /// <summary>The query compiled for <paramref name="context"/>'s model.</summary>
    public TQuery For(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _byModel.GetValue(context.Model, _ => compile());
    }
}
