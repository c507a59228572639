package jp.govcloudops.notify;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends through the SMTP server of {@code spring.mail.*}, as UTF-8 text mail. */
final class SmtpTransport implements MailTransport {

    private final ObjectProvider<JavaMailSender> sender;

    SmtpTransport(ObjectProvider<JavaMailSender> sender) {
        this.sender = sender;
    }

    @Override
    public boolean isConfigured() {
        return sender.getIfAvailable() != null;
    }

    @Override
    public String missingConfiguration() {
        return "no SMTP server configured (spring.mail.host)";
    }

    @Override
    public void send(String from, List<String> recipients, String subject, String body) throws Exception {
        JavaMailSender mail = sender.getObject();
        MimeMessage mime = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
        helper.setFrom(new InternetAddress(from));
        helper.setTo(recipients.toArray(new String[0]));
        helper.setSubject(subject);
        helper.setText(body, false);
        mail.send(mime);
    }
}
