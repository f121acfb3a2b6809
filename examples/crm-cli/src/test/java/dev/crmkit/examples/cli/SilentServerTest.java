package dev.crmkit.examples.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A "database" that accepts connections and never answers: {@code crm} ends with exit status 1 and one clear line
 * instead of hanging. The 60-second bound of each test only guards against a hang (the driver limits are 10-20 s); it
 * is not a performance assertion. The two tests that wait run at the same time (each with a silent server of its
 * own): they only wait for the driver limits, so the class waits 20 s instead of 40 s on two or more processors. Only
 * those two methods are {@code CONCURRENT}, not the class: the class runs in its turn like every other (the default,
 * same_thread), so whichever launcher runs the module, only its own two methods overlap, never another class.
 */
class SilentServerTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startSilentServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    accepted.add(server.accept()); // kept open, never read from or written to
                } catch (IOException closed) {
                    return;
                }
            }
        }, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stopSilentServer() throws IOException {
        server.close();
        for (Socket s : accepted) {
            s.close();
        }
    }

    private CliRun crmAgainst(String url) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> CliRun.crm("pipeline", "show", "--as-of", CliRun.AS_OF, "--jdbc-url", url,
                "--jdbc-user", "crm", "--jdbc-password", "s3cret"));
    }

    private String url(String scheme) {
        return "jdbc:" + scheme + "://127.0.0.1:" + server.getLocalPort() + "/crm";
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void postgresql_silentServer_exitsWith1AndOneLineSayingNoAnswer() {
        CliRun run = crmAgainst(url("postgresql"));

        assertEquals(1, run.exitCode(), run.toString());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("crm: cannot connect to " + url("postgresql") + ": no answer within 20 s"),
                run.err());
        assertTrue(!accepted.isEmpty(), "the driver did connect to the silent server");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void mariadb_silentServer_exitsWith1AndOneLineSayingNoAnswer() {
        CliRun run = crmAgainst(url("mariadb"));

        assertEquals(1, run.exitCode(), run.toString());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("crm: cannot connect to " + url("mariadb") + ": no answer within 20 s"),
                run.err());
        assertTrue(!accepted.isEmpty(), "the driver did connect to the silent server");
    }

    @Test
    void driverTimeouts_perDriver_andTheUrlsOwnSettingWins() {
        assertEquals(Map.of("connectTimeout", "10", "loginTimeout", "20", "socketTimeout", "60"),
                DriverTimeouts.forUrl("jdbc:postgresql://h/db"));
        assertEquals(Map.of("connectTimeout", "10", "loginTimeout", "20"),
                DriverTimeouts.forUrl("jdbc:postgresql://h/db?sockettimeout=600"));
        assertEquals(Map.of("connectTimeout", "20000", "socketTimeout", "60000"),
                DriverTimeouts.forUrl("jdbc:mariadb://h/db"));
        assertEquals(Map.of("LOCK_TIMEOUT", "10000"), DriverTimeouts.forUrl("jdbc:h2:file:/tmp/crm"));
        assertEquals(Map.of(), DriverTimeouts.forUrl("jdbc:h2:file:/tmp/crm;LOCK_TIMEOUT=500"));
    }
}
