package com.memberdirectory.notification.password;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordSealTest {

    private final PasswordSeal seal = new PasswordSeal("bot-secret-of-some-length");

    @Test
    void a_sealed_password_opens_with_the_same_secret_only() {
        byte[] sealed = seal.seal("S3cret-pass!");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("S3cret-pass!");
        assertThat(seal.open(sealed)).contains("S3cret-pass!");
        assertThat(new PasswordSeal("another secret").open(sealed)).isEmpty();
    }

    @Test
    void sealing_twice_gives_different_bytes() {
        assertThat(seal.seal("same")).isNotEqualTo(seal.seal("same"));
    }

    @Test
    void an_altered_value_does_not_open() {
        byte[] sealed = seal.seal("S3cret-pass!");
        sealed[sealed.length - 1] ^= 1;
        assertThat(seal.open(sealed)).isEmpty();
    }
}
