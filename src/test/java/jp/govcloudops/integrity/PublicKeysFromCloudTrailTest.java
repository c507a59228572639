package jp.govcloudops.integrity;

import static jp.govcloudops.integrity.TrailIntegrityCommandTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import jp.govcloudops.GovcloudOpsApplication;
import jp.govcloudops.cli.GovcloudCli;
import jp.govcloudops.pipeline.ExitCodes;
import jp.govcloudops.support.CliRun;
import jp.govcloudops.support.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Keys fetched with the AWS SDK's ListPublicKeys over HTTP (a local endpoint answering in CloudTrail's JSON
 * protocol with the sample's key, since this machine cannot reach AWS): asked once per region and run, kept in
 * the store, so that a later run without access to the API still verifies.
 */
class PublicKeysFromCloudTrailTest {

    @TempDir
    Path tmp;

    private HttpServer server;
    private final java.util.Map<String, String> saved = new java.util.HashMap<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        System.clearProperty("govcloud.integrity.fetch-public-keys");
        System.clearProperty("govcloud.integrity.cloudtrail-endpoint");
        // The S3 test server of this JVM set its credentials once: give them back.
        saved.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    private void credentials() {
        for (String name : List.of("aws.accessKeyId", "aws.secretAccessKey")) {
            saved.put(name, System.getProperty(name));
        }
        System.setProperty("aws.accessKeyId", "test-access-key");
        System.setProperty("aws.secretAccessKey", "test-secret-key");
    }

    @Test
    void fetchedKeysAreKeptInTheStore() throws Exception {
        Path sample = tmp.resolve("sample");
        assertThat(GovcloudCli.execute(GovcloudOpsApplication.class, "sample-data", "--from=2026-10-05", "--to=2026-10-05", "--scale=0.05",
                "--seed=9", "--out=" + sample)).isEqualTo(ExitCodes.OK);
        JsonNode key = new ObjectMapper().readTree(sample.resolve("keys/cloudtrail-public-keys.json").toFile())
                .path("PublicKeyList").get(0);
        List<String> requests = new CopyOnWriteArrayList<>();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            requests.add(target + " " + authorization.replaceAll(".*Credential=[^/]+/\\d+/([^/]+)/.*", "$1"));
            byte[] body = ("{\"PublicKeyList\":[{\"Value\":\"" + key.path("Value").asString()
                    + "\",\"ValidityStartTime\":1.7913024E9,\"ValidityEndTime\":1.7939808E9,\"Fingerprint\":\""
                    + key.path("Fingerprint").asString() + "\"}]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        credentials();
        System.setProperty("govcloud.integrity.fetch-public-keys", "true");
        System.setProperty("govcloud.integrity.cloudtrail-endpoint", "http://127.0.0.1:" + server.getAddress().getPort());
        String db = TestStore.h2(tmp.resolve("db"));
        String[] verify = {"--db=" + db, "--source=" + sample.resolve("logs"), "verify-trail", "--from=2026-10-05",
                "--to=2026-10-05"};

        CliRun fetched = CliRun.of(verify);
        assertThat(fetched.exit()).as(fetched.out() + fetched.err()).isEqualTo(ExitCodes.OK);
        // One request, signed for the region of the first digest met; the key serves the other region too.
        assertThat(requests).singleElement().asString().matches(".*\\.ListPublicKeys ap-northeast-[13]");
        String region = requests.get(0).substring(requests.get(0).length() - "ap-northeast-1".length());
        assertThat(rows(db, "SELECT fingerprint || ' ' || origin FROM trail_public_key"))
                .containsExactly(key.path("Fingerprint").asString() + " ListPublicKeys " + region);

        System.clearProperty("govcloud.integrity.fetch-public-keys");
        server.stop(0);
        server = null;
        CliRun offline = CliRun.of(verify);
        assertThat(offline.exit()).as(offline.out()).isEqualTo(ExitCodes.OK);
        assertThat(rows(db, "SELECT DISTINCT status FROM trail_integrity")).containsExactly("VALID");
    }
}
