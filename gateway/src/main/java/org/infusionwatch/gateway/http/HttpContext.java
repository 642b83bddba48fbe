package org.infusionwatch.gateway.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.infusionwatch.agent.pipeline.InboundPublisher;
import org.infusionwatch.agent.protocol.ProtocolProfile;
import org.infusionwatch.gateway.http.auth.AuditLog;
import org.infusionwatch.gateway.http.auth.Sessions;
import org.infusionwatch.gateway.http.auth.UsersFile;
import org.infusionwatch.gateway.view.WardView;

/**
 * Everything the HTTP server and its routes use: defaults in one place, checked once in
 * {@link #conclude()}. Filled on one thread before the server starts; read-only afterwards.
 */
public final class HttpContext {
    private String host = "0.0.0.0";
    private int port = 8080;
    private int maxBodyBytes = 256 * 1024;
    private int apiThreads = 4;
    private WardView view;
    private InboundPublisher publisher;
    private UsersFile users;
    private Sessions sessions;
    private AuditLog audit;
    private Path dataDir;
    private ProtocolProfile profile;
    private LongSupplier agentClockMs = System::currentTimeMillis;
    private ObjectMapper json = new ObjectMapper();

    public HttpContext host(String v) {
        host = v;
        return this;
    }

    /** 0 = any free port. */
    public HttpContext port(int v) {
        port = v;
        return this;
    }

    public HttpContext maxBodyBytes(int v) {
        maxBodyBytes = v;
        return this;
    }

    /** Threads that run the routes (they may block on SQLite reads and password hashing). */
    public HttpContext apiThreads(int v) {
        apiThreads = v;
        return this;
    }

    public HttpContext view(WardView v) {
        view = v;
        return this;
    }

    /** Where acknowledgements, notes and entries go: the agent's ring, like every other input. */
    public HttpContext publisher(InboundPublisher v) {
        publisher = v;
        return this;
    }

    public HttpContext users(UsersFile v) {
        users = v;
        return this;
    }

    public HttpContext sessions(Sessions v) {
        sessions = v;
        return this;
    }

    public HttpContext audit(AuditLog v) {
        audit = v;
        return this;
    }

    /** The gateway's data folder: event log (read-only here) and staged protocol files. */
    public HttpContext dataDir(Path v) {
        dataDir = v;
        return this;
    }

    public HttpContext profile(ProtocolProfile v) {
        profile = v;
        return this;
    }

    /** The agent clock: the time put on acknowledgements and entries (sped up in the demo). */
    public HttpContext agentClockMs(LongSupplier v) {
        agentClockMs = v;
        return this;
    }

    public HttpContext json(ObjectMapper v) {
        json = v;
        return this;
    }

    HttpContext conclude() {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(profile, "profile");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("http port must be 0-65535, was " + port);
        }
        if (apiThreads < 1) {
            throw new IllegalArgumentException("apiThreads must be at least 1, was " + apiThreads);
        }
        return this;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    int maxBodyBytes() {
        return maxBodyBytes;
    }

    int apiThreads() {
        return apiThreads;
    }

    WardView view() {
        return view;
    }

    InboundPublisher publisher() {
        return publisher;
    }

    UsersFile users() {
        return users;
    }

    Sessions sessions() {
        return sessions;
    }

    AuditLog audit() {
        return audit;
    }

    Path dataDir() {
        return dataDir;
    }

    ProtocolProfile profile() {
        return profile;
    }

    LongSupplier agentClockMs() {
        return agentClockMs;
    }

    ObjectMapper json() {
        return json;
    }
}
