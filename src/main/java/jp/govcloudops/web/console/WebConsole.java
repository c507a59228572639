package jp.govcloudops.web.console;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

import jp.govcloudops.config.WebProperties;
import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.boot.web.server.servlet.Session;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ForwardedHeaderFilter;

/**
 * The web console's configuration, added to the application by {@code serve} alone: the server's address, port
 * and session from govcloud.web, the pages, their templates and the security. Nothing here is scanned by the batch
 * commands, and application.yml leaves Thymeleaf out of their auto-configuration ({@link #PROPERTIES}).
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class WebConsole {

    /**
     * What serve adds to the command line's properties: a servlet application, and the auto-configuration that
     * application.yml keeps from the batch commands (Thymeleaf) back in.
     */
    public static final List<String> PROPERTIES = List.of("--spring.main.web-application-type=servlet",
            "--spring.autoconfigure.exclude=");

    @Bean
    WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> consoleServer(WebProperties settings) {
        return factory -> {
            factory.setPort(settings.port());
            try {
                factory.setAddress(InetAddress.getByName(settings.bind()));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("govcloud.web.bind: unknown address " + settings.bind(), e);
            }
            Session session = new Session();
            session.setTimeout(settings.sessionTimeout());
            // The session id travels in the cookie only, never in a URL that could be copied or logged.
            session.setTrackingModes(Set.of(Session.SessionTrackingMode.COOKIE));
            Cookie cookie = session.getCookie();
            cookie.setHttpOnly(true);
            cookie.setSecure(settings.secureCookie());
            cookie.setSameSite(Cookie.SameSite.STRICT);
            factory.setSession(session);
        };
    }

    /**
     * Behind a reverse proxy (govcloud.web.forwarded-headers): the client's address, the scheme and the path prefix
     * (X-Forwarded-Prefix) from the proxy's headers, so that links, redirects and the audit log are right.
     */
    @Bean
    FilterRegistrationBean<ForwardedHeaderFilter> forwardedHeaders(WebProperties settings) {
        FilterRegistrationBean<ForwardedHeaderFilter> registration = new FilterRegistrationBean<>(
                new ForwardedHeaderFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setEnabled(settings.forwardedHeaders());
        return registration;
    }
}
