package com.memberdirectory.command.member;

/** The rules a member command is checked against, configured once by the application. */
public record MemberPolicies(NameRule name,
                             UserIdRule userId,
                             EmailAddressRule email,
                             PhoneNumberRule phone,
                             PhoneOrWorkEmailRequired reachable,
                             DepartmentsRequired departments) {

    public static MemberPolicies withDefaultPhoneRegion(String region) {
        return new MemberPolicies(new NameRule(), new UserIdRule(), new EmailAddressRule(),
                new PhoneNumberRule(region), new PhoneOrWorkEmailRequired(), new DepartmentsRequired());
    }
}
