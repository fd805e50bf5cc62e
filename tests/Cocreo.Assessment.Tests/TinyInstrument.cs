namespace Cocreo.Assessment.Tests;

/// <summary>Small instruments written inline, so a test shows the whole model it scores.</summary>
internal static class TinyInstrument
{
    public const string YesNo = """
        { "id": "yes-no", "note": { "en": "Yes is positive.", "sl": "Da je pozitiven." },
          "options": [
            { "id": "no", "label": { "en": "No", "sl": "Ne" }, "polarity": "negative" },
            { "id": "yes", "label": { "en": "Yes", "sl": "Da" }, "polarity": "positive" } ] }
        """;

    /// <summary>
    /// overall = the worse of two categories (a decision table);
    /// category a = default rule over a1 (3 questions) and a2 (2 questions); category b = default rule over b1 (b1-1 reversed, b1-2).
    /// </summary>
    public static Instrument TwoCategories(string version = "1.0") => Parse($$"""
        {
          "id": "overall", "name": { "en": "Overall", "sl": "Skupno" },
          "table": {
            "rationale": { "en": "The worse category decides.", "sl": "Odloča slabša kategorija." },
            "rules": [
              { "when": ["low", "*"], "then": "low" },
              { "when": ["*", "low"], "then": "low" },
              { "when": ["medium", ">=medium"], "then": "medium" },
              { "when": ["high", "medium"], "then": "medium" },
              { "when": ["high", "high"], "then": "high" }
            ]
          },
          "children": [
            { "id": "cat-a", "name": { "en": "Category A", "sl": "Kategorija A" }, "children": [
              { "id": "a1", "name": { "en": "A one", "sl": "A ena" },
                "actions": [ { "en": "Do a1", "sl": "Naredi a1" } ], "goodPractice": { "en": "A1 example", "sl": "Primer a1" },
                "questions": [ {{Q("a1-1")}}, {{Q("a1-2")}}, {{Q("a1-3")}} ] },
              { "id": "a2", "name": { "en": "A two", "sl": "A dva" },
                "actions": [ { "en": "Do a2", "sl": "Naredi a2" } ], "goodPractice": { "en": "A2 example", "sl": "Primer a2" },
                "questions": [ {{Q("a2-1")}}, {{Q("a2-2")}} ] } ] },
            { "id": "cat-b", "name": { "en": "Category B", "sl": "Kategorija B" }, "children": [
              { "id": "b1", "name": { "en": "B one", "sl": "B ena" },
                "actions": [ { "en": "Do b1", "sl": "Naredi b1" } ], "goodPractice": { "en": "B1 example", "sl": "Primer b1" },
                "questions": [ {{Q("b1-1", reversed: true)}}, {{Q("b1-2")}} ] } ] }
          ]
        }
        """, version: version);

    /// <summary>Wraps a root node in an instrument file.</summary>
    public static Instrument Parse(string root, string scale = YesNo, string roles = "[]", string version = "1.0") =>
        Instrument.Parse(Document(root, scale, roles, version), "tiny.json");

    public static string Document(string root, string scale = YesNo, string roles = "[]", string version = "1.0") => $$"""
        {
          "id": "tiny", "version": "{{version}}",
          "title": { "en": "Tiny", "sl": "Drobna" },
          "description": { "en": "A test instrument.", "sl": "Preskusni instrument." },
          "provenance": { "model": { "en": "None", "sl": "Nobeden" }, "references": ["Test (2026)."], "adaptation": { "en": "None", "sl": "Brez" } },
          "scale": {{scale}},
          "levels": { "low": { "en": "Low", "sl": "Nizka" }, "medium": { "en": "Medium", "sl": "Srednja" }, "high": { "en": "High", "sl": "Visoka" } },
          "defaultRule": { "mediumFrom": "1/3", "highFrom": "2/3", "minimumAnsweredShare": "1/2",
                           "explanation": { "en": "Thirds.", "sl": "Tretjine." } },
          "roles": {{roles}},
          "root": {{root}}
        }
        """;

    public static string Q(string id, bool reversed = false) =>
        $$"""{ "id": "{{id}}", "text": { "en": "Question {{id}}?", "sl": "Vprašanje {{id}}?" }, "reversed": {{(reversed ? "true" : "false")}} }""";

    /// <summary>A sheet for <paramref name="instrument"/> with "question=answer" pairs.</summary>
    public static AnswerSheet Answers(Instrument instrument, params string[] pairs) => Apply(AnswerSheet.For(instrument), pairs);

    /// <summary>A sheet of a respondent in a role, with "question=answer" pairs.</summary>
    public static AnswerSheet Response(Instrument instrument, string? respondent, string? role, params string[] pairs) =>
        Apply(AnswerSheet.For(instrument, respondent, role), pairs);

    /// <summary>Every question answered favourably ("yes", or "no" where reversed), then the "question=answer" overrides ("question=" leaves it unanswered).</summary>
    public static AnswerSheet AllFavourable(Instrument instrument, params string[] overrides)
    {
        var sheet = AnswerSheet.For(instrument);
        foreach (var question in instrument.Questions)
        {
            sheet = sheet.With(question.Id, question.Reversed ? "no" : "yes");
        }
        return Apply(sheet, overrides);
    }

    private static AnswerSheet Apply(AnswerSheet sheet, string[] pairs)
    {
        foreach (var pair in pairs)
        {
            var parts = pair.Split('=');
            sheet = sheet.With(parts[0], parts[1].Length == 0 ? null : parts[1]);
        }
        return sheet;
    }
}
