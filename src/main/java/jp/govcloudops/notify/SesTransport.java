package jp.govcloudops.notify;

import java.util.List;

import jp.govcloudops.config.MailProperties;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * Sends through Amazon SES (v2 API, SendEmail with simple UTF-8 content) with the AWS default credentials chain.
 * The client is built on first use, so a run with nothing to send needs no AWS configuration.
 */
final class SesTransport implements MailTransport, AutoCloseable {

    private final MailProperties.Ses settings;
    private volatile SesV2Client client;

    SesTransport(MailProperties.Ses settings) {
        this.settings = settings;
    }

    @Override
    public boolean isConfigured() {
        return true;
    }

    @Override
    public String missingConfiguration() {
        return "";
    }

    @Override
    public void send(String from, List<String> recipients, String subject, String body) {
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .fromEmailAddress(from)
                .destination(Destination.builder().toAddresses(recipients).build())
                .content(EmailContent.builder().simple(Message.builder()
                        .subject(utf8(subject))
                        .body(Body.builder().text(utf8(body)).build())
                        .build()).build());
        if (settings.configurationSet() != null && !settings.configurationSet().isBlank()) {
            request.configurationSetName(settings.configurationSet());
        }
        client().sendEmail(request.build());
    }

    private static Content utf8(String text) {
        return Content.builder().data(text).charset("UTF-8").build();
    }

    private SesV2Client client() {
        SesV2Client c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    SesV2ClientBuilder builder = SesV2Client.builder().region(Region.of(settings.region()));
                    if (settings.endpoint() != null) {
                        builder.endpointOverride(settings.endpoint());
                    }
                    client = builder.build();
                }
                c = client;
            }
        }
        return c;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
