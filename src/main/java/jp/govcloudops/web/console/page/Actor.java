package jp.govcloudops.web.console.page;

import jakarta.servlet.http.HttpServletRequest;

/** Who makes a change and from which address, as the audit log writes them. */
record Actor(String username, String address) {

    static Actor of(HttpServletRequest request) {
        return new Actor(request.getUserPrincipal().getName(), request.getRemoteAddr());
    }
}
