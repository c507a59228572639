package jp.govcloudops.web.console.security;

import jakarta.servlet.DispatcherType;

import jp.govcloudops.web.user.ConsoleRole;
import jp.govcloudops.web.user.ConsoleUsers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;

/**
 * Who may reach what. Without a sign-in only the login page, its stylesheet and /health answer; pages and
 * /api answer GET to every role; every change (any other method) needs 運用者 (OPERATOR) or 管理者 (ADMIN);
 * /admin needs 管理者. Form login with CSRF tokens on every form, a session cookie that is HttpOnly and SameSite,
 * and headers that forbid framing, sniffing and foreign scripts.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class ConsoleSecurity {

    /** The paths anyone may reach. */
    static final String[] PUBLIC = {"/login", "/health", "/console/console.css"};

    @Bean
    SecurityFilterChain consoleFilterChain(HttpSecurity http) throws Exception {
        String viewer = ConsoleRole.VIEWER.name();
        String operator = ConsoleRole.OPERATOR.name();
        String admin = ConsoleRole.ADMIN.name();
        http.authorizeHttpRequests(requests -> requests
                        // Error pages rendered for a request that was already authorized (or refused).
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/admin/**").hasRole(admin)
                        .requestMatchers(HttpMethod.GET, "/**").hasRole(viewer)
                        .anyRequest().hasRole(operator))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureUrl("/login?error"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // Scripts get 401 instead of the login page's HTML; everything else, whatever it accepts, the login page.
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new DelegatingAuthenticationEntryPoint(
                        new LoginUrlAuthenticationEntryPoint("/login"), new RequestMatcherEntry<>(
                                PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:;"
                                + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    @Bean
    PasswordEncoder consolePasswords() {
        return ConsoleUsers.PASSWORDS;
    }
}
