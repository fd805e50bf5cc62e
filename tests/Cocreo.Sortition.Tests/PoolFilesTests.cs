using System.Text.Json;

namespace Cocreo.Sortition.Tests;

public class PoolFilesTests
{
    [Fact]
    public void The_papers_format_is_read_with_people_numbered_in_file_order()
    {
        var input = Instances.Paper("example_small_20", 20);

        Assert.Equal(200, input.Pool.Count);
        Assert.Equal(["gender", "leaning"], input.Pool.Features.Select(f => f.Name));
        Assert.Equal(["female", "male"], input.Pool.Features[0].Values);
        Assert.Equal("1", input.Pool.People[0].Id);
        Assert.Equal("female", input.Pool.ValueOf(input.Pool.People[0], 0));
        Assert.Equal("conservative", input.Pool.ValueOf(input.Pool.People[0], 1));
        Assert.Equal(new Quota("gender", "female", 9, 20), input.Quotas[0, 0]);
        Assert.False(input.Quotas.OnePerHousehold);
    }

    [Fact]
    public void The_sortition_foundations_format_is_read_with_its_id_column_flexible_bounds_and_carried_contacts()
    {
        var input = Instances.Scotland();

        Assert.Equal(150, input.Pool.Count);
        Assert.Equal("p0", input.Pool.People[0].Id);
        Assert.Equal(["Gender", "age_bracket", "edu_level", "geo_bucket"], input.Pool.Features.Select(f => f.Name));
        Assert.Equal(new Quota("Gender", "Female", 11, 12, 0, 12), input.Quotas[0, 0]);
        var contact = input.Pool.People[0].Contact;
        Assert.Equal("first_name0", contact["first_name"]);
        Assert.Equal("email0", contact["email"]);
        Assert.DoesNotContain("nationbuilder_id", contact.Columns);
        Assert.DoesNotContain("Gender", contact.Columns);
    }

    [Fact]
    public void Contact_details_never_appear_in_text_or_json()
    {
        var person = Instances.Scotland().Pool.People[0];

        var text = person + " " + person.Contact;
        var json = JsonSerializer.Serialize(person);

        foreach (var secret in new[] { "first_name0", "last_name0", "email0", "mobile_number0", "primary_address10" })
        {
            Assert.DoesNotContain(secret, text);
            Assert.DoesNotContain(secret, json);
        }
    }

    [Fact]
    public void A_household_is_a_hash_of_the_address_that_ignores_case_and_spacing()
    {
        var input = Instances.FromText(
            "category,feature,min,max\ng,f,0,2\ng,m,0,2\n",
            "id,g,street,zip\na,f,1 High Street,EH1 1AA\nb,m,1  high street ,eh1 1aa\nc,m,2 High Street,EH1 1AA\n",
            panelSize: 2,
            new PoolReadOptions { HouseholdColumns = ["street", "zip"] });

        var (a, b, c) = (input.Pool["a"], input.Pool["b"], input.Pool["c"]);

        Assert.True(input.Quotas.OnePerHousehold);
        Assert.Equal(a.Household, b.Household);
        Assert.NotEqual(a.Household, c.Household);
        Assert.Matches("^[0-9a-f]{64}$", a.Household!);
        Assert.DoesNotContain("High", a.Household!, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("category,feature,min,max\ng,f,1,2\ng,m,1,2\n", "g\nf\nx\n", "pool.csv, line 3, column 1 (g): 'x' is not a value of g in quotas.csv")]
    [InlineData("category,feature,min,max\ng,f,3,2\ng,m,1,2\n", "g\nf\nm\n", "quotas.csv, line 2, column 3 (min): min 3 is greater than max 2 for g=f")]
    [InlineData("category,feature,min,max\ng,f,one,2\ng,m,1,2\n", "g\nf\nm\n", "quotas.csv, line 2, column 3 (min): 'one' is not a whole number")]
    [InlineData("category,feature,min,max\ng,f,-1,2\ng,m,1,2\n", "g\nf\nm\n", "quotas.csv, line 2, column 3 (min): -1 is negative")]
    [InlineData("category,feature,min,max\ng,f,1,2\ng,f,1,2\n", "g\nf\nm\n", "quotas.csv, line 3, column 2 (feature): g=f is listed twice (also on line 2)")]
    [InlineData("category,feature,max\ng,f,2\n", "g\nf\n", "quotas.csv, line 1, column min: missing column 'min'")]
    [InlineData("category,feature,min,max\ng,f,1,2\ng,m,1,2\n", "id,h\n1,f\n", "pool.csv, line 1, column g: missing column 'g' (a feature of quotas.csv)")]
    [InlineData("category,feature,min,max\ng,f,1,2\ng,m,1,2\n", "id,g\n7,f\n7,m\n", "pool.csv, line 3, column 1 (id): the id '7' is used twice (also on line 2)")]
    [InlineData("category,feature,min,max\ng,f,1,2\ng,m,1,2\n", "g\nF\n", "did you mean 'f'?")]
    [InlineData("feature,value,min,max,min_flex,max_flex\ng,f,1,2,2,3\n", "g\nf\n", "quotas.csv, line 2, column 5 (min_flex): min_flex 2 is greater than min 1")]
    [InlineData("who,what\n", "g\nf\n", "quotas.csv, line 1: not a quota file")]
    public void Bad_input_is_refused_with_the_file_line_and_column_to_fix(string quotas, string pool, string expected)
    {
        var error = Assert.Throws<InputFormatException>(() => Instances.FromText(quotas, pool, panelSize: 1));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_missing_file_is_reported_by_name()
    {
        var error = Assert.Throws<InputFormatException>(() => PoolFiles.Read("no/such/quotas.csv", "no/such/pool.csv", 5));

        Assert.StartsWith("no/such/quotas.csv: cannot open the file", error.Message);
    }
}
