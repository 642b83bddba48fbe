package org.infusionwatch.gateway.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Sessions on a hand-driven wall clock: idle expiry, use keeping a session alive, sign-out. */
class SessionsTest {
    private static final long IDLE_MS = 60_000;
    private static final UserAccount NURSE = new UserAccount("nurse-17", "nurse", "unused-hash");

    private final AtomicLong wallMs = new AtomicLong(1_000_000);
    private final Sessions sessions = new Sessions(IDLE_MS, wallMs::get);

    @Test
    void shouldEndASessionUnusedForLongerThanTheIdleTimeout() {
        Session s = sessions.open(NURSE);

        wallMs.addAndGet(IDLE_MS + 1);

        assertThat(sessions.find(s.token())).isEmpty();
        assertThat(sessions.isOpen(s.token())).isFalse();
    }

    @Test
    void shouldKeepASessionAliveWhileItIsUsed() {
        Session s = sessions.open(NURSE);

        for (int i = 0; i < 5; i++) {
            wallMs.addAndGet(IDLE_MS - 1);
            assertThat(sessions.find(s.token())).as("use %d", i).contains(s);
        }
        assertThat(s.user()).isEqualTo("nurse-17");
        assertThat(s.role()).isEqualTo(Role.NURSE);
    }

    @Test
    void shouldNotCountAnOpenEventStreamAsUse() {
        Session s = sessions.open(NURSE);

        wallMs.addAndGet(IDLE_MS - 1);
        assertThat(sessions.isOpen(s.token())).isTrue();
        wallMs.addAndGet(2);

        assertThat(sessions.isOpen(s.token())).isFalse();
    }

    @Test
    void shouldForgetASessionAtSignOutAndKnowNoTokenItDidNotIssue() {
        Session s = sessions.open(NURSE);

        sessions.close(s.token());

        assertThat(sessions.find(s.token())).isEmpty();
        assertThat(sessions.find("made-up")).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }

    @Test
    void shouldIssueUnguessableTokens() {
        String a = sessions.open(NURSE).token();
        String b = sessions.open(NURSE).token();

        assertThat(a).isNotEqualTo(b).hasSize(43).matches("[A-Za-z0-9_-]+");
    }
}
