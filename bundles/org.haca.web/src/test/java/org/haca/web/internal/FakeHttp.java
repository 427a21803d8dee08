package org.haca.web.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Minimal servlet request/response stand-ins (dynamic proxies) for routing tests without a container. */
final class FakeHttp {
    int status = 200;
    String contentType;
    final ByteArrayOutputStream body = new ByteArrayOutputStream();

    String bodyText() {
        return body.toString(StandardCharsets.UTF_8);
    }

    static HttpServletRequest request(String method, String uri, String query, byte[] content) {
        return request(method, uri, query, content, null);
    }

    static HttpServletRequest request(String method, String uri, String query, byte[] content, String authorization) {
        ByteArrayInputStream in = new ByteArrayInputStream(content);
        ServletInputStream sin = new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener l) {
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> uri;
                    case "getContextPath" -> "";
                    case "getQueryString" -> query;
                    case "getInputStream" -> sin;
                    case "getContentLengthLong" -> (long) content.length;
                    case "getHeader" -> "Authorization".equals(args[0]) ? authorization : null;
                    default -> null;
                });
    }

    HttpServletResponse response() {
        ServletOutputStream sout = new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener l) {
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "setStatus" -> status = (Integer) args[0];
                        case "setContentType" -> contentType = (String) args[0];
                        case "getOutputStream" -> {
                            return sout;
                        }
                        default -> {
                        }
                    }
                    return null;
                });
    }
}
