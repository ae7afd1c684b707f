package com.memberdirectory.notification.bot;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureTest {

    @Test
    void signs_with_hmac_sha256_as_in_rfc_4231_test_case_2() {
        String body = "what do ya want for nothing?";
        assertThat(new Signature("Jefe").of(body.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void another_secret_gives_another_signature() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(new Signature("one").of(body)).isNotEqualTo(new Signature("two").of(body));
    }
}
