using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cocreo.Web.Platform.Localization;

/// <summary>Translates the messages model binding produces before validation runs (a number that is not a number...).</summary>
public static class ValidationMessages
{
    public static void Localize(MvcOptions options, IStringLocalizerFactory factory)
    {
        var text = factory.Create(typeof(SharedText));
        var messages = options.ModelBindingMessageProvider;
        messages.SetValueIsInvalidAccessor(value => text["The value '{0}' is not valid.", value]);
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => text["The value '{0}' is not valid.", value]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["The value '{0}' is not valid.", value]);
        messages.SetUnknownValueIsInvalidAccessor(_ => text["The value is not valid."]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["The value is not valid."]);
        messages.SetValueMustNotBeNullAccessor(_ => text["Enter a value."]);
        messages.SetMissingBindRequiredValueAccessor(_ => text["Enter a value."]);
        messages.SetMissingKeyOrValueAccessor(() => text["Enter a value."]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => text["The request is empty."]);
        messages.SetValueMustBeANumberAccessor(_ => text["Enter a number."]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => text["Enter a number."]);
    }
}
