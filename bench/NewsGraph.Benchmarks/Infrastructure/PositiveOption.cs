using System.CommandLine;

namespace NewsGraph.Benchmarks.Infrastructure;

/// <summary>Option validators shared by the verbs (an option's own validator sees its default; a command's does not).</summary>
internal static class PositiveOption
{
    public static Option<int> Positive(this Option<int> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError($"{option.Name} must be a positive number.");
            }
        });
        return option;
    }

    public static Option<TimeSpan> Positive(this Option<TimeSpan> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<TimeSpan>() <= TimeSpan.Zero)
            {
                result.AddError($"{option.Name} must be a positive duration.");
            }
        });
        return option;
    }
}
