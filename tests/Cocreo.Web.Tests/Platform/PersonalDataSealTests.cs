using System.Security.Cryptography;
using Cocreo.Web.Platform.PersonalData;

namespace Cocreo.Web.Tests.Platform;

/// <summary>The personal-data seal on its own: a value opens only with its key and purpose, and keys can be rotated.</summary>
public sealed class PersonalDataSealTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"cocreo-pd-test-{Guid.NewGuid():N}.keys");

    public void Dispose() => File.Delete(file);

    private PersonalDataSeal Seal() => new(PersonalDataSeal.Load(file, create: true));

    [Fact]
    public void A_sealed_value_hides_the_text_and_opens_with_its_key_and_purpose()
    {
        var seal = Seal();
        var value = seal.Seal("Childcare for two, vegetarian", "meeting-needs");

        Assert.StartsWith($"pd1.{seal.CurrentKeyId}.", value, StringComparison.Ordinal);
        Assert.DoesNotContain("Childcare", value, StringComparison.Ordinal);
        Assert.NotEqual(value, seal.Seal("Childcare for two, vegetarian", "meeting-needs"));
        Assert.Equal("Childcare for two, vegetarian", seal.Open(value, "meeting-needs"));
        Assert.Throws<PersonalDataSealException>(() => seal.Open(value, "stakeholder-contact"));
    }

    [Fact]
    public void A_changed_value_or_another_key_does_not_open()
    {
        var seal = Seal();
        var value = seal.Seal("Sign language", "meeting-needs");
        var bytes = value.ToCharArray();
        bytes[^3] = bytes[^3] == 'A' ? 'B' : 'A';

        Assert.Throws<PersonalDataSealException>(() => seal.Open(new string(bytes), "meeting-needs"));
        Assert.Throws<PersonalDataSealException>(() => seal.Open("pd1.nokey.AAAA", "meeting-needs"));
        Assert.Throws<PersonalDataSealException>(() => seal.Open("something else", "meeting-needs"));
        var other = new PersonalDataSeal([("00000000", RandomNumberGenerator.GetBytes(PersonalDataSeal.KeySize))]);
        var error = Assert.Throws<PersonalDataSealException>(() => other.Open(value, "meeting-needs"));
        Assert.Contains(seal.CurrentKeyId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_key_seals_from_then_on_and_the_old_one_still_opens()
    {
        var before = Seal();
        var old = before.Seal("Diet: halal", "meeting-needs");
        var added = PersonalDataSeal.AddKey(file);
        var after = Seal();

        Assert.Equal(added, after.CurrentKeyId);
        Assert.NotEqual(before.CurrentKeyId, after.CurrentKeyId);
        Assert.False(after.IsCurrent(old));
        Assert.Equal("Diet: halal", after.Open(old, "meeting-needs"));
        Assert.True(after.IsCurrent(after.Seal("x", "meeting-needs")));
    }

    [Fact]
    public void A_damaged_key_file_is_refused_with_what_to_do()
    {
        File.WriteAllText(file, "abcd1234 bm90IGEga2V5\n");
        var error = Assert.Throws<InvalidDataException>(() => PersonalDataSeal.Load(file, create: true));
        Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => PersonalDataSeal.Load(file + ".missing", create: false));
        Assert.False(File.Exists(file + ".missing"));
    }

    [Fact]
    public void A_value_a_migration_left_unsealed_is_read_as_it_is_and_is_not_current()
    {
        var seal = Seal();
        Assert.Equal("{\"Diet\":\"vegan\"}", seal.Open(PersonalDataSeal.Unsealed + "{\"Diet\":\"vegan\"}", "meeting-needs"));
        Assert.False(seal.IsCurrent(PersonalDataSeal.Unsealed + "{}"));
    }
}
