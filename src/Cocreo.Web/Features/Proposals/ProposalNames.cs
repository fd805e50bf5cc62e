using Cocreo.Web.Features.Budgeting;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Features.Proposals;

/// <summary>A proposal's status in words.</summary>
public static class ProposalNames
{
    public static string Status(IStringLocalizer<ProposalsText> t, Proposal p) => p.IsWithdrawn ? t["Withdrawn"] : p.Status switch
    {
        ProposalStatus.Evaluating => t["Evaluating"],
        ProposalStatus.Accepted => t["Accepted"],
        ProposalStatus.Rejected => t["Rejected"],
        ProposalStatus.Merged => t["Merged"],
        _ => t["Not answered yet"],
    };

    public static string Order(IStringLocalizer<ProposalsText> t, ProposalOrder order) => order switch
    {
        ProposalOrder.MostSupported => t["Most supported"],
        ProposalOrder.Random => t["Random"],
        _ => t["Newest"],
    };

    /// <summary>A file's size in kB or MB, in the reader's number format.</summary>
    public static string Size(IStringLocalizer<ProposalsText> t, int bytes) => bytes < 1024 * 1024
        ? t["{0} kB", Math.Max(1, (int)Math.Round(bytes / 1024m))]
        : t["{0} MB", (bytes / 1048576m).ToString("N1", System.Globalization.CultureInfo.CurrentCulture)];

    /// <summary>A content language's name: English and Slovenian in the reader's language, the others in their own.</summary>
    public static string LanguageName(IStringLocalizer<ProposalsText> t, string code) => code switch
    {
        "en" => t["English"],
        "sl" => t["Slovenian"],
        _ => Processes.ContentLanguages.NameOf(code),
    };
}
