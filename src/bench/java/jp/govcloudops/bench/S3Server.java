package jp.govcloudops.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The local S3 API server (S3Mock's runnable jar, which the build copies to target/test-servers) in its own
 * process on a free port, as the tests run it. Ingestion reaches it over HTTP with the application's own S3 client.
 */
final class S3Server implements AutoCloseable {

    static final String ACCESS_KEY = "bench-access-key";
    static final String SECRET_KEY = "bench-secret-key";

    private final Process process;
    private final int port;

    S3Server(Path jar, Path root) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the benchmark through Maven (mvn -Pbench verify)");
        }
        Files.createDirectories(root);
        port = freePort();
        process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", jar.toString(), "--server.port=" + freePort(), "--http.port=" + port,
                "--com.adobe.testing.s3mock.store.root=" + root.resolve("store"), "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"))
                .redirectErrorStream(true).redirectOutput(root.resolve("s3mock.log").toFile()).start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!reachable()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("S3 server did not start; see " + root.resolve("s3mock.log"));
            }
            Thread.sleep(200);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Uploads every file below {@code dir} to {@code bucket}, keyed by its path relative to {@code dir}. */
    long upload(Path dir, String bucket) throws IOException {
        long count = 0;
        try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(endpoint())).forcePathStyle(true)
                .region(Region.AP_NORTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build(); Stream<Path> files = Files.walk(dir)) {
            s3.createBucket(b -> b.bucket(bucket));
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String key = dir.relativize(file).toString();
                s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
                count++;
            }
        }
        return count;
    }

    private boolean reachable() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
