package com.memberdirectory.command.member;

import java.util.List;

/** The rules a member command is checked against, configured once by the application. */
public record MemberPolicies(NameRule name,
                             OptionalTextRule text,
                             UserIdRule userId,
                             EmailAddressRule email,
                             BusinessEmailRule businessEmail,
                             PhoneNumberRule phone,
                             PhoneOrWorkEmailRequired reachable,
                             DepartmentsRequired departments,
                             CountryRegionRule countryRegion,
                             DirectManagerRule directManager,
                             DottedLineManagersRule dottedLineManagers,
                             PasswordRule password,
                             PhotoRule photo,
                             FieldValueRule fieldValues,
                             DateRangeRule dates,
                             LifecycleRule lifecycle) {

    public static MemberPolicies of(String defaultPhoneRegion, List<String> businessMailDomains) {
        return new MemberPolicies(new NameRule(), new OptionalTextRule(), new UserIdRule(), new EmailAddressRule(),
                new BusinessEmailRule(businessMailDomains), new PhoneNumberRule(defaultPhoneRegion),
                new PhoneOrWorkEmailRequired(), new DepartmentsRequired(), new CountryRegionRule(),
                new DirectManagerRule(), new DottedLineManagersRule(), new PasswordRule(), new PhotoRule(), new FieldValueRule(),
                new DateRangeRule(), new LifecycleRule());
    }

    /** Defaults for tests and tools: no business mail domain configured. */
    public static MemberPolicies withDefaultPhoneRegion(String region) {
        return of(region, List.of());
    }
}
