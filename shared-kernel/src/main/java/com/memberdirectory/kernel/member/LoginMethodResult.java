package com.memberdirectory.kernel.member;

/** What choosing a login method answers; {@code generatedPassword} is shown once to the admin and never stored in clear. */
public record LoginMethodResult(MemberId memberId, long version, String generatedPassword) {

    @Override
    public String toString() {
        return "LoginMethodResult[memberId=" + memberId + ", version=" + version + ", generatedPassword="
                + (generatedPassword == null ? "none" : "***") + "]";
    }
}
