package jp.govcloudops.web.console.security;

import java.util.ArrayList;
import java.util.List;

import jp.govcloudops.calendar.UtcTime;
import jp.govcloudops.web.user.ConsoleRole;
import jp.govcloudops.web.user.ConsoleUser;
import jp.govcloudops.web.user.ConsoleUserStore;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Signs users in against the store. A role carries the authorities of the roles below it. */
@Service
public class StoreUserDetails implements UserDetailsService {

    private final ConsoleUserStore users;

    public StoreUserDetails(ConsoleUserStore users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        ConsoleUser user = users.find(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(user.username()).password(user.passwordHash()).authorities(authorities(user.role()))
                .accountLocked(user.lockedAt(UtcTime.now())).build();
    }

    static List<GrantedAuthority> authorities(ConsoleRole role) {
        List<GrantedAuthority> granted = new ArrayList<>();
        for (ConsoleRole r : ConsoleRole.values()) {
            if (r.ordinal() <= role.ordinal()) {
                granted.add(new SimpleGrantedAuthority(r.authority()));
            }
        }
        return granted;
    }
}
