package jp.govcloudops.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Socket;

/** The RabbitMQ server of the development and CI machines (127.0.0.1:5672, guest/guest). */
public final class RabbitMq {

    public static final String HOST = System.getProperty("govcloud.test.rabbitmq.host", "127.0.0.1");
    public static final int PORT = Integer.getInteger("govcloud.test.rabbitmq.port", 5672);

    private RabbitMq() {
    }

    /** Skips the test when the broker is not reachable, or fails it under CI=true. */
    public static void require() {
        try (Socket socket = new Socket(HOST, PORT)) {
            // reachable
        } catch (IOException e) {
            if (Ci.isCi()) {
                throw new AssertionError("RabbitMQ is not reachable at " + HOST + ":" + PORT + " (CI=true)", e);
            }
            assumeTrue(false, "RabbitMQ not reachable: " + e.getMessage());
        }
    }
}
