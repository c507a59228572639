package jp.govcloudops.web.console.page;

import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

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
        jdbc.queryForObject("SELECT 1", Integer.class);
        return Map.of("status", "UP");
    }
}
