package org.gatehouse.platform;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * What Tomcat answers itself, before any filter or controller runs (a path with an encoded {@code /}, a bad
 * percent-encoding), is problem+json like every other error, without Tomcat's HTML page and version.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String errors = status == 400 ? ",\"errors\":[{\"field\":\"path\",\"message\":\"is not a valid request path\"}]" : "";
        String problem = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                + (status == 400 ? "The request's path is malformed" : title) + "\"" + errors + "}";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(problem);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away, or the response cannot take a body: the status stands
            response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, e);
        }
    }
}
