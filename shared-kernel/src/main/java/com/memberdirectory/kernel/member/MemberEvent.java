package com.memberdirectory.kernel.member;

/** Every fact recorded about a member; history and projections switch over the whole set. */
public sealed interface MemberEvent permits MemberCreated, MemberNameChanged, UserIdChanged,
        ContactEmailChanged, PhoneNumberChanged, DepartmentsChanged, LoginEmailChanged {

    MemberId memberId();
}
