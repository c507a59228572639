package jp.govcloudops.web.console.page;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** The two pages anyone may reach: the login form and the health check (the store answers). */
@Controller
class LoginController {

    private final JdbcTemplate jdbc;

    LoginController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/health")
    @ResponseBody
    Map<String, String> health() {
        Boolean valid = jdbc.execute((ConnectionCallback<Boolean>) connection -> connection.isValid(5));
        if (!Boolean.TRUE.equals(valid)) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the store does not answer");
        }
        return Map.of("status", "UP");
    }
}
