package com.memberdirectory.kernel.member;

/**
 * What a spreadsheet row asks of a member (an import's row, or the undo's row setting a member back).
 *
 * @param expectedVersion the row's Version column (the version exported), or null
 * @param changes         the fields the row sets
 * @param loginEmailType  the login method the row chooses too, or null; choosing the business email for a member
 *                        without a password generates one, unless {@code loginPassword} gives it
 * @param loginPassword   the login password the row gives with the business email, or null (none given)
 */
public record RowValues(Long expectedVersion, MemberChanges changes, LoginEmailType loginEmailType,
                        String loginPassword) {

    /** Never prints the password (commands may end up in logs and exception messages). */
    @Override
    public String toString() {
        return "RowValues[expectedVersion=" + expectedVersion + ", changes=" + changes + ", loginEmailType="
                + loginEmailType + ", loginPassword=" + (loginPassword == null ? "none" : "***") + "]";
    }
}
