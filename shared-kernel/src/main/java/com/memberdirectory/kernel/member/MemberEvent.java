package com.memberdirectory.kernel.member;

/** Every fact recorded about a member; history and projections switch over the whole set. */
public sealed interface MemberEvent permits MemberCreated, MemberNameChanged, SurnameChanged,
        FirstNameChanged, AliasChanged, UserIdChanged, ContactEmailChanged, BusinessEmailChanged, PhoneNumberChanged,
        PhoneVisibilityChanged, GenderChanged, DepartmentsChanged, SeatChanged, EmployeeIdChanged,
        EmploymentDateChanged, CountryRegionChanged, CityChanged, ManagerChanged, DottedLineManagersChanged,
        LoginEmailChanged, LoginMethodChosen, LoginPasswordSet, MemberActivated,
        ProfilePhotoChanged, JobTitleChanged, WorkforceTypeChanged, CustomFieldValueChanged, MemberSuspended,
        MemberResumed, MemberOffboarded, ExternalIdChanged {

    MemberId memberId();
}
