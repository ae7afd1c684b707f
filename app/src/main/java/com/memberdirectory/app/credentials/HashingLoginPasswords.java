package com.memberdirectory.app.credentials;

import com.memberdirectory.command.credentials.LoginPasswords;
import com.memberdirectory.kernel.member.MemberId;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Hashes login passwords (BCrypt through Spring Security's delegating encoder) and hands the hash to a store. */
public class HashingLoginPasswords implements LoginPasswords {

    /** Keeps one member's password hash. */
    public interface HashStore {
        void save(String memberId, String hash);
    }

    private final PasswordEncoder encoder;
    private final HashStore store;

    public HashingLoginPasswords(PasswordEncoder encoder, HashStore store) {
        this.encoder = encoder;
        this.store = store;
    }

    @Override
    public void store(MemberId memberId, String password) {
        store.save(memberId.value(), encoder.encode(password));
    }
}
