package org.infusionwatch.gateway.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** PBKDF2 hashes: the right password only, a new salt every time, the count kept with the hash. */
class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void shouldVerifyTheRightPasswordOnly() {
        String stored = hasher.hash("bedside-4".toCharArray());

        assertThat(PasswordHasher.verify("bedside-4".toCharArray(), stored)).isTrue();
        assertThat(PasswordHasher.verify("bedside-5".toCharArray(), stored)).isFalse();
        assertThat(PasswordHasher.verify("".toCharArray(), stored)).isFalse();
    }

    @Test
    void shouldSaltEveryHashAndKeepTheIterationCountWithIt() {
        String a = hasher.hash("same".toCharArray());
        String b = hasher.hash("same".toCharArray());

        assertThat(a).isNotEqualTo(b).startsWith("pbkdf2-sha256$1000$").doesNotContain("same");
        assertThat(PasswordHasher.verify("same".toCharArray(), b)).isTrue();
    }

    @Test
    void shouldNeverMatchAMalformedStoredHash() {
        assertThat(PasswordHasher.verify("x".toCharArray(), null)).isFalse();
        assertThat(PasswordHasher.verify("x".toCharArray(), "x")).isFalse();
        assertThat(PasswordHasher.verify("x".toCharArray(), "md5$1$AAAA$AAAA")).isFalse();
        assertThat(PasswordHasher.verify("x".toCharArray(), "pbkdf2-sha256$0$AAAA$AAAA")).isFalse();
        assertThat(PasswordHasher.verify("x".toCharArray(), "pbkdf2-sha256$ten$AAAA$AAAA")).isFalse();
    }
}
