package jp.govcloudops.web.console.page;

import jp.govcloudops.config.WebProperties;
import jp.govcloudops.web.user.ConsoleUserStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 管理 ({@code /admin}, 管理者 only): the users (never their hashes) and the console's settings. */
@Controller
class AdminController {

    private final ConsoleUserStore users;
    private final WebProperties settings;

    AdminController(ConsoleUserStore users, WebProperties settings) {
        this.users = users;
        this.settings = settings;
    }

    @GetMapping("/admin")
    String admin(Model model) {
        model.addAttribute("users", users.all().stream()
                .map(u -> new UserRow(u.username(), u.role().label(), u.failedLogins(), u.lockedUntil())).toList());
        model.addAttribute("settings", settings);
        return "admin";
    }

    record UserRow(String name, String role, int failedLogins, java.time.LocalDateTime lockedUntil) {
    }
}
