namespace Platform.V1;

/// <summary>
/// The short upper-case names of <see cref="EntityType"/> ("PERSON", "ORG", …): what the database stores, what the
/// console client prints and accepts, and what the annotation formats use. One table, so the name of a type cannot
/// differ between the services and the client.
/// </summary>
public static class EntityTypeNames
{
    private static readonly (EntityType Type, string Name)[] Table =
    [
        (EntityType.Person, "PERSON"),
        (EntityType.Org, "ORG"),
        (EntityType.Loc, "LOC"),
        (EntityType.Norp, "NORP"),
        (EntityType.Misc, "MISC"),
        (EntityType.Date, "DATE"),
        (EntityType.Money, "MONEY"),
    ];

    /// <summary>Every name, in the order of the enum.</summary>
    public static IReadOnlyList<string> All { get; } = Array.ConvertAll(Table, row => row.Name);

    /// <summary>"PERSON" for <see cref="EntityType.Person"/>; throws for <see cref="EntityType.Unspecified"/>.</summary>
    public static string Name(EntityType type)
    {
        foreach (var row in Table)
        {
            if (row.Type == type)
            {
                return row.Name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(type), type, "entity type is not set");
    }

    /// <summary>The type a name stands for, in any letter case; <see cref="EntityType.Unspecified"/> when none.</summary>
    public static EntityType Parse(string name)
    {
        foreach (var row in Table)
        {
            if (string.Equals(row.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return row.Type;
            }
        }

        return EntityType.Unspecified;
    }
}
