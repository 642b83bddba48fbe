package org.infusionwatch.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may use the HTTP API, seen from a client without a browser: no session, a forged or ended
 * one, a wrong password, each role against each route, another site's request, and what the
 * audit trail keeps of it. One gateway for the class; tests do not depend on each other's data.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HttpApiAccessTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;
    private static WebGateway web;

    @BeforeAll
    static void start() {
        web = WebGateway.start(dataDir, Instant.parse("2026-11-22T12:00:00Z"), s -> { });
    }

    @AfterAll
    static void stop() {
        if (web != null) {
            web.close();
        }
    }

    /** Every route of the API but sign-in, plus an unknown path and a method no route has. */
    static Stream<Arguments> everyProtectedRoute() {
        return Stream.of(
                Arguments.of("GET", "/api/session", null),
                Arguments.of("DELETE", "/api/session", null),
                Arguments.of("GET", "/api/ward", null),
                Arguments.of("GET", "/api/stream", null),
                Arguments.of("GET", "/api/entry-types", null),
                Arguments.of("POST", "/api/alerts/A-1/acknowledge", "{}"),
                Arguments.of("POST", "/api/alerts/A-1/notes", "{\"note\":\"x\"}"),
                Arguments.of("POST", "/api/beds/ICU-A/BED01/entries", "{\"type\":\"CARDIOVERSION\"}"),
                Arguments.of("GET", "/api/events", null),
                Arguments.of("GET", "/api/events.csv", null),
                Arguments.of("GET", "/api/events/1/timeline", null),
                Arguments.of("GET", "/api/verify", null),
                Arguments.of("GET", "/api/protocol", null),
                Arguments.of("PUT", "/api/protocol", "name=x"),
                Arguments.of("GET", "/api/audit", null),
                Arguments.of("GET", "/api/no-such-thing", null),
                Arguments.of("PATCH", "/api/ward", "{}"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyProtectedRoute")
    void shouldAnswer401WithoutASession(String method, String path, String body) throws Exception {
        ApiClient.Answer a = new ApiClient(web.port()).send(method, path, body);

        assertThat(a.status()).isEqualTo(401);
        assertThat(a.json().path("error").asText()).isEqualTo("sign in first");
        assertThat(a.raw().headers().firstValue("set-cookie")).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyProtectedRoute")
    void shouldAnswer401ToACookieNoSessionWasGiven(String method, String path, String body) throws Exception {
        ApiClient forged = new ApiClient(web.port()).withCookie("iw_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        assertThat(forged.send(method, path, body).status()).isEqualTo(401);
    }

    @Test
    void shouldAnswer401ToTheCookieOfASessionThatWasSignedOut() throws Exception {
        ApiClient nurse = ApiClient.signedIn(web.port(), "nurse", "nurse");
        String oldCookie = nurse.cookie();
        assertThat(nurse.get("/api/ward").status()).isEqualTo(200);

        assertThat(nurse.send("DELETE", "/api/session", null).status()).isEqualTo(200);

        ApiClient replay = new ApiClient(web.port()).withCookie(oldCookie);
        assertThat(replay.get("/api/ward").status()).isEqualTo(401);
        assertThat(replay.post("/api/beds/ICU-A/BED01/entries", "{\"type\":\"CARDIOVERSION\"}").status()).isEqualTo(401);
    }

    @Test
    void shouldAnswer401ToAWrongPasswordWithoutSayingWhichPartWasWrong() throws Exception {
        ApiClient.Answer wrongPassword = new ApiClient(web.port()).signIn("nurse", "not-the-password");
        ApiClient.Answer unknownName = new ApiClient(web.port()).signIn("nobody-here", "nurse");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownName.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(unknownName.body());
        assertThat(wrongPassword.json().path("error").asText()).isEqualTo("wrong name or password");
        assertThat(wrongPassword.raw().headers().firstValue("set-cookie")).isEmpty();
    }

    @Test
    void shouldAnswer400WhenNameOrPasswordIsMissing() throws Exception {
        ApiClient.Answer a = new ApiClient(web.port()).post("/api/session", "{\"name\":\"nurse\"}");

        assertThat(a.status()).isEqualTo(400);
    }

    @Test
    void shouldKeepTheSessionInAnHttpOnlySameSiteStrictCookie() throws Exception {
        ApiClient client = new ApiClient(web.port());
        ApiClient.Answer a = client.signIn("coordinator", "coordinator");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("role").asText()).isEqualTo("coordinator");
        assertThat(a.json().path("home").asText()).isEqualTo("/coordinator.html");
        String setCookie = a.raw().headers().firstValue("set-cookie").orElseThrow();
        assertThat(setCookie).startsWith("iw_session=").contains("HTTPOnly", "SameSite=Strict", "Path=/");
        assertThat(a.body()).as("the token is only in the cookie").doesNotContain(client.cookie().substring(11));
    }

    @Test
    void shouldAnswer403ToACoordinatorAcknowledgingAnAlertAndAuditTheAttempt() throws Exception {
        ApiClient coordinator = ApiClient.signedIn(web.port(), "coordinator", "coordinator");

        ApiClient.Answer a = coordinator.post("/api/alerts/A-anything/acknowledge", "{\"note\":\"seen\"}");

        assertThat(a.status()).isEqualTo(403);
        assertThat(a.json().path("error").asText()).contains("coordinator", "acknowledge alert");
        assertThat(AuditTrail.find(dataDir, "coordinator", "DENIED ACKNOWLEDGE_ALERT", "DENIED")).isNotEmpty();
    }

    @Test
    void shouldAnswer403ToANurseStoringAProtocolFileAndStoreNothing() throws Exception {
        ApiClient nurse = ApiClient.signedIn(web.port(), "nurse", "nurse");
        String stagedBefore = nurse.get("/api/protocol").json().path("staged").toString();

        ApiClient.Answer a = nurse.send("PUT", "/api/protocol",
                builtInProtocol("STROMA").replaceFirst("(?m)^version=.*$", "version=7"), "text/plain; charset=utf-8");

        assertThat(a.status()).isEqualTo(403);
        assertThat(nurse.get("/api/protocol").json().path("staged").toString()).isEqualTo(stagedBefore)
                .doesNotContain("-v7-");
        assertThat(AuditTrail.find(dataDir, "nurse", "DENIED CHANGE_PROTOCOL", "DENIED")).isNotEmpty();
    }

    @Test
    void shouldLetACoordinatorStoreAProtocolFileForTheNextStartButNotAnInvalidOne() throws Exception {
        ApiClient coordinator = ApiClient.signedIn(web.port(), "coordinator", "coordinator");
        String edited = builtInProtocol("START").replaceFirst("(?m)^version=.*$", "version=99");
        int okBefore = AuditTrail.find(dataDir, "coordinator", "PROTOCOL_UPLOAD", "OK").size();
        int refusedBefore = AuditTrail.find(dataDir, "coordinator", "PROTOCOL_UPLOAD", "REFUSED").size();

        ApiClient.Answer stored = coordinator.send("PUT", "/api/protocol", edited, "text/plain; charset=utf-8");
        ApiClient.Answer refused = coordinator.send("PUT", "/api/protocol",
                edited.replaceFirst("(?m)^window\\.minutes=.*$", "window.minutes=six hours"), "text/plain; charset=utf-8");

        assertThat(stored.status()).isEqualTo(201);
        assertThat(stored.json().path("version").asInt()).isEqualTo(99);
        assertThat(Path.of(stored.json().path("storedAs").asText())).exists().hasContent(edited);
        assertThat(stored.json().path("takesEffect").asText()).contains("--protocol");
        assertThat(coordinator.get("/api/protocol").json().path("name").asText())
                .as("the profile in force does not change while the gateway runs").isEqualTo("STROMA");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").asText()).contains("window.minutes");
        assertThat(AuditTrail.find(dataDir, "coordinator", "PROTOCOL_UPLOAD", "OK")).hasSize(okBefore + 1);
        assertThat(AuditTrail.find(dataDir, "coordinator", "PROTOCOL_UPLOAD", "REFUSED")).hasSize(refusedBefore + 1);
    }

    /** Role by role: 403 exactly where docs/http-api.md says the role may not go. */
    static Stream<Arguments> roleRules() {
        return Stream.of(
                // route, nurse, coordinator, admin may use it
                Arguments.of("GET", "/api/ward", true, true, true),
                Arguments.of("GET", "/api/entry-types", true, true, true),
                Arguments.of("POST", "/api/alerts/A-none/acknowledge", true, false, false),
                Arguments.of("POST", "/api/alerts/A-none/notes", true, true, false),
                Arguments.of("POST", "/api/beds/ICU-A/BED04/entries", true, false, false),
                Arguments.of("GET", "/api/events", false, true, true),
                Arguments.of("GET", "/api/events.csv", false, true, true),
                Arguments.of("GET", "/api/events/999999/timeline", false, true, true),
                Arguments.of("GET", "/api/verify", false, true, true),
                Arguments.of("GET", "/api/protocol", true, true, true),
                Arguments.of("PUT", "/api/protocol", false, true, true),
                Arguments.of("GET", "/api/audit", false, false, true));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("roleRules")
    void shouldRefuseEachRoleWith403ExactlyWhereItMayNotGo(String method, String path, boolean nurse,
                                                             boolean coordinator, boolean admin) throws Exception {
        // Bodies that a permitted role gets a 400 or 404 for, so that nothing is recorded or stored.
        String body = switch (method) {
            case "POST" -> "{\"type\":\"NOT_A_TYPE\",\"note\":\"\"}";
            case "PUT" -> "not a protocol file";
            default -> null;
        };
        for (Map.Entry<String, Boolean> role : Map.of("nurse", nurse, "coordinator", coordinator, "admin", admin)
                .entrySet()) {
            ApiClient client = ApiClient.signedIn(web.port(), role.getKey(), role.getKey());
            int status = client.send(method, path, body, "application/json").status();
            if (role.getValue()) {
                assertThat(status).as(role.getKey() + " may use " + method + " " + path).isNotIn(401, 403);
            } else {
                assertThat(status).as(role.getKey() + " may not use " + method + " " + path).isEqualTo(403);
            }
        }
    }

    @Test
    void shouldRefuseAChangingRequestFromAnotherSiteOrWithAFormBody() throws Exception {
        ApiClient nurse = ApiClient.signedIn(web.port(), "nurse", "nurse");
        String entry = "{\"type\":\"CARDIOVERSION\",\"note\":\"forged\"}";

        ApiClient.Answer otherSite = nurse.send("POST", "/api/beds/ICU-A/BED04/entries", entry, "application/json",
                Map.of("Origin", "http://attacker.example"));
        ApiClient.Answer formBody = nurse.send("POST", "/api/beds/ICU-A/BED04/entries", "type=CARDIOVERSION",
                "application/x-www-form-urlencoded");
        ApiClient.Answer ownPage = nurse.send("POST", "/api/alerts/A-none/notes", "{\"note\":\"x\"}", "application/json",
                Map.of("Origin", "http://127.0.0.1:" + web.port()));

        assertThat(otherSite.status()).isEqualTo(403);
        assertThat(otherSite.json().path("error").asText()).contains("another site");
        assertThat(formBody.status()).isEqualTo(403);
        assertThat(ownPage.status()).as("same origin passes the check (and finds no such alert)").isEqualTo(404);
        assertThat(AuditTrail.find(dataDir, "nurse", "ENTRY CARDIOVERSION", "OK")).isEmpty();
    }

    @Test
    void shouldSendASignedOutBrowserFromAViewPageToTheSignInPage() throws Exception {
        ApiClient anyone = new ApiClient(web.port());

        ApiClient.Answer nursePage = anyone.get("/nurse.html");
        ApiClient.Answer coordinatorPage = anyone.get("/coordinator.html");

        assertThat(nursePage.status()).isEqualTo(302);
        assertThat(nursePage.raw().headers().firstValue("location")).contains("/login.html?next=%2Fnurse.html");
        assertThat(coordinatorPage.status()).isEqualTo(302);
        assertThat(anyone.get("/login.html").status()).isEqualTo(200);
        assertThat(anyone.get("/js/common.js").status()).isEqualTo(200);
    }

    @Test
    void shouldSendANurseAskingForTheCoordinatorViewToTheNurseStation() throws Exception {
        ApiClient nurse = ApiClient.signedIn(web.port(), "nurse", "nurse");

        ApiClient.Answer a = nurse.get("/coordinator.html");

        assertThat(a.status()).isEqualTo(302);
        assertThat(a.raw().headers().firstValue("location")).contains("/nurse.html");
        assertThat(nurse.get("/nurse.html").status()).isEqualTo(200);
    }

    @Test
    void shouldAuditSignInsFailedSignInsAndSignOutsWithTheirUser() throws Exception {
        new ApiClient(web.port()).signIn("admin", "wrong");
        ApiClient admin = ApiClient.signedIn(web.port(), "admin", "admin");
        admin.send("DELETE", "/api/session", null);

        assertThat(AuditTrail.find(dataDir, "admin", "SIGN_IN", "FAILED")).isNotEmpty();
        assertThat(AuditTrail.find(dataDir, "admin", "SIGN_IN", "OK")).isNotEmpty()
                .allSatisfy(l -> assertThat(l.path("role").asText()).isEqualTo("admin"));
        assertThat(AuditTrail.find(dataDir, "admin", "SIGN_OUT", "OK")).isNotEmpty();
        assertThat(AuditTrail.lines(dataDir)).as("no password is ever written")
                .noneMatch(l -> l.toString().contains("\"wrong\"") || l.toString().contains("admin\",\"password"));
    }

    @Test
    void shouldShowTheAuditTrailToAnAdministrator() throws Exception {
        ApiClient admin = ApiClient.signedIn(web.port(), "admin", "admin");

        ApiClient.Answer a = admin.get("/api/audit?limit=5");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().size()).isBetween(1, 5);
        assertThat(a.json().get(a.json().size() - 1).path("action").asText()).isEqualTo("SIGN_IN");
        assertThat(admin.get("/api/audit?limit=lots").status()).isEqualTo(400);
    }

    @Test
    void shouldEndTheEventStreamOfASessionThatSignsOut() throws Exception {
        ApiClient nurse = ApiClient.signedIn(web.port(), "nurse", "nurse");
        HttpResponse<InputStream> response = nurse.stream();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/event-stream"));
        try (BufferedReader events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(events.readLine()).isEqualTo("retry: 2000");
            assertThat(events.readLine()).isEqualTo("event: hello");

            nurse.send("DELETE", "/api/session", null);

            // The next ward push (at least once a second) finds the session ended and ends the stream.
            assertTimeoutPreemptively(PATIENCE, () -> {
                while (events.readLine() != null) {
                    // skip what was sent before the sign-out
                }
            });
        }
    }

    private static String builtInProtocol(String name) throws Exception {
        try (InputStream in = HttpApiAccessTest.class.getResourceAsStream("/protocols/" + name + ".properties")) {
            assertThat(in).as("built-in protocol " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
