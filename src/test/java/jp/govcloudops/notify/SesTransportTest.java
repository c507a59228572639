package jp.govcloudops.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import jp.govcloudops.config.MailProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The SES transport with the real AWS SDK client against a local HTTP endpoint that answers as the SES v2 API does:
 * the request must be a signed SendEmail with the Japanese subject and body in UTF-8.
 */
class SesTransportTest {

    private HttpServer server;
    private final List<String> requests = new ArrayList<>();
    private final List<String> paths = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();
    private int status = 200;

    @BeforeEach
    void start() throws Exception {
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLETEST");
        System.setProperty("aws.secretAccessKey", "test-secret");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = (status == 200 ? "{\"MessageId\":\"0100-test\"}"
                    : "{\"message\":\"Email address is not verified.\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (status != 200) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "MessageRejected");
            }
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void sendsSignedUtf8SendEmail() throws Exception {
        try (SesTransport ses = new SesTransport(new MailProperties.Ses("ap-northeast-1",
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "govcloud-ops"))) {
            ses.send("govcloud-ops@pref.example.jp", List.of("soc@pref.example.jp", "ops@pref.example.jp"),
                    "[govcloud-ops][重要度 重大] CloudTrail ログ記録の停止", "対応策: 直ちに StartLogging で再開する。");
        }
        assertThat(paths).containsExactly("POST /v2/email/outbound-emails");
        assertThat(authorizations.get(0)).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLETEST/")
                .contains("/ap-northeast-1/ses/aws4_request");
        JsonNode request = new ObjectMapper().readTree(requests.get(0));
        assertThat(request.path("FromEmailAddress").asString()).isEqualTo("govcloud-ops@pref.example.jp");
        assertThat(request.path("Destination").path("ToAddresses").toString())
                .isEqualTo("[\"soc@pref.example.jp\",\"ops@pref.example.jp\"]");
        JsonNode simple = request.path("Content").path("Simple");
        assertThat(simple.path("Subject").path("Data").asString()).isEqualTo("[govcloud-ops][重要度 重大] CloudTrail ログ記録の停止");
        assertThat(simple.path("Subject").path("Charset").asString()).isEqualTo("UTF-8");
        assertThat(simple.path("Body").path("Text").path("Data").asString()).contains("StartLogging で再開");
        assertThat(request.path("ConfigurationSetName").asString()).isEqualTo("govcloud-ops");
    }

    @Test
    void aRejectionIsAnErrorForTheOutboxToRecord() {
        status = 400;
        try (SesTransport ses = new SesTransport(new MailProperties.Ses("ap-northeast-1",
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), null))) {
            assertThatThrownBy(() -> ses.send("x@example.jp", List.of("y@example.jp"), "s", "b"))
                    .hasMessageContaining("not verified");
        }
    }
}
