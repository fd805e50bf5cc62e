using System.Globalization;
using System.Text.Encodings.Web;
using Cocreo.Assessment;
using Microsoft.AspNetCore.Html;

namespace Cocreo.Web.Features.Assessments;

/// <summary>How levels and scores read on the toolkit's pages, in the reader's language.</summary>
public static class AssessmentDisplay
{
    /// <summary>The instrument's name for a level ("High readiness"), or <paramref name="notEvaluable"/>.</summary>
    public static string Level(Instrument instrument, Level? level, string notEvaluable) =>
        level is { } l ? instrument.LevelNames[l].For(CultureInfo.CurrentUICulture) : notEvaluable;

    /// <summary>A shape that tells the level without colour: ▼ low, ◆ medium, ▲ high, – none.</summary>
    public static string Symbol(Level? level) => level switch
    {
        Cocreo.Assessment.Level.Low => "▼",
        Cocreo.Assessment.Level.Medium => "◆",
        Cocreo.Assessment.Level.High => "▲",
        _ => "–",
    };

    /// <summary>A level as a badge: its shape, then <paramref name="text"/> (the level's name, in whatever words fit the place).</summary>
    public static IHtmlContent Badge(Level? level, string text) =>
        new HtmlString($"<span class=\"{Css(level)}\"><span aria-hidden=\"true\">{Symbol(level)} </span>{HtmlEncoder.Default.Encode(text)}</span>");

    public static string Css(Level? level) => level is { } l ? "level level-" + l.Name() : "level level-none";

    /// <summary>A share as a whole percentage in the reader's culture ("67 %"), or a dash.</summary>
    public static string Percent(Ratio? ratio) =>
        ratio is { } r ? r.ToDouble().ToString("P0", CultureInfo.CurrentCulture) : "–";

    public static double? Value(Ratio? ratio) => ratio?.ToDouble();

    public static string Text(LocalizedText text) => text.For(CultureInfo.CurrentUICulture);

    public static string Text(LocalizedText? text, string fallback) => text?.For(CultureInfo.CurrentUICulture) ?? fallback;
}
