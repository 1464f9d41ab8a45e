package org.gatehouse.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body a filter has already read (all of it, or its beginning) and hands on from {@code body}, as
 * if unread: the rest of the chain reads it as it was sent, blocking.
 */
final class ReplayedBody extends HttpServletRequestWrapper {

    private final ServletInputStream stream;
    private final long contentLength;

    /** {@code contentLength}: the body's whole length when the filter knows it, else -1 (the request's own). */
    ReplayedBody(HttpServletRequest request, InputStream body, long contentLength) {
        super(request);
        this.contentLength = contentLength < 0 ? request.getContentLengthLong() : contentLength;
        this.stream = new ServletInputStream() {
            private boolean finished;

            @Override
            public int read() throws IOException {
                int b = body.read();
                finished = b < 0;
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = body.read(buffer, offset, length);
                finished = n < 0;
                return n;
            }

            @Override
            public boolean isFinished() {
                return finished;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("A replayed body is read blocking");
            }
        };
    }

    @Override
    public int getContentLength() {
        return contentLength > Integer.MAX_VALUE ? -1 : (int) contentLength;
    }

    @Override
    public long getContentLengthLong() {
        return contentLength;
    }

    @Override
    public ServletInputStream getInputStream() {
        return stream;
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(stream, charset));
    }
}
