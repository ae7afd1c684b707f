package com.memberdirectory.command.member;

import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** A business email is a valid address in one of the organization's own mail domains. */
public final class BusinessEmailRule {

    private final EmailAddressRule email = new EmailAddressRule();
    private final Set<String> domains;

    public BusinessEmailRule(List<String> domains) {
        this.domains = domains.stream().map(String::strip).filter(d -> !d.isEmpty())
                .map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** @return the trimmed address, or null when blank (the field is cleared) */
    public String check(String raw) {
        String address = email.check("businessEmail", raw);
        if (address == null) {
            return null;
        }
        String domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        if (!domains.contains(domain)) {
            String allowed = domains.isEmpty() ? "no mail domain is configured (directory.business-mail-domains)"
                    : "allowed: " + String.join(", ", domains.stream().sorted().toList());
            throw new DomainRuleViolation(ErrorCode.DOMAIN_NOT_ALLOWED, "businessEmail",
                    "'" + domain + "' is not one of the organization's mail domains; " + allowed + ".");
        }
        return address;
    }
}
