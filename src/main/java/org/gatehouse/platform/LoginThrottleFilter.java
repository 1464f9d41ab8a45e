package org.gatehouse.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Puts {@link LoginThrottle} in front of every password check that comes over HTTP: HTTP Basic on the API, the engine
 * REST API and the actuator, and the webapps' login form. A client over a limit gets 429 problem+json with
 * Retry-After and its password is not checked, so the engine never sees the attempt. The client is the servlet's
 * remote address: behind a proxy, let Tomcat take it from the proxy's forwarded header (README, Security).
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    /** A login form is a user name and a password; more is read through but not searched for the name. */
    private static final int LOGIN_FORM_LIMIT = 8192;
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final LoginThrottle throttle;
    private final ObjectMapper json;
    private final String webappPath;
    private final Pattern login;

    LoginThrottleFilter(LoginThrottle throttle, ObjectMapper json, String webappPath) {
        this.throttle = throttle;
        this.json = json;
        this.webappPath = webappPath;
        this.login = Pattern.compile(Pattern.quote(webappPath) + "/api/admin/auth/user/[^/]+/login/[^/]+/?");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = PATHS.getPathWithinApplication(request);
        HttpServletRequest passed = request;
        String user;
        if (path.startsWith(webappPath + "/")) {
            if (!"POST".equals(request.getMethod()) || !login.matcher(path).matches()) {
                chain.doFilter(request, response);
                return;
            }
            LoginForm form = LoginForm.read(request);
            passed = form.request();
            user = form.username();
        } else {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                chain.doFilter(request, response);
                return;
            }
            user = basicUser(authorization.substring(6).trim());
        }
        String client = client(request.getRemoteAddr());
        Duration wait = throttle.refusal(client, user);
        if (wait != null) {
            tooManyFailures(request, response, wait);
            return;
        }
        try {
            chain.doFilter(passed, response);
        } finally {
            // 401 is a wrong password or an unknown name, the only outcome that stays counted
            if (response.getStatus() != HttpStatus.UNAUTHORIZED.value()) {
                throttle.succeeded(client, user);
            }
        }
    }

    private void tooManyFailures(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemResponses.write(json, request, response, HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed sign-ins from this client: try again in " + seconds + " seconds", null);
    }

    /** The user name of HTTP Basic credentials; null when they cannot be read (then only the client counts). */
    static String basicUser(String encoded) {
        try {
            String credentials = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return colon < 0 ? null : credentials.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The client a failure is counted against: the remote address, an IPv6 address by its /64 (what one subscriber
     * holds, so that rotating addresses inside it gains nothing).
     */
    static String client(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
            return remoteAddress;
        }
        try {
            byte[] address = InetAddress.getByName(remoteAddress).getAddress();
            return address.length == 16 ? HexFormat.of().formatHex(address, 0, 8) + "::/64"
                    : InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }

    /** The login form's user name, read from a bounded copy of the body that the webapp then reads as sent. */
    private record LoginForm(HttpServletRequest request, String username) {

        static LoginForm read(HttpServletRequest request) throws IOException {
            InputStream body = request.getInputStream();
            byte[] head = body.readNBytes(LOGIN_FORM_LIMIT + 1);
            Charset charset = request.getCharacterEncoding() == null ? StandardCharsets.UTF_8
                    : Charset.forName(request.getCharacterEncoding());
            String username = head.length > LOGIN_FORM_LIMIT || !MediaType.APPLICATION_FORM_URLENCODED
                    .isCompatibleWith(contentType(request)) ? null : parameter(new String(head, charset), "username", charset);
            InputStream replay = new SequenceInputStream(new ByteArrayInputStream(head), body);
            return new LoginForm(new ReplayedBody(request, replay, -1), username);
        }

        private static MediaType contentType(HttpServletRequest request) {
            try {
                return request.getContentType() == null ? MediaType.ALL : MediaType.parseMediaType(request.getContentType());
            } catch (IllegalArgumentException e) {
                return MediaType.ALL;
            }
        }

        private static String parameter(String form, String name, Charset charset) {
            try {
                for (String pair : form.split("&")) {
                    int equals = pair.indexOf('=');
                    if (equals > 0 && URLDecoder.decode(pair.substring(0, equals), charset).equals(name)) {
                        return URLDecoder.decode(pair.substring(equals + 1), charset);
                    }
                }
            } catch (IllegalArgumentException e) {
                // a malformed escape: the webapp refuses the form, only the client counts
            }
            return null;
        }
    }
}
